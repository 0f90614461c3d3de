import { hiddenIncompatibility, type HiddenIncompatibility, type World } from '../../../sim/world/index.js';
import type { CallScope } from './simulator-env.js';

/**
 * The network's design-time compatibility check of one item: its offering against the other
 * offerings of the order (not being deleted) and the customer's live products, for items that add a product. The conflict is
 * refused on the pair's first offering, or on either when its partner is already live.
 */
export function conflictOf(world: World, scope: CallScope): HiddenIncompatibility | undefined {
  const facts = scope.facts;
  const item = facts?.items.get(scope.itemId);
  const offering = item?.offeringId;
  if (facts === undefined || item === undefined || offering === undefined || item.action !== 'add') return undefined;
  const inOrder = new Set<string>();
  const deleted = new Set<string>();
  for (const other of facts.items.values()) {
    if (other.itemId === item.itemId || other.offeringId === undefined) continue;
    (other.action === 'delete' ? deleted : inOrder).add(other.offeringId);
  }
  const live = new Set((scope.customer === undefined ? [] : world.productsOf(scope.customer.id)).map((p) => p.offeringId).filter((o) => !deleted.has(o)));
  for (const partner of new Set([...inOrder, ...live])) {
    const hi = hiddenIncompatibility(offering, partner);
    if (hi === undefined) continue;
    if (hi.offeringIds[0] === offering || !inOrder.has(partner)) return hi;
  }
  return undefined;
}
