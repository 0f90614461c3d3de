import { canTransition, checkTransitionTable, type TableDefect } from '../lifecycle/transition-table.js';

/** TMF622 v4 ProductOrderStateType. */
export const ORDER_STATES = [
  'acknowledged',
  'rejected',
  'pending',
  'held',
  'inProgress',
  'cancelled',
  'completed',
  'failed',
  'partial',
  'assessingCancellation',
  'pendingCancellation',
] as const;
/** State of a product order. */
export type OrderState = (typeof ORDER_STATES)[number];

/** TMF622 v4 ProductOrderItemStateType: the order states without `partial`. */
export const ITEM_STATES = ORDER_STATES.filter((s): s is Exclude<OrderState, 'partial'> => s !== 'partial');
/** State of a product order item. */
export type ItemState = Exclude<OrderState, 'partial'>;

/** Pseudo-target: return to the state saved when cancellation assessment began. */
export type Back = 'back';

/**
 * The TMF622 order lifecycle. `acknowledged -> rejected` and `acknowledged -> assessingCancellation`
 * are Provisio extensions (both exist in the TMF641 service-order lifecycle).
 */
export const ORDER_TRANSITIONS = {
  acknowledged: ['inProgress', 'pending', 'rejected', 'assessingCancellation'],
  inProgress: ['pending', 'held', 'assessingCancellation', 'completed', 'failed', 'partial'],
  pending: ['inProgress', 'cancelled', 'assessingCancellation'],
  held: ['inProgress', 'cancelled', 'assessingCancellation'],
  assessingCancellation: ['back', 'pendingCancellation'],
  pendingCancellation: ['cancelled'],
  rejected: [],
  cancelled: [],
  completed: [],
  failed: [],
  partial: [],
} as const satisfies Record<OrderState, readonly (OrderState | Back)[]>;

/** The TMF622 item lifecycle (the order graph without `partial`). */
export const ITEM_TRANSITIONS = {
  acknowledged: ['inProgress', 'pending', 'rejected', 'assessingCancellation'],
  inProgress: ['pending', 'held', 'assessingCancellation', 'completed', 'failed'],
  pending: ['inProgress', 'cancelled', 'assessingCancellation'],
  held: ['inProgress', 'cancelled', 'assessingCancellation'],
  assessingCancellation: ['back', 'pendingCancellation'],
  pendingCancellation: ['cancelled'],
  rejected: [],
  cancelled: [],
  completed: [],
  failed: [],
} as const satisfies Record<ItemState, readonly (ItemState | Back)[]>;

/** Order states from which nothing moves. */
export const FINAL_ORDER_STATES: readonly OrderState[] = ['rejected', 'cancelled', 'completed', 'failed', 'partial'];
/** Item states from which nothing moves. */
export const FINAL_ITEM_STATES: readonly ItemState[] = ['rejected', 'cancelled', 'completed', 'failed'];

/** True when an order state is final. */
export function isFinalOrderState(s: OrderState): boolean {
  return FINAL_ORDER_STATES.includes(s);
}

/** True when an item state is final. */
export function isFinalItemState(s: ItemState): boolean {
  return FINAL_ITEM_STATES.includes(s);
}

/** True when the order lifecycle allows the move (`back` only from assessingCancellation). */
export function canMoveOrder(from: OrderState, to: OrderState | Back): boolean {
  return canTransition<OrderState, Back>(ORDER_TRANSITIONS, from, to);
}

/** True when the item lifecycle allows the move. */
export function canMoveItem(from: ItemState, to: ItemState | Back): boolean {
  return canTransition<ItemState, Back>(ITEM_TRANSITIONS, from, to);
}

/** Checks both lifecycle tables; run at start-up. */
export function checkOrderLifecycles(): TableDefect[] {
  return [
    ...checkTransitionTable('order', ORDER_STATES, ORDER_TRANSITIONS, ['acknowledged', 'rejected'], ['back']),
    ...checkTransitionTable('item', ITEM_STATES, ITEM_TRANSITIONS, ['acknowledged', 'rejected'], ['back']),
  ];
}

/**
 * The order state implied by its item states (tmf622.md §5.2): all final -> completed / failed /
 * partial / cancelled; otherwise held wins over pending, which wins over inProgress.
 */
export function deriveOrderState(items: readonly ItemState[]): OrderState {
  if (items.length === 0) return 'acknowledged';
  if (items.every(isFinalItemState)) {
    const completed = items.filter((s) => s === 'completed').length;
    const failed = items.filter((s) => s === 'failed' || s === 'rejected').length;
    const cancelled = items.filter((s) => s === 'cancelled').length;
    if (completed > 0 && failed > 0) return 'partial';
    if (completed > 0) return 'completed';
    if (failed > 0) return 'failed';
    return cancelled === items.length ? 'cancelled' : 'failed';
  }
  if (items.includes('pendingCancellation')) return 'pendingCancellation';
  if (items.includes('assessingCancellation')) return 'assessingCancellation';
  if (items.includes('held')) return 'held';
  if (items.includes('pending')) return 'pending';
  if (items.every((s) => s === 'acknowledged')) return 'acknowledged';
  return 'inProgress';
}
