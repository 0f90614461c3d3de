import { Counter, Histogram, type Registry } from 'prom-client';
import type { EngineRound } from '../engine/engine.js';

/**
 * The engine's Prometheus metrics; returns the round observer to give the engine. Rates to watch:
 * tasks per round (claimed / rounds: small rounds cost more per task), conflict retries (several
 * workers reducing one order), task failures and fallout cases opened.
 */
export function engineMetrics(registry: Registry): (round: EngineRound) => void {
  const registers = [registry];
  const rounds = new Counter({ name: 'provisio_engine_rounds_total', help: 'Engine rounds that claimed work', registers });
  const tasks = new Counter({
    name: 'provisio_engine_tasks_total',
    help: 'Task attempts run, by how they were taken: claimed from the store, or chained within the round that made them ready',
    labelNames: ['via'] as const,
    registers,
  });
  const orders = new Counter({ name: 'provisio_engine_round_orders_total', help: 'Orders whose plans rounds recorded (per round: divide by provisio_engine_rounds_total)', registers });
  const failures = new Counter({ name: 'provisio_engine_task_failures_total', help: 'Task attempts that failed (retried later or opened a fallout case)', registers });
  const fallout = new Counter({ name: 'provisio_engine_fallout_cases_total', help: 'Fallout cases opened by the engine', registers });
  const conflicts = new Counter({
    name: 'provisio_engine_conflict_retries_total',
    help: 'Orders re-read and reduced again because another runner changed them first',
    registers,
  });
  const phases = new Histogram({
    name: 'provisio_engine_round_phase_seconds',
    help: 'Wall time of a round phase: claim, run (the claimed tasks), record (chained tasks, reduction and commit)',
    labelNames: ['phase'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  return (r) => {
    rounds.inc();
    tasks.inc({ via: 'claimed' }, r.claimed);
    if (r.chained > 0) tasks.inc({ via: 'chained' }, r.chained);
    orders.inc(r.orders);
    if (r.failed > 0) failures.inc(r.failed);
    if (r.falloutOpened > 0) fallout.inc(r.falloutOpened);
    if (r.conflictRetries > 0) conflicts.inc(r.conflictRetries);
    phases.observe({ phase: 'claim' }, r.seconds.claim);
    phases.observe({ phase: 'run' }, r.seconds.run);
    phases.observe({ phase: 'record' }, r.seconds.record);
  };
}
