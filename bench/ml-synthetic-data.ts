// Seeded synthetic dataset shaped like the fallout problem (fallout-and-ai.md §2), for the ML
// benchmark only: ~40 features (several categorical), NaN for not-applicable values, ~12% positives
// driven by non-linear interactions plus irreducible noise. Rows are in time order.
import { createDataset, type Dataset, type FeatureSpec } from '../src/ml/dataset.js';
import { createPrng, type Prng } from '../src/ml/prng.js';

/** Feature names and kinds of the synthetic fallout table. */
export const SYNTHETIC_FEATURES: readonly FeatureSpec[] = [
  ...['product', 'channel', 'region', 'carrier', 'sku', 'weekday'].map((name) => ({ name, kind: 'categorical' as const })),
  ...[
    'creditScore', 'newCustomer', 'lines', 'addOns', 'leadDays', 'stock', 'load', 'hour', 'mdu', 'noteLen',
    'noteRisk', 'addrScore', 'unitMissing', 'nameSim', 'phoneInvalid', 'portIn', 'repTE', 'monthEnd',
  ].map((name) => ({ name, kind: 'numeric' as const })),
  ...Array.from({ length: 16 }, (_, i) => ({ name: `aux${i}`, kind: 'numeric' as const })),
];

const normal = (r: Prng): number => Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
const poisson = (r: Prng, lambda: number): number => {
  let k = 0;
  for (let p = r.next(), l = Math.exp(-lambda); p > l; p *= r.next()) k++;
  return k;
};
const clip = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Draws one row into x (feature order of SYNTHETIC_FEATURES) and returns its fallout logit. */
function drawRow(r: Prng, t: number, x: Float64Array, regionOffset: Float64Array, skuRisk: Float64Array): number {
  const product = r.int(6), channel = r.int(4), region = r.int(20), sku = product === 2 ? NaN : r.int(12), weekday = r.int(7);
  const portIn = r.next() < [0.1, 0.08, 0.45, 0.5, 0.15, 0][product]! ? 1 : 0;
  const carrier = portIn ? r.int(8) : NaN;
  const credit = clip(Math.round(690 + 70 * normal(r)), 300, 850), newCust = r.next() < 0.4 ? 1 : 0;
  const lines = 1 + poisson(r, product === 3 || product === 4 ? 1.5 : 0.4), addOns = poisson(r, 1 + 0.2 * product);
  const lead = 1 + poisson(r, 5), stock = Number.isNaN(sku) ? NaN : poisson(r, 8 * Math.exp(-5 * skuRisk[sku]!));
  const hour = clip(Math.round(13 + 3.5 * normal(r)), 0, 23), monthEnd = (t * 365) % 30.42 >= 25.5 ? 1 : 0;
  const load = clip(0.5 + 0.25 * Math.sin((2 * Math.PI * hour) / 24 - 1.5) + 0.15 * normal(r) + 0.1 * monthEnd, 0, 1);
  const mdu = r.next() < 0.3 ? 1 : 0, risky = r.next() < 0.15 ? 1 : 0;
  const addrBad = r.next() < 0.1 + 0.1 * mdu ? 1 : 0, nameMis = portIn && r.next() < 0.18 ? 1 : 0;
  const nameSim = portIn ? clip(nameMis ? 0.7 + 0.12 * normal(r) : 0.94 + 0.05 * normal(r), 0, 1) : NaN;
  const repTE = channel === 0 ? NaN : clip(0.12 + 0.04 * normal(r) + 0.05 * risky, 0, 1);
  const vals = [product, channel, region, carrier, sku, weekday, credit, newCust, lines, addOns, lead, stock, load, hour, mdu,
    poisson(r, 40 + 40 * risky), risky ? 1 + poisson(r, 0.6) : r.next() < 0.05 ? 1 : 0,
    clip((addrBad ? 0.55 : 0.9) + 0.15 * normal(r), 0, 1), mdu && r.next() < (addrBad ? 0.4 : 0.1) ? 1 : 0,
    nameSim, r.next() < 0.04 ? 1 : 0, portIn, repTE, monthEnd];
  vals.forEach((v, i) => (x[i] = v));
  for (let i = 0; i < 16; i++) x[24 + i] = r.next() < 0.08 ? NaN : i < 4 ? normal(r) + 0.5 * (i === 0 ? addrBad : risky) : normal(r);
  const legacy = region < 5 && !(region < 3 && t > 0.66) ? 1 : 0;
  return -4.4 + 2.2 * addrBad * (0.6 + 0.8 * mdu) + regionOffset[region]! + 0.6 * newCust * (credit < 620 ? 2.5 : 0)
    + 2.6 * nameMis * (0.5 + (portIn ? carrier / 8 : 0)) + 0.4 * (t > 0.5 ? portIn : 0) + 1.2 * (stock <= 2 ? 1 : 0) * (1 + monthEnd)
    + 2.5 * legacy * load * load + 0.5 * (addOns >= 3 && (product === 3 || product === 5) ? 1 : 0)
    + 0.8 * risky + 0.5 * (lead <= 2 ? 1 : 0) + 0.3 * Math.tanh(x[25]! || 0) * (channel === 2 ? 1 : 0) + 1.6 * normal(r);
}

/** Target share of positive rows. */
const POSITIVE_RATE = 0.12;

/** Shift c such that the mean of σ(logit + c) equals rate (bisection). */
function interceptFor(logits: Float64Array, rate: number): number {
  let lo = -20;
  let hi = 20;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    let s = 0;
    for (const l of logits) s += 1 / (1 + Math.exp(-(l + mid)));
    if (s / logits.length < rate) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Generates n time-ordered rows with the given seed. */
export function syntheticFalloutData(n: number, seed: number): Dataset {
  const r = createPrng(seed);
  const regionOffset = Float64Array.from({ length: 20 }, () => 0.3 * normal(r));
  const skuRisk = Float64Array.from({ length: 12 }, () => 0.04 + 0.3 * r.next() ** 2);
  const F = SYNTHETIC_FEATURES.length;
  const columns = Array.from({ length: F }, () => new Float64Array(n));
  const logits = new Float64Array(n);
  const x = new Float64Array(F);
  for (let i = 0; i < n; i++) {
    logits[i] = drawRow(r, i / n, x, regionOffset, skuRisk);
    for (let f = 0; f < F; f++) columns[f]![i] = x[f]!;
  }
  const shift = interceptFor(logits, POSITIVE_RATE);
  const labels = logits.map((l) => (r.next() < 1 / (1 + Math.exp(-(l + shift))) ? 1 : 0));
  return createDataset(SYNTHETIC_FEATURES, columns, labels);
}
