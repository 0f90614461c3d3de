import { ProvisioError } from '../domain/errors/error-catalogue.js';
import { isFinalOrderState } from '../domain/order/order-state.js';
import type { Clock } from '../ports/clock.js';
import type { Ids } from '../ports/ids.js';
import type { OrderStore } from '../ports/order-store.js';
import { orderEvent } from './order-events.js';
import { getOrder } from './read-orders.js';
import { retryOnConflict } from './retry-on-conflict.js';

/** What deleting an order needs. */
export interface DeleteOrderDeps {
  readonly store: OrderStore;
  readonly clock: Clock;
  readonly ids: Ids;
}

/**
 * Administrative removal of an order that has ended (final state only); listeners get a
 * ProductOrderDeleteEvent with the last snapshot. A running order must be cancelled instead.
 */
export function deleteOrder(deps: DeleteOrderDeps, id: string): Promise<void> {
  return retryOnConflict(async () => {
    const order = await getOrder(deps.store, id);
    if (!isFinalOrderState(order.state)) {
      throw new ProvisioError(
        'ORDER_NOT_FINAL',
        `productOrder ${id} is ${order.state}; cancel it through POST /cancelProductOrder, or wait until it ends`,
      );
    }
    const nowIso = new Date(deps.clock.now()).toISOString();
    await deps.store.commit({
      deletedOrders: [{ id, expectedVersion: order.version }],
      events: [orderEvent(deps.ids, 'ProductOrderDeleteEvent', order, nowIso)],
    });
  });
}
