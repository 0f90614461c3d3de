import { createOrder, type OrderDraft } from '../domain/order/order-draft.js';
import type { ProductOrder } from '../domain/order/product-order.js';
import type { Clock } from '../ports/clock.js';
import type { Ids } from '../ports/ids.js';
import type { OrderStore } from '../ports/order-store.js';
import type { EntryCheck } from './entry-check.js';
import { orderEvent } from './order-events.js';

/** What submitting an order needs. */
export interface SubmitOrderDeps {
  readonly store: OrderStore;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly entryChecks: readonly EntryCheck[];
}

/**
 * Accepts a new order: runs the entry checks, stores the order (`acknowledged`, or `rejected`
 * with its reasons) together with its creation event, and returns it once durably committed.
 */
export async function submitOrder(deps: SubmitOrderDeps, draft: OrderDraft): Promise<ProductOrder> {
  const nowIso = new Date(deps.clock.now()).toISOString();
  const candidate = createOrder(draft, deps.ids.next(), nowIso, []);
  const rejections = deps.entryChecks.flatMap((check) => check(candidate));
  const order = rejections.length === 0 ? candidate : createOrder(draft, candidate.id, nowIso, rejections);
  await deps.store.commit({
    orders: [{ record: order, expectedVersion: null }],
    events: [orderEvent(deps.ids, 'ProductOrderCreateEvent', order, nowIso)],
  });
  return order;
}
