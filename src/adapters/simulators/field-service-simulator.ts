import { streamFor } from '../../../sim/random/index.js';
import type { FieldService, VisitStatus } from '../../ports/field-service.js';
import { SouthboundError } from '../../ports/southbound-error.js';
import { runKeyedCall } from './keyed-call.js';
import type { SimulatorEnv } from './simulator-env.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Share of visits where the technician cannot finish (no access, wiring fault). */
export const VISIT_FAILURE_RATE = 0.04;

/** The first morning or afternoon slot `days` business days after `earliest`. */
function slotAfter(earliest: number, days: number, afternoon: boolean): number {
  let t = new Date(Math.floor(earliest / DAY_MS) * DAY_MS);
  for (let left = days; left > 0 || t.getUTCDay() === 0 || t.getUTCDay() === 6; ) {
    t = new Date(t.getTime() + DAY_MS);
    if (t.getUTCDay() !== 0 && t.getUTCDay() !== 6) left -= 1;
  }
  return t.getTime() + (afternoon ? 13 : 8) * HOUR_MS;
}

/**
 * Field service: books technician visits one to six business days out and reports each visit's
 * outcome once its time has passed; the outcome is decided when the visit is booked and kept with it.
 */
export function fieldServiceSimulator(env: SimulatorEnv): FieldService {
  const cancelled = new Set<string>();
  return {
    scheduleVisit: (req) =>
      runKeyedCall(env, {
        system: 'field-service', operation: 'scheduleVisit', key: req.idempotencyKey,
        decide: () => {
          const r = streamFor(env.seed, 'visit', req.idempotencyKey);
          const realistic = env.mode === 'realistic';
          const at = realistic ? slotAfter(Math.max(req.earliest, env.clock.now()), r.int(1, 6), r.bernoulli(0.5)) : Math.max(req.earliest, env.clock.now());
          const outcome: VisitStatus = realistic && r.bernoulli(VISIT_FAILURE_RATE) ? 'failed' : 'completed';
          return { effect: { appointmentId: `APT-${r.chars(8)}`, at, outcome } };
        },
      }),
    async cancelVisit(req) {
      await runKeyedCall(env, {
        system: 'field-service', operation: 'cancelVisit', key: req.idempotencyKey,
        decide: () => ({ effect: { appointmentId: req.appointmentId }, apply: () => cancelled.add(req.appointmentId) }),
      });
    },
    async visitStatus(req) {
      env.stats.of('field-service').calls += 1;
      const booked = await env.ledger.lookup(req.scheduledWithKey);
      if (booked === undefined) throw new SouthboundError(false, 'VISIT_NOT_FOUND', 'field-service', `no visit booked as ${req.scheduledWithKey}`);
      const at = Number(booked.effect.at);
      // The undo task of the booking cancels it under the booking's key + `~undo`; the ledger remembers it across restarts.
      if (cancelled.has(String(booked.effect.appointmentId)) || (await env.ledger.lookup(`${req.scheduledWithKey}~undo`)) !== undefined) return { status: 'failed', at };
      if (env.clock.now() < at) return { status: 'scheduled', at };
      return { status: booked.effect.outcome === 'failed' ? 'failed' : 'completed', at };
    },
  };
}
