import type { OrderEvent, OrderEventType } from '../domain/events/order-event.js';
import type { CancelRequest } from '../domain/order/cancel-request.js';
import type { ProductOrder } from '../domain/order/product-order.js';
import type { Ids } from '../ports/ids.js';

/** Builds an outbox event about an order snapshot. */
export function orderEvent(
  ids: Ids,
  type: OrderEventType,
  order: ProductOrder,
  nowIso: string,
  fieldPath?: string,
): OrderEvent {
  return {
    id: ids.next(),
    type,
    occurredAt: nowIso,
    orderId: order.id,
    subject: { kind: 'productOrder', order },
    ...(fieldPath !== undefined ? { fieldPath } : {}),
  };
}

/** Builds an outbox event about a cancel request snapshot. */
export function cancelEvent(ids: Ids, type: OrderEventType, request: CancelRequest, nowIso: string): OrderEvent {
  return {
    id: ids.next(),
    type,
    occurredAt: nowIso,
    orderId: request.orderId,
    subject: { kind: 'cancelProductOrder', request },
  };
}
