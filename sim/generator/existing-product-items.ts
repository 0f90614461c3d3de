import type { RandomStream } from '../random/index.js';
import { ADD_ONS, LEGACY_PLANS, PLAN_LADDERS, hiddenIncompatibility, type CustomerProduct } from '../world/index.js';
import { addOntoExisting, existingItem, type ItemIds, type ItemJson } from './item-builder.js';
import { catalogExcludes } from './new-service-items.js';

/** Base products (not add-ons) of a customer. */
export function baseProducts(products: readonly CustomerProduct[]): CustomerProduct[] {
  return products.filter((p) => p.parentId === undefined);
}

/** An upgrade or downgrade of one base product to the neighbouring tier (withdrawn plans move to their successor). */
export function planChange(r: RandomStream, ids: ItemIds, products: readonly CustomerProduct[]): ItemJson[] | undefined {
  const candidates = baseProducts(products).filter((p) => PLAN_LADDERS[p.family].length > 1 || LEGACY_PLANS[p.family] === p.offeringId);
  if (candidates.length === 0) return undefined;
  const p = r.pick(candidates);
  const ladder = PLAN_LADDERS[p.family];
  const at = ladder.indexOf(p.offeringId);
  const up = at < 0 || at === 0 || (at < ladder.length - 1 && r.bernoulli(0.65));
  const target = at < 0 ? (ladder[Math.min(2, ladder.length - 1)] as string) : (ladder[up ? at + 1 : at - 1] as string);
  const addOns = products.filter((a) => a.parentId === p.id);
  // Add-ons the new plan cannot carry are removed in the same order.
  const drops = addOns.filter((a) => catalogExcludes(a.offeringId, target) || hiddenIncompatibility(a.offeringId, target) !== undefined);
  return [existingItem(ids, 'modify', target, p.id), ...drops.map((a) => existingItem(ids, 'delete', a.offeringId, a.id))];
}

/** Adds or removes one add-on on a live product. */
export function featureChange(r: RandomStream, ids: ItemIds, products: readonly CustomerProduct[]): ItemJson[] | undefined {
  const bases = baseProducts(products).filter((p) => (ADD_ONS[p.family] ?? []).length > 0);
  if (bases.length === 0) return undefined;
  const base = r.pick(bases);
  const have = products.filter((a) => a.parentId === base.id);
  const removable = have.filter((a) => a.offeringId !== 'po-addon-data-boost-5gb');
  if (removable.length > 0 && r.bernoulli(0.35)) {
    const a = r.pick(removable);
    return [existingItem(ids, 'delete', a.offeringId, a.id)];
  }
  const options = (ADD_ONS[base.family] ?? []).filter(
    (o) => !have.some((a) => a.offeringId === o) && !catalogExcludes(o, base.offeringId) && hiddenIncompatibility(o, base.offeringId) === undefined,
  );
  if (options.length === 0) return undefined;
  return [addOntoExisting(ids, r.pick(options), base.id)];
}

/** A disconnect of one base product and everything added onto it. */
export function disconnect(r: RandomStream, ids: ItemIds, products: readonly CustomerProduct[]): ItemJson[] | undefined {
  const bases = baseProducts(products);
  if (bases.length === 0) return undefined;
  const base = r.pick(bases);
  const addOns = products.filter((a) => a.parentId === base.id);
  return [...addOns.map((a) => existingItem(ids, 'delete', a.offeringId, a.id)), existingItem(ids, 'delete', base.offeringId, base.id)];
}

/** A move of a fixed product to a new installation address. */
export function move(r: RandomStream, ids: ItemIds, products: readonly CustomerProduct[], place: Record<string, unknown>): ItemJson[] | undefined {
  const fixed = baseProducts(products).filter((p) => !Object.values(LEGACY_PLANS).includes(p.offeringId)).filter((p) => p.family === 'fiber' || p.family === 'dsl' || p.family === 'dia' || p.family === 'voip');
  if (fixed.length === 0) return undefined;
  const p = r.pick(fixed);
  const role = p.family === 'voip' ? 'serviceAddress' : 'installationAddress';
  return [existingItem(ids, 'modify', p.offeringId, p.id, { place: [{ ...place, role }] })];
}
