import { streamFor } from '../../../sim/random/index.js';
import type { SubscriberProvisioning } from '../../ports/subscriber-provisioning.js';
import { runKeyedCall } from './keyed-call.js';
import { scopeOf, type SimulatorEnv } from './simulator-env.js';

/** The mobile core (HLR/HSS): creates subscriber records; behind the legacy stack in legacy regions. */
export function subscriberProvisioningSimulator(env: SimulatorEnv): SubscriberProvisioning {
  return {
    async provisionSubscriber(req) {
      const scope = await scopeOf(env, req.idempotencyKey);
      return runKeyedCall(env, {
        system: 'hlr', operation: 'provisionSubscriber', key: req.idempotencyKey, scope,
        decide: () => ({ effect: { imsi: `310260${streamFor(env.seed, 'imsi', req.idempotencyKey).chars(9)}` } }),
      });
    },
    async deprovisionSubscriber(req) {
      await runKeyedCall(env, { system: 'hlr', operation: 'deprovisionSubscriber', key: req.idempotencyKey, decide: () => ({ effect: { imsi: req.imsi } }) });
    },
  };
}
