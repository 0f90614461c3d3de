import { causeOfFallout } from '../../domain/fallout/cause-of-fallout.js';
import { isFalloutCause, type FalloutCause } from '../../domain/fallout/fallout-cause.js';
import type { ProductOrder } from '../../domain/order/product-order.js';

/**
 * One line of order history (JSON Lines): the order as stored at entry and how provisioning ended.
 * `truth` is present only for simulated history; it may label the order, never feed a feature.
 */
export interface HistoryRecord {
  readonly order: ProductOrder;
  readonly finalState?: string;
  readonly fallout: boolean;
  readonly falloutCode?: string;
  readonly falloutSystem?: string;
  readonly falloutTask?: string;
  readonly cycleTimeMs?: number;
  readonly truth?: { readonly firstCause?: string; readonly causes?: readonly string[] };
}

/**
 * The root-cause label of a history record: the simulated first cause when known, else the cause
 * mapped from the fallout code and task; undefined for an order that did not fall out.
 */
export function causeLabel(r: HistoryRecord): FalloutCause | undefined {
  if (!r.fallout) return undefined;
  const first = r.truth?.firstCause;
  if (isFalloutCause(first)) return first;
  return causeOfFallout(r.falloutCode, r.falloutTask);
}

/**
 * True when the order went to provisioning: a rejected order was never planned, so it has no
 * fallout label to learn from and is never scored at entry.
 */
export function wasProvisioned(r: HistoryRecord): boolean {
  return r.finalState !== 'rejected' && r.order.state !== 'rejected';
}

/** Parses one JSON line of history, checking the fields training relies on. */
export function parseHistoryLine(line: string): HistoryRecord {
  const r = JSON.parse(line) as HistoryRecord;
  if (typeof r !== 'object' || r === null || typeof r.order?.createdAt !== 'string' || typeof r.fallout !== 'boolean') {
    throw new Error('history: each line needs order.createdAt and fallout');
  }
  return r;
}
