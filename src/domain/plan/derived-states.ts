import {
  ITEM_TRANSITIONS,
  ORDER_TRANSITIONS,
  deriveOrderState,
  type ItemState,
  type OrderState,
} from '../order/order-state.js';
import type { CancellationState, TaskRecord } from './plan-state.js';
import { isFinalTaskState } from './task-state.js';

/**
 * The state of an item implied by its tasks: held (fallout) wins over pending (information),
 * then failed, completed, cancelled; acknowledged until any task of the item has moved.
 */
export function deriveItemState(tasks: readonly TaskRecord[], cancellation: CancellationState, previous: ItemState): ItemState {
  const allFinal = tasks.every((t) => isFinalTaskState(t.state));
  if (cancellation === 'accepted') return allFinal ? 'cancelled' : 'pendingCancellation';
  if (tasks.some((t) => t.state === 'fallout')) return 'held';
  if (tasks.some((t) => t.state === 'pending')) return 'pending';
  if (tasks.some((t) => t.state === 'failed')) return allFinal ? 'failed' : 'inProgress';
  if (allFinal) return tasks.some((t) => t.state === 'done' || t.state === 'skipped') || tasks.length === 0 ? 'completed' : 'cancelled';
  const untouched = tasks.every((t) => (t.state === 'blocked' || t.state === 'ready') && t.history.length === 0);
  return untouched && previous === 'acknowledged' ? 'acknowledged' : 'inProgress';
}

/** Shortest path of allowed moves from `from` to `to` in a lifecycle table (excluding `from`); [] if equal or none. */
export function lifecyclePath<S extends string>(table: Readonly<Record<S, readonly string[]>>, from: S, to: S): S[] {
  if (from === to) return [];
  const prev = new Map<S, S>();
  const queue: S[] = [from];
  while (queue.length > 0) {
    const s = queue.shift() as S;
    for (const n of table[s] as readonly S[]) {
      if (n === ('back' as S) || prev.has(n) || n === from) continue;
      prev.set(n, s);
      if (n === to) {
        const path: S[] = [to];
        for (let p = s; p !== from; p = prev.get(p) as S) path.unshift(p);
        return path;
      }
      queue.push(n);
    }
  }
  return [];
}

const CANCEL_TRACK = ['assessingCancellation', 'pendingCancellation'];

/**
 * Like lifecyclePath, but a cancellation always goes through `assessingCancellation` and
 * `pendingCancellation` (TMF622 cancel lifecycle), never through a shorter side path such as
 * `acknowledged -> pending -> cancelled`.
 */
function pathVia<S extends string>(table: Readonly<Record<S, readonly string[]>>, from: S, to: S): S[] {
  if ((to === 'cancelled' || to === 'pendingCancellation') && !CANCEL_TRACK.includes(from)) {
    const assessing = 'assessingCancellation' as S;
    const toAssessing = lifecyclePath(table, from, assessing);
    if (toAssessing.length > 0) return [...toAssessing, ...lifecyclePath(table, assessing, to)];
  }
  return lifecyclePath(table, from, to);
}

/** The item's lifecycle steps from `from` to `to`. */
export function itemPath(from: ItemState, to: ItemState): ItemState[] {
  return pathVia<ItemState>(ITEM_TRANSITIONS, from, to);
}

/** The order's lifecycle steps from `from` to the state its items imply. */
export function orderPath(from: OrderState, items: readonly ItemState[]): OrderState[] {
  return pathVia<OrderState>(ORDER_TRANSITIONS, from, deriveOrderState(items));
}
