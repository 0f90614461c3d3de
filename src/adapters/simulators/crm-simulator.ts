import { streamFor } from '../../../sim/random/index.js';
import type { CrmSystem } from '../../ports/crm-system.js';
import { runKeyedCall } from './keyed-call.js';
import type { SimulatorEnv } from './simulator-env.js';

/** CRM: records products on the customer's account; fails only transiently. */
export function crmSimulator(env: SimulatorEnv): CrmSystem {
  return {
    recordItem: (req) =>
      runKeyedCall(env, {
        system: 'crm', operation: 'recordItem', key: req.idempotencyKey,
        decide: () => ({ effect: { crmRef: `CRM-${streamFor(env.seed, 'crm', req.idempotencyKey).chars(10)}` } }),
      }),
    async removeRecord(req) {
      await runKeyedCall(env, { system: 'crm', operation: 'removeRecord', key: req.idempotencyKey, decide: () => ({ effect: { crmRef: req.crmRef } }) });
    },
  };
}
