import { streamFor, type RandomStream, type Seed } from '../random/index.js';
import type { ProductFamily } from './cpe-stock.js';
import type { Customer } from './customer.js';
import { drawPhoneNumber } from './phone-number.js';
import { ADD_ONS, LEGACY_PLANS, PLAN_LADDERS, hiddenIncompatibility } from './portfolio.js';
import type { Region } from './region.js';

/** A product a customer already has (inventory), referenced by modify and delete orders. */
export interface CustomerProduct {
  readonly id: string;
  readonly customerId: string;
  readonly offeringId: string;
  readonly family: ProductFamily;
  /** The base product an add-on belongs to. */
  readonly parentId?: string;
  readonly status: 'active';
  readonly startDate: string;
  /** The line's number for mobile and voice products. */
  readonly msisdn?: string;
}

const HOLDINGS: readonly (readonly [ProductFamily, number])[] = [
  ['mobile', 0.45], ['fiber', 0.25], ['dsl', 0.15], ['voip', 0.07], ['iptv', 0.05], ['dia', 0.03],
];

function basePlan(rng: RandomStream, family: ProductFamily): string {
  const legacy = LEGACY_PLANS[family];
  if (legacy !== undefined && rng.bernoulli(0.12)) return legacy;
  return rng.pick(PLAN_LADDERS[family]);
}

function productsOfCustomer(rng: RandomStream, customer: Customer, region: Region, start: Date): CustomerProduct[] {
  const out: CustomerProduct[] = [];
  const count = 1 + rng.poisson(0.6);
  for (let k = 0; k < count; k++) {
    let family = rng.weighted(HOLDINGS);
    if (customer.kind === 'individual' && family === 'dia') family = 'fiber';
    const hasBroadband = out.some((p) => p.family === 'fiber' || p.family === 'dsl');
    if ((family === 'iptv' || family === 'voip') && !hasBroadband) family = 'fiber';
    const id = `PRD-${customer.id.slice(5)}-${k}`;
    const since = new Date(start.getTime() - rng.int(30, 2000) * 86_400_000).toISOString();
    const offeringId = basePlan(rng, family);
    const msisdn = family === 'mobile' || family === 'voip' ? { msisdn: drawPhoneNumber(rng, region.areaCodes) } : {};
    out.push({ id, customerId: customer.id, offeringId, family, status: 'active', startDate: since, ...msisdn });
    const addOns = ADD_ONS[family] ?? [];
    addOns.forEach((addOn, j) => {
      if (addOn === 'po-addon-data-boost-5gb' || !rng.bernoulli(0.25)) return;
      if (hiddenIncompatibility(addOn, offeringId) !== undefined) return;
      out.push({ id: `${id}-A${j}`, customerId: customer.id, offeringId: addOn, family, parentId: id, status: 'active', startDate: since });
    });
  }
  return out;
}

/** Builds the existing products of every non-prospect customer, before the world start. */
export function buildInventory(seed: Seed, customers: readonly Customer[], regions: readonly Region[], start: Date): CustomerProduct[] {
  const regionById = new Map(regions.map((r) => [r.id, r]));
  return customers.flatMap((c) => {
    const region = regionById.get(c.regionId);
    if (c.prospect || region === undefined) return [];
    return productsOfCustomer(streamFor(seed, 'inventory', c.id), c, region, start);
  });
}
