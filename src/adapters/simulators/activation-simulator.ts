import { streamFor } from '../../../sim/random/index.js';
import { POST_PORT_CHECKS, type PostPortCheck } from '../../domain/porting/port-request.js';
import type { ActivationSystem } from '../../ports/activation-system.js';
import { refuse, runKeyedCall, type Decision } from './keyed-call.js';
import { conflictOf } from './offering-conflicts.js';
import { checkServiceAddress, servicePlace } from './service-address.js';
import { scopeOf, type CallScope, type SimulatorEnv } from './simulator-env.js';

type Checks = { readonly compatibility?: boolean; readonly address?: 'move' | 'e911' };

/**
 * Service activation and network configuration. Refuses an item that breaks a hidden
 * incompatibility, a move to an address the registry cannot serve, and a voice line without a
 * valid emergency (E911) address; in legacy regions it sits behind the saturating legacy stack.
 */
export function activationSimulator(env: SimulatorEnv): ActivationSystem {
  const call = async <K extends string>(key: string, operation: string, field: K, checks: Checks, detail: Readonly<Record<string, string>> = {}): Promise<Record<K, string>> => {
    const scope = await scopeOf(env, key);
    return runKeyedCall(env, {
      system: 'activation', operation, key, scope,
      decide: (): Decision<Record<K, string>> => {
        if (env.mode === 'realistic') check(env, scope, checks);
        return { effect: { [field]: `${field.slice(0, 3).toUpperCase()}-${streamFor(env.seed, 'activation', key).chars(10)}`, ...detail } as Record<K, string> };
      },
    });
  };
  const effectOnly = async (key: string, operation: string, effect: Record<string, unknown>): Promise<void> => {
    const scope = await scopeOf(env, key);
    await runKeyedCall(env, { system: 'activation', operation, key, scope, decide: () => ({ effect }) });
  };
  return {
    // the number activated is part of the effect: the ledger shows every number a multi-line port brought into service
    activateNumber: (req) => call(req.idempotencyKey, 'activateNumber', 'activationId', {}, req.msisdn === undefined ? {} : { msisdn: req.msisdn }),
    activateService: (req) => call(req.idempotencyKey, 'activateService', 'serviceId', { compatibility: true }),
    configureNetwork: (req) => call(req.idempotencyKey, 'configureNetwork', 'configId', { compatibility: true, ...(req.productType === 'voip' ? { address: 'e911' as const } : {}) }),
    activateAccess: (req) => call(req.idempotencyKey, 'activateAccess', 'serviceId', {}),
    modifyService: (req) => call(req.idempotencyKey, 'modifyService', 'changeId', { compatibility: true, address: 'move' }),
    deactivateService: (req) => effectOnly(req.idempotencyKey, 'deactivateService', { productType: req.productType }),
    revert: (req) => effectOnly(req.idempotencyKey, 'revert', { ref: req.ref }),
    // The simulated network passes every check of a number it activated: the test call and SMS it
    // places are recorded like any other call (an E911 address it cannot serve fails the activation first).
    checkPortedNumber: async (req) => {
      const scope = await scopeOf(env, req.idempotencyKey);
      const checks = Object.fromEntries(POST_PORT_CHECKS.map((c) => [c, true])) as Record<PostPortCheck, boolean>;
      return runKeyedCall(env, { system: 'activation', operation: 'checkPortedNumber', key: req.idempotencyKey, scope, decide: () => ({ effect: { msisdn: req.msisdn, checks } }) });
    },
  };
}

function check(env: SimulatorEnv, scope: CallScope, checks: Checks): void {
  if (checks.compatibility === true) {
    const hi = conflictOf(env.world, scope);
    if (hi !== undefined) refuse('activation', 'INCOMPATIBLE_SERVICES', `${hi.offeringIds.join(' + ')}: ${hi.reason}`);
  }
  if (checks.address === undefined) return;
  const place = servicePlace(scope.facts?.items.get(scope.itemId)?.places ?? []);
  if (place === undefined) return;
  const verdict = checkServiceAddress(env.world.buildings, place);
  if (verdict.kind === 'served') return;
  if (checks.address === 'e911') refuse('activation', 'E911_ADDRESS_INVALID', `emergency address rejected: ${verdict.text}`);
  refuse('activation', verdict.code, verdict.text);
}
