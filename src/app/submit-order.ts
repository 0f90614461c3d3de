import { createOrder, type EntryFinding, type OrderDraft } from '../domain/order/order-draft.js';
import type { ProductOrder } from '../domain/order/product-order.js';
import type { Clock } from '../ports/clock.js';
import type { Ids } from '../ports/ids.js';
import type { OrderStore } from '../ports/order-store.js';
import { runEntryChecks, type EntryCheck } from './entry-check.js';
import { orderEvent } from './order-events.js';

/** What submitting an order needs. */
export interface SubmitOrderDeps {
  readonly store: OrderStore;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly entryChecks: readonly EntryCheck[];
}

/** What the entry checks would decide about a draft, without storing anything. */
export interface OrderPreview {
  readonly order: ProductOrder;
  readonly findings: readonly EntryFinding[];
}

/** Runs the entry checks on a draft and returns the order as it would be created. */
export function previewOrder(deps: Omit<SubmitOrderDeps, 'store'>, draft: OrderDraft, id = deps.ids.next()): OrderPreview {
  const nowIso = new Date(deps.clock.now()).toISOString();
  const candidate = createOrder(draft, id, nowIso, []);
  const { findings, features } = runEntryChecks(deps.entryChecks, candidate);
  return { order: createOrder(draft, id, nowIso, findings, features), findings };
}

/** Fields the customer is asked about: where an accepted order carries warnings. */
function informationRequired(order: ProductOrder): string | undefined {
  if (order.state === 'rejected') return undefined;
  const fields = (order.entryFindings ?? []).filter((f) => f.severity === 'warning').map((f) => f.field ?? 'productOrder');
  return fields.length > 0 ? [...new Set(fields)].join(',') : undefined;
}

/**
 * Accepts a new order: runs the entry checks, stores the order (`acknowledged`, or `rejected`
 * with its reasons) together with its creation event, and returns it once durably committed.
 * Warnings the customer must look at also raise a ProductOrderInformationRequiredEvent.
 */
export async function submitOrder(deps: SubmitOrderDeps, draft: OrderDraft): Promise<ProductOrder> {
  const { order } = previewOrder(deps, draft);
  const events = [orderEvent(deps.ids, 'ProductOrderCreateEvent', order, order.createdAt)];
  const askFor = informationRequired(order);
  if (askFor !== undefined) events.push(orderEvent(deps.ids, 'ProductOrderInformationRequiredEvent', order, order.createdAt, askFor));
  await deps.store.commit({ orders: [{ record: order, expectedVersion: null }], events });
  return order;
}
