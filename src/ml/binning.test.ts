import { describe, expect, it } from 'vitest';
import { applyBins, fitBinMapper, numericBin } from './binning.js';
import { createDataset } from './dataset.js';
import { createPrng } from './prng.js';

const num = (name: string) => ({ name, kind: 'numeric' as const });
const cat = (name: string) => ({ name, kind: 'categorical' as const });

describe('quantile binning', () => {
  it('uses midpoints when there are few distinct values and puts missing in bin 0', () => {
    const ds = createDataset([num('x')], [Float64Array.from([1, 2, 2, 3, NaN, 1])]);
    const mapper = fitBinMapper(ds, { maxBins: 255 });
    expect(mapper.features[0]!.cuts).toEqual([1.5, 2.5]);
    expect(Array.from(applyBins(mapper, ds).columns[0]!)).toEqual([1, 2, 2, 3, 0, 1]);
  });

  it('caps the number of value bins and agrees with the x ≤ cut rule on new data', () => {
    const r = createPrng(1);
    const train = createDataset([num('x')], [Float64Array.from({ length: 5000 }, () => r.next() * 100)]);
    const mapper = fitBinMapper(train, { maxBins: 32 });
    const cuts = mapper.features[0]!.cuts;
    expect(cuts.length).toBeLessThanOrEqual(31);
    expect(cuts.length).toBeGreaterThan(25);
    const fresh = Float64Array.from({ length: 2000 }, (_, i) => (i % 97 === 0 ? NaN : r.next() * 120 - 10));
    fresh[1] = cuts[3]!; // a value exactly on a cut goes to the lower bin
    const bins = applyBins(mapper, createDataset([num('x')], [fresh])).columns[0]!;
    fresh.forEach((x, i) => {
      const expected = Number.isNaN(x) ? 0 : 1 + cuts.filter((c) => c < x).length;
      expect(bins[i]).toBe(expected);
      expect(numericBin(cuts, x)).toBe(expected);
    });
  });

  it('never exceeds 255 value bins so a bin fits in one byte', () => {
    const ds = createDataset([num('x')], [Float64Array.from({ length: 20000 }, (_, i) => i)]);
    const mapper = fitBinMapper(ds, { maxBins: 1000 });
    expect(mapper.features[0]!.cuts.length).toBeLessThanOrEqual(254);
    expect(Math.max(...applyBins(mapper, ds).columns[0]!)).toBeLessThanOrEqual(255);
  });

  it('maps categorical codes to their own bins and unknown codes to the missing bin', () => {
    const train = createDataset([cat('c')], [Float64Array.from([5, 2, 2, 9, NaN])]);
    const mapper = fitBinMapper(train);
    expect(mapper.features[0]!.categories).toEqual([2, 5, 9]);
    const fresh = createDataset([cat('c')], [Float64Array.from([9, 2, 7, NaN, 5])]);
    expect(Array.from(applyBins(mapper, fresh).columns[0]!)).toEqual([3, 1, 0, 0, 2]);
  });

  it('rejects non-integer categorical codes', () => {
    expect(() => fitBinMapper(createDataset([cat('c')], [Float64Array.from([1.5])]))).toThrow(/non-integer/);
  });
});
