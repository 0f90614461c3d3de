import type { SliceEvaluation } from '../../app/features/evaluate-fallout-model.js';
import type { HeadMetrics } from '../../ports/model-registry.js';
import { say } from './command.js';

const f3 = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? '  -  ' : x.toFixed(3));

/** One line of head metrics, as `model train` and `model evaluate` print them. */
export function headLine(name: string, m: HeadMetrics): string {
  return `  ${name.padEnd(10)} auc ${f3(m.auc)}  pr-auc ${f3(m.prAuc)}  p@5% ${f3(m.precisionAt5)}  r@5% ${f3(m.recallAt5)}  p@10% ${f3(m.precisionAt10)}  r@10% ${f3(m.recallAt10)}  lift@5% ${f3(m.liftAt5)}  brier ${f3(m.brier)}  ece ${f3(m.ece)}  prev ${f3(m.prevalence)}`;
}

/** Prints a later-slice evaluation for people (stderr); --json prints the object itself. */
export function printSliceEvaluation(e: SliceEvaluation): void {
  say(`model ${e.modelVersion}, trained on ${e.trainingWindow.from} .. ${e.trainingWindow.to} [synthetic]`);
  say(`later slice ${e.slice.from} .. ${e.slice.to}: ${e.slice.rows} provisioned orders (reference ${e.reference.rows})`);
  for (const [name, m] of Object.entries(e.heads)) say(headLine(name, m));
  const op = e.operatingPoint;
  say(`operating point: risk >= ${f3(op.threshold)} (top ${op.capacity * 100}% at calibration) flags ${(100 * op.flaggedShare).toFixed(1)}% of later orders, precision ${f3(op.precision)}, recall ${f3(op.recall)}`);
  say(`score PSI ${f3(e.scorePsi)}`);
  say('by cause:  psi    ref-rate  observed  predicted  O/E');
  for (const c of e.byCause) say(`  ${c.cause.padEnd(10)} ${f3(c.scorePsi)}  ${f3(c.referenceRate)}     ${f3(c.observed)}     ${f3(c.predicted)}      ${f3(c.observedToExpected)}`);
  say(`routing replayed (default queues, this model's thresholds): ${(100 * e.routing.routedShare).toFixed(2)}% of orders held`);
  for (const q of e.routing.byQueue) say(`  ${q.queue.padEnd(20)} ${q.cause.padEnd(10)} threshold ${f3(q.threshold)}  held ${(100 * q.routedShare).toFixed(2)}% (capacity ${(100 * q.capacity).toFixed(1)}%)  cause right ${f3(q.causeRate)}  fell out ${f3(q.falloutRate)}`);
  say('by segment (>= 200 orders):  rows   share(ref->now)  observed  predicted  O/E   psi    auc');
  for (const s of e.bySegment) {
    const flag = s.observedToExpected < 0.8 || s.observedToExpected > 1.25 ? '  <- O/E alert' : s.scorePsi > 0.1 ? '  <- PSI watch' : '';
    say(`  ${`${s.segment}=${s.value}`.padEnd(26)} ${String(s.rows).padStart(6)}  ${f3(s.referenceShare)}->${f3(s.share)}  ${f3(s.observed)}     ${f3(s.predicted)}     ${f3(s.observedToExpected)} ${f3(s.scorePsi)}  ${f3(s.auc)}${flag}`);
  }
}
