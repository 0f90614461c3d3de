import { hiddenIncompatibility, type HiddenIncompatibility, type World } from '../../../sim/world/index.js';
import type { ItemFacts, OrderFacts } from './order-facts.js';
import type { CallScope } from './simulator-env.js';

/** The items of the order on the same line as `item`: itself, what it relies on, and what relies on those. */
function lineOf(facts: OrderFacts, item: ItemFacts): ItemFacts[] {
  const core = new Set([item.itemId, ...item.related]);
  return [...facts.items.values()].filter((i) => core.has(i.itemId) || i.related.some((r) => core.has(r)));
}

/**
 * The network's design-time compatibility check of an item that adds a product: its offering
 * against the other offerings on the same line, in the order (not being deleted) and live on the
 * customer's account. The conflict is refused on the pair's first offering, or on either when its
 * partner is already live.
 */
export function conflictOf(world: World, scope: CallScope): HiddenIncompatibility | undefined {
  const facts = scope.facts;
  const item = facts?.items.get(scope.itemId);
  const offering = item?.offeringId;
  if (facts === undefined || item === undefined || offering === undefined || item.action !== 'add') return undefined;
  const line = lineOf(facts, item);
  const inOrder = new Set<string>();
  const deleted = new Set<string>();
  for (const other of line) {
    if (other.itemId === item.itemId || other.offeringId === undefined) continue;
    (other.action === 'delete' ? deleted : inOrder).add(other.offeringId);
  }
  const anchors = new Set(line.flatMap((i) => i.liveProducts));
  const products = scope.customer === undefined ? [] : world.productsOf(scope.customer.id);
  // A live product is on the line when it is an anchor, the anchor's base, or an add-on of either.
  const bases = new Set(products.filter((p) => anchors.has(p.id)).map((p) => p.parentId ?? p.id));
  const live = new Set(products.filter((p) => bases.has(p.id) || (p.parentId !== undefined && bases.has(p.parentId))).map((p) => p.offeringId).filter((o) => !deleted.has(o)));
  for (const partner of new Set([...inOrder, ...live])) {
    const hi = hiddenIncompatibility(offering, partner);
    if (hi === undefined) continue;
    if (hi.offeringIds[0] === offering || !inOrder.has(partner)) return hi;
  }
  return undefined;
}
