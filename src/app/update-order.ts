import { ProvisioError } from '../domain/errors/error-catalogue.js';
import { applyOrderPatch, type OrderPatch } from '../domain/order/order-patch.js';
import type { ProductOrder } from '../domain/order/product-order.js';
import type { Clock } from '../ports/clock.js';
import type { Ids } from '../ports/ids.js';
import type { OrderStore } from '../ports/order-store.js';
import { orderEvent } from './order-events.js';
import { getOrder } from './read-orders.js';
import { retryOnConflict } from './retry-on-conflict.js';

/** What updating an order needs. */
export interface UpdateOrderDeps {
  readonly store: OrderStore;
  readonly clock: Clock;
  readonly ids: Ids;
  /** Turns internal attribute names into the wire names reported in `fieldPath`. */
  readonly fieldName: (internal: string) => string;
}

/**
 * Applies a client merge-patch: refused moves become 409 errors; an accepted change is stored
 * with a ProductOrderAttributeValueChangeEvent naming the changed attributes.
 */
export function updateOrder(deps: UpdateOrderDeps, id: string, patch: OrderPatch): Promise<ProductOrder> {
  return retryOnConflict(async () => {
    const current = await getOrder(deps.store, id);
    const nowIso = new Date(deps.clock.now()).toISOString();
    const outcome = applyOrderPatch(current, patch, nowIso);
    if (outcome.kind === 'refused') throw new ProvisioError(outcome.code, outcome.message);
    if (outcome.changed.length === 0) return current;
    const fieldPath = outcome.changed.map(deps.fieldName).join(',');
    await deps.store.commit({
      orders: [{ record: outcome.order, expectedVersion: current.version }],
      events: [orderEvent(deps.ids, 'ProductOrderAttributeValueChangeEvent', outcome.order, nowIso, fieldPath)],
    });
    return outcome.order;
  });
}
