import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  createWorld, isLegacyAt, losingCarrierList, numbersFree, portTighteningAt, SKUS, stockOnHand, US_PLACES, monthStart,
} from './index.js';

const START = '2025-01-01T00:00:00Z';
const world = createWorld({ seed: 9, start: START, customers: 2000 });

function zipLookup(): ((zip: string) => { city: string; state: string } | undefined) | undefined {
  try {
    return (createRequire(import.meta.url)('zipcodes') as { lookup: (z: string) => { city: string; state: string } | undefined }).lookup;
  } catch {
    return undefined;
  }
}

describe('the simulated world', () => {
  it('is the same for the same seed and differs for another', () => {
    const again = createWorld({ seed: 9, start: START, customers: 2000 });
    const other = createWorld({ seed: 10, start: START, customers: 2000 });
    expect(JSON.stringify(again.customers)).toBe(JSON.stringify(world.customers));
    expect(JSON.stringify(again.inventory)).toBe(JSON.stringify(world.inventory));
    expect(JSON.stringify(other.customers)).not.toBe(JSON.stringify(world.customers));
  });

  it('uses real city/state/ZIP triples', () => {
    const lookup = zipLookup();
    if (lookup === undefined) return;
    for (const p of US_PLACES) for (const z of p.zips) expect(lookup(z)).toMatchObject({ city: p.city, state: p.state });
  });

  it('registers every customer address, with a unit exactly when the building is multi-dwelling', () => {
    let mdu = 0;
    for (const c of world.customers) {
      const b = world.buildings.find(c.address);
      expect(b?.id).toBe(c.buildingId);
      if (b?.kind === 'multi-dwelling') {
        mdu++;
        expect(b.units).toContain(c.address.unit);
      } else expect(c.address.unit).toBeUndefined();
    }
    expect(mdu / world.customers.length).toBeGreaterThan(0.15);
    expect(mdu / world.customers.length).toBeLessThan(0.5);
  });

  it('runs a quarter of the regions on the legacy stack and migrates three of them in month 8', () => {
    expect(world.regions).toHaveLength(20);
    const legacy = world.regions.filter((r) => r.legacy);
    expect(legacy).toHaveLength(5);
    const before = monthStart(new Date(START), 7);
    const after = monthStart(new Date(START), 8);
    expect(legacy.filter((r) => isLegacyAt(world, r.id, before))).toHaveLength(5);
    expect(legacy.filter((r) => isLegacyAt(world, r.id, after))).toHaveLength(2);
    expect(portTighteningAt(world, monthStart(new Date(START), 5))).toBe(0);
    expect(portTighteningAt(world, monthStart(new Date(START), 6))).toBeGreaterThan(0);
  });

  it('lists eight losing carriers of both kinds with strictness rising with the index', () => {
    const list = losingCarrierList();
    expect(list).toHaveLength(8);
    expect(new Set(list.map((c) => c.kind))).toEqual(new Set(['wireless', 'wireline']));
    expect(world.carriers.map((c) => c.strictnessScore)).toEqual([...world.carriers.map((c) => c.strictnessScore)].sort());
    const shares = world.carriers.reduce((a, c) => a + c.marketShare, 0);
    expect(shares).toBeCloseTo(1, 5);
  });

  it('has stock and numbers that run short sometimes and the same level for the same day', () => {
    const region = world.regions[0]?.id ?? '';
    const scarce = SKUS.find((s) => s.id === 'RTR-WIFI7');
    const days = Array.from({ length: 120 }, (_, d) => new Date(Date.parse(START) + d * 86_400_000));
    const levels = days.map((d) => stockOnHand(9, region, scarce ?? SKUS[0]!, d));
    expect(levels).toEqual(days.map((d) => stockOnHand(9, region, scarce ?? SKUS[0]!, d)));
    expect(levels.filter((l) => l <= 2).length).toBeGreaterThan(10);
    const free = world.regions.flatMap((r) => days.map((d) => numbersFree(9, r.id, d)));
    expect(free.some((n) => n < 20)).toBe(true);
    expect(free.some((n) => n > 300)).toBe(true);
  });

  it('gives existing customers products with unique ids, and prospects none', () => {
    expect(new Set(world.inventory.map((p) => p.id)).size).toBe(world.inventory.length);
    for (const c of world.customers.slice(0, 300)) {
      if (c.prospect) expect(world.productsOf(c.id)).toEqual([]);
      else expect(world.productsOf(c.id).length).toBeGreaterThan(0);
    }
    const nick = world.customers.filter((c) => c.nickname !== undefined).length / world.customers.length;
    expect(nick).toBeGreaterThan(0.05);
  });
});
