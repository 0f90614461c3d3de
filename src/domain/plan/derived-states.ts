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
 * The state of an item implied by its tasks (those of `tasks` with this item id): held (fallout)
 * wins over pending (information), then failed, completed, cancelled; acknowledged until any task
 * of the item has moved.
 */
export function deriveItemState(
  tasks: Readonly<Record<string, TaskRecord>>,
  itemId: string,
  cancellation: CancellationState,
  previous: ItemState,
): ItemState {
  let count = 0;
  let allFinal = true;
  let untouched = true;
  let fallout = false;
  let pending = false;
  let failed = false;
  let doneOrSkipped = false;
  for (const id in tasks) {
    const t = tasks[id] as TaskRecord;
    if (t.itemId !== itemId) continue;
    count++;
    const s = t.state;
    if (!isFinalTaskState(s)) allFinal = false;
    if ((s !== 'blocked' && s !== 'ready') || t.history.length > 0) untouched = false;
    if (s === 'fallout') fallout = true;
    else if (s === 'pending') pending = true;
    else if (s === 'failed') failed = true;
    else if (s === 'done' || s === 'skipped') doneOrSkipped = true;
  }
  if (cancellation === 'accepted') return allFinal ? 'cancelled' : 'pendingCancellation';
  if (fallout) return 'held';
  if (pending) return 'pending';
  if (failed) return allFinal ? 'failed' : 'inProgress';
  if (allFinal) return doneOrSkipped || count === 0 ? 'completed' : 'cancelled';
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

// The tables are constants with a handful of states: each path is searched once and then reused.
const itemPaths = new Map<string, readonly ItemState[]>();
const orderPaths = new Map<string, readonly OrderState[]>();

function cachedPath<S extends string>(cache: Map<string, readonly S[]>, table: Readonly<Record<S, readonly string[]>>, from: S, to: S): readonly S[] {
  const key = `${from}>${to}`;
  let path = cache.get(key);
  if (path === undefined) cache.set(key, (path = Object.freeze(pathVia(table, from, to))));
  return path;
}

/** The item's lifecycle steps from `from` to `to`. */
export function itemPath(from: ItemState, to: ItemState): readonly ItemState[] {
  return from === to ? NO_STEPS : cachedPath<ItemState>(itemPaths, ITEM_TRANSITIONS, from, to);
}

/** The order's lifecycle steps from `from` to the state its items imply. */
export function orderPath(from: OrderState, items: readonly ItemState[]): readonly OrderState[] {
  const to = deriveOrderState(items);
  return from === to ? NO_STEPS : cachedPath<OrderState>(orderPaths, ORDER_TRANSITIONS, from, to);
}

const NO_STEPS: readonly never[] = Object.freeze([]);
