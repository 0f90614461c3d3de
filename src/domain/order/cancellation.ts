import type { CancelRequest } from './cancel-request.js';
import { isFinalItemState, isFinalOrderState, type ItemState, type OrderState } from './order-state.js';
import type { OrderItem, ProductOrder } from './product-order.js';

/** Why a cancel request cannot even be opened (answered 409 to the client). */
export type CancelOpenRefusal = 'ORDER_FINAL' | 'CANCEL_IN_PROGRESS';

/** Checks whether a cancel request may be opened for the order now. */
export function cancelOpenRefusal(order: ProductOrder, hasOpenCancel: boolean): CancelOpenRefusal | undefined {
  if (isFinalOrderState(order.state)) return 'ORDER_FINAL';
  if (hasOpenCancel || order.state === 'assessingCancellation' || order.state === 'pendingCancellation') {
    return 'CANCEL_IN_PROGRESS';
  }
  return undefined;
}

/** States in which nothing has been provisioned yet, so cancelling needs no compensation. */
export const UNSTARTED_STATES: readonly OrderState[] = ['acknowledged', 'pending'];

function mapOpenItems(items: readonly OrderItem[], f: (item: OrderItem) => OrderItem): OrderItem[] {
  return items.map((i) => {
    const mapped = isFinalItemState(i.state) ? i : f(i);
    return { ...mapped, children: mapOpenItems(i.children, f) };
  });
}

function touch(order: ProductOrder, nowIso: string): Pick<ProductOrder, 'version' | 'updatedAt'> {
  return { version: order.version + 1, updatedAt: nowIso };
}

/** The order enters `assessingCancellation`; it remembers where to return if the cancel is denied. */
export function startCancellation(order: ProductOrder, nowIso: string): ProductOrder {
  return {
    ...order,
    ...touch(order, nowIso),
    state: 'assessingCancellation',
    stateBeforeCancellation: order.state,
    items: mapOpenItems(order.items, (i) => ({ ...i, state: 'assessingCancellation', stateBeforeCancellation: i.state })),
  };
}

/** The cancellation was accepted: the order waits for compensation in `pendingCancellation`. */
export function acceptCancellation(order: ProductOrder, nowIso: string): ProductOrder {
  return {
    ...order,
    ...touch(order, nowIso),
    state: 'pendingCancellation',
    items: mapOpenItems(order.items, (i) => ({ ...i, state: 'pendingCancellation' })),
  };
}

/** Compensation is done: the order and its open items are `cancelled`. */
export function completeCancellation(order: ProductOrder, request: CancelRequest, nowIso: string): ProductOrder {
  const { stateBeforeCancellation: _dropped, ...rest } = order;
  return {
    ...rest,
    ...touch(order, nowIso),
    state: 'cancelled',
    completionDate: nowIso,
    cancellationDate: nowIso,
    ...(request.cancellationReason !== undefined ? { cancellationReason: request.cancellationReason } : {}),
    items: mapOpenItems(order.items, (i) => ({ ...i, state: 'cancelled' })),
  };
}

/** The cancellation was denied: the order and its items return to where they were. */
export function denyCancellation(order: ProductOrder, nowIso: string): ProductOrder {
  const back: OrderState = order.stateBeforeCancellation ?? 'inProgress';
  const { stateBeforeCancellation: _dropped, ...rest } = order;
  return {
    ...rest,
    ...touch(order, nowIso),
    state: back,
    items: mapOpenItems(order.items, (i) => {
      const itemBack: ItemState = i.stateBeforeCancellation ?? 'inProgress';
      const { stateBeforeCancellation: _d, ...item } = i;
      return { ...item, state: itemBack };
    }),
  };
}
