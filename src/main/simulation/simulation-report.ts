import type { SimulationRun } from './run-simulation.js';
import type { CycleTimeStats } from './simulation-summary.js';

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
function hours(h: number | undefined): string {
  if (h === undefined || Number.isNaN(h)) return '-';
  if (h < 1 / 60) return `${(h * 3600).toFixed(1)}s`;
  return h < 1 ? `${(h * 60).toFixed(1)}m` : `${h.toFixed(1)}h`;
}

/** The cycle time table of one or more runs side by side (p50/p90 by order type). */
export function cycleTimeTable(runs: readonly { readonly label: string; readonly run: SimulationRun }[]): string[] {
  const types = [...new Set(runs.flatMap((r) => Object.keys(r.run.summary.cycleTimeByOrderType)))].sort();
  const head = `  ${'order type'.padEnd(16)}${runs.map((r) => `${r.label.padStart(12)} p50 ${' '.repeat(5)}p90   n`).join('  ')}`;
  const cell = (s: CycleTimeStats | undefined): string => `${hours(s?.p50Hours).padStart(16)} ${hours(s?.p90Hours).padStart(8)} ${String(s?.completed ?? 0).padStart(5)}`;
  return [head, ...types.map((t) => `  ${t.padEnd(16)}${runs.map((r) => cell(r.run.summary.cycleTimeByOrderType[t])).join('  ')}`)];
}

/** A human summary of one run: final states, fallout by cause code, touchless rate, cycle times, speed. */
export function simulationReport(run: SimulationRun): string {
  const s = run.summary;
  const o = run.options;
  return [
    `${o.mode} run, seed ${o.seed}: ${s.orders} orders over ${o.days} days, ${o.simulators} simulators; ${run.tasksRun} tasks run`,
    '',
    'orders by final state',
    ...Object.entries(s.byFinalState).sort(([, a], [, b]) => b - a).map(([state, n]) => `  ${state.padEnd(16)}${String(n).padStart(7)}`),
    '',
    `fallout rate      ${pct(s.falloutRate)} of ${s.acknowledged} accepted orders, by cause code:`,
    ...Object.entries(s.falloutRateByCode).map(([code, r]) => `  ${code.padEnd(28)}${pct(r).padStart(7)}`),
    `touchless rate    ${pct(s.touchlessRate)} (completed with no fallout case)`,
    '',
    'cycle time of completed orders',
    ...cycleTimeTable([{ label: o.mode, run }]),
    '',
    `effects applied ${run.effects.totalApplied}, duplicates ${run.effects.duplicates}; simulated until ${run.endedAt}; ${(run.wallMs / 1000).toFixed(1)} s wall clock, ${(run.cpuMs / 1000).toFixed(1)} s CPU`,
  ].join('\n');
}
