import { streamFor } from '../../../sim/random/index.js';
import type { LegacyProvisioning, WorkOrderStatus } from '../../ports/legacy-provisioning.js';
import { runKeyedCall } from './keyed-call.js';
import { loadAt } from './provisioning-load.js';
import { scopeOf, type SimulatorEnv } from './simulator-env.js';

const HOUR_MS = 3_600_000;
/** Share of legacy work orders the back office rejects (data it cannot key in). */
export const WORK_ORDER_REJECT_RATE = 0.02;

/**
 * The legacy provisioning stack: a work order is worked by hand, taking hours (longer under load
 * and in regions still on the legacy stack). The first call records the ticket with its finish
 * time and verdict; later calls with the same key read its status from the ledger.
 */
export function legacyProvisioningSimulator(env: SimulatorEnv): LegacyProvisioning {
  return {
    async submitWorkOrder(req) {
      const scope = await scopeOf(env, req.idempotencyKey);
      const ticket = await runKeyedCall(env, {
        system: 'legacy', operation: 'submitWorkOrder', key: req.idempotencyKey, scope,
        decide: () => {
          const now = env.clock.now();
          const r = streamFor(env.seed, 'work-order', req.idempotencyKey);
          const load = scope.regionId === undefined ? 0.5 : loadAt(env.world, scope.regionId, now);
          const hours = env.mode === 'realistic' ? r.lognormal(Math.log(3 + 6 * load + (scope.legacyStack ? 4 : 0)), 0.5) : 0;
          const verdict: WorkOrderStatus = env.mode === 'realistic' && r.bernoulli(WORK_ORDER_REJECT_RATE) ? 'rejected' : 'done';
          return { effect: { ticket: `WO-${r.chars(8)}`, doneAt: now + Math.round(hours * HOUR_MS), verdict } };
        },
      });
      const doneAt = Number(ticket.doneAt);
      if (env.clock.now() < doneAt) return { ticket: String(ticket.ticket), status: 'open', checkAgainAt: doneAt };
      return { ticket: String(ticket.ticket), status: ticket.verdict === 'rejected' ? 'rejected' : 'done' };
    },
    async withdraw(req) {
      await runKeyedCall(env, { system: 'legacy', operation: 'withdraw', key: req.idempotencyKey, decide: () => ({ effect: { ticket: req.ticket } }) });
    },
  };
}
