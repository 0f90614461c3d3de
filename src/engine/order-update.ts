import type { OrderEvent } from '../domain/events/order-event.js';
import { isFinalOrderState, type ItemState, type OrderState } from '../domain/order/order-state.js';
import type { OrderItem, ProductOrder } from '../domain/order/product-order.js';
import type { InformationRequest } from '../domain/plan/reduction.js';
import type { Ids } from '../ports/ids.js';

/** The order-visible result of reducing a batch of plan events for one order. */
export interface OrderDelta {
  readonly itemStates: ReadonlyMap<string, ItemState>;
  readonly orderPath: readonly OrderState[];
  readonly informationRequired: readonly InformationRequest[];
}

// Items whose state (and whose children's) did not move are kept as they are.
function withItemStates(items: readonly OrderItem[], states: ReadonlyMap<string, ItemState>): readonly OrderItem[] {
  let out: OrderItem[] | undefined;
  items.forEach((i, n) => {
    const state = states.get(i.id) ?? i.state;
    const children = i.children.length === 0 ? i.children : withItemStates(i.children, states);
    if (state === i.state && children === i.children) return;
    out ??= items.slice();
    out[n] = { ...i, state, children };
  });
  return out ?? items;
}

/**
 * The order record after a delta, and its outbox events: one state-change event per lifecycle step
 * (each with the snapshot at that step) and one information-required event per missing field.
 */
export function applyOrderDelta(order: ProductOrder, delta: OrderDelta, nowIso: string, ids: Ids): { order: ProductOrder; events: OrderEvent[] } {
  const items = withItemStates(order.items, delta.itemStates);
  const events: OrderEvent[] = [];
  let current: ProductOrder = { ...order, items, version: order.version + 1, updatedAt: nowIso };
  for (const state of delta.orderPath) {
    current = {
      ...current,
      state,
      ...(isFinalOrderState(state) ? { completionDate: nowIso } : {}),
      ...(state === 'cancelled' ? { cancellationDate: nowIso } : {}),
    };
    events.push({ id: ids.next(), type: 'ProductOrderStateChangeEvent', occurredAt: nowIso, orderId: order.id, subject: { kind: 'productOrder', order: current } });
  }
  for (const info of delta.informationRequired) {
    events.push({
      id: ids.next(),
      type: 'ProductOrderInformationRequiredEvent',
      occurredAt: nowIso,
      orderId: order.id,
      subject: { kind: 'productOrder', order: current },
      fieldPath: info.fieldPath,
    });
  }
  return { order: current, events };
}
