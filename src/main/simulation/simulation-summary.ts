import type { SimulatedOrderResult } from './simulation-result.js';

/** Cycle time percentiles of one group of completed orders, in hours. */
export interface CycleTimeStats {
  readonly completed: number;
  readonly p50Hours: number;
  readonly p90Hours: number;
}

/** The headline numbers of a simulation run. */
export interface SimulationSummary {
  readonly orders: number;
  /** Orders accepted at entry (not rejected). */
  readonly acknowledged: number;
  readonly byFinalState: Readonly<Record<string, number>>;
  /** Share of acknowledged orders with at least one fallout case. */
  readonly falloutRate: number;
  /** Share of acknowledged orders falling out, by the first case's failure code. */
  readonly falloutRateByCode: Readonly<Record<string, number>>;
  /** Share of acknowledged orders completed with no fallout case (no human touched them). */
  readonly touchlessRate: number;
  readonly cycleTimeByOrderType: Readonly<Record<string, CycleTimeStats>>;
}

/** The value below which a share `q` of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

function count<T>(xs: readonly T[], key: (x: T) => string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) {
    const k = key(x);
    if (k !== undefined) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

function cycleTimes(results: readonly SimulatedOrderResult[]): Record<string, CycleTimeStats> {
  const byType = new Map<string, number[]>();
  for (const r of results) {
    if (r.finalState !== 'completed' || r.cycleTimeMs === undefined) continue;
    const list = byType.get(r.orderType) ?? [];
    list.push(r.cycleTimeMs / 3_600_000);
    byType.set(r.orderType, list);
  }
  const out: Record<string, CycleTimeStats> = {};
  for (const [type, hours] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    hours.sort((a, b) => a - b);
    out[type] = { completed: hours.length, p50Hours: percentile(hours, 0.5), p90Hours: percentile(hours, 0.9) };
  }
  return out;
}

/** Summarises per-order results: final states, fallout by cause code, touchless rate, cycle times by order type. */
export function summariseSimulation(results: readonly SimulatedOrderResult[]): SimulationSummary {
  const accepted = results.filter((r) => r.finalState !== 'rejected');
  const share = (n: number): number => (accepted.length === 0 ? 0 : n / accepted.length);
  const byCode = count(accepted, (r) => r.falloutCode);
  return {
    orders: results.length,
    acknowledged: accepted.length,
    byFinalState: count(results, (r) => r.finalState),
    falloutRate: share(accepted.filter((r) => r.fallout).length),
    falloutRateByCode: Object.fromEntries(Object.entries(byCode).sort(([, a], [, b]) => b - a).map(([k, n]) => [k, share(n)])),
    touchlessRate: share(accepted.filter((r) => r.finalState === 'completed' && !r.fallout).length),
    cycleTimeByOrderType: cycleTimes(results),
  };
}
