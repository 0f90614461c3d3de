import { streamFor } from '../../../sim/random/index.js';
import { STRICTNESS_LEVELS, portTighteningAt, type LosingCarrier, type StrictnessLevel } from '../../../sim/world/index.js';
import { accountsMatch, namesMatch, normPin, normTn } from '../../domain/porting/normalisation.js';
import type { NumberPortIn } from '../../ports/number-port-in.js';
import { refuse, runKeyedCall } from './keyed-call.js';
import { scopeOf, type CallScope, type SimulatorEnv } from './simulator-env.js';

const HOUR_MS = 3_600_000;

type PortRequest = Parameters<NumberPortIn['requestPortIn']>[0];

/** The level a carrier matches at, one step stricter once carriers have tightened their rules. */
function strictnessAt(env: SimulatorEnv, carrier: LosingCarrier): StrictnessLevel {
  const i = STRICTNESS_LEVELS.indexOf(carrier.strictness) + (portTighteningAt(env.world, new Date(env.clock.now())) > 0 ? 1 : 0);
  return STRICTNESS_LEVELS[Math.min(i, STRICTNESS_LEVELS.length - 1)] ?? 'EXACT';
}

/** The losing carrier's reasons to reject the port, checked against its record of the customer's account. */
function rejections(env: SimulatorEnv, scope: CallScope, req: PortRequest): string[] {
  const carrier = env.world.carriers.find((c) => c.name === req.losingCarrier || c.id === req.losingCarrier);
  if (carrier === undefined) return ['UNKNOWN_CARRIER'];
  const account = scope.customer?.carrierAccount;
  const tn = normTn(req.msisdn);
  if (account === undefined || account.carrierId !== carrier.id || tn === null || !account.tns.includes(tn)) return ['TN_NOT_ON_ACCOUNT'];
  const level = strictnessAt(env, carrier);
  const reasons: string[] = [];
  if (!accountsMatch(req.accountNumber, account.accountNumber, level)) reasons.push('ACCOUNT_NUMBER_MISMATCH');
  if (carrier.requiresPin && account.pin !== undefined) {
    if (req.pin === undefined || req.pin.trim() === '') reasons.push('PIN_REQUIRED');
    else if (normPin(req.pin) !== account.pin) reasons.push('PIN_INVALID');
  }
  const name = scope.facts?.items.get(scope.itemId)?.characteristics.portingAuthorisationName;
  const onRecord = [...account.authorizedNames, ...(account.businessName === undefined ? [] : [account.businessName])];
  if (typeof name === 'string' && !onRecord.some((n) => namesMatch(n, name, level))) reasons.push('AUTH_NAME_MISMATCH');
  return reasons;
}

/**
 * A number port-in against the losing carrier's records in the world: rejected (permanently, with
 * the carrier's reason) when the number, account, PIN or authorising name do not match; otherwise
 * the port completes at the confirmed date, and later calls with the key report it.
 */
export function numberPortInSimulator(env: SimulatorEnv): NumberPortIn {
  return {
    async requestPortIn(req) {
      const scope = await scopeOf(env, req.idempotencyKey);
      const port = await runKeyedCall(env, {
        system: 'porting', operation: 'requestPortIn', key: req.idempotencyKey,
        decide: () => {
          const now = env.clock.now();
          const reasons = env.mode === 'realistic' ? rejections(env, scope, req) : [];
          if (reasons[0] !== undefined) refuse('porting', reasons[0], `port of ${req.msisdn} rejected by ${req.losingCarrier}: ${reasons.join(', ')}`);
          const r = streamFor(env.seed, 'port-in', req.idempotencyKey);
          const desired = req.desiredAt === undefined ? Number.NaN : Date.parse(req.desiredAt);
          const focAt = env.mode === 'realistic' ? Math.max(now + r.int(24, 72) * HOUR_MS, Number.isNaN(desired) ? 0 : desired) : now;
          return { effect: { portRequestId: `PON-${r.chars(10)}`, focAt } };
        },
      });
      const focAt = Number(port.focAt);
      const portRequestId = String(port.portRequestId);
      return env.clock.now() < focAt ? { portRequestId, checkAgainAt: focAt } : { portRequestId, portedAt: focAt };
    },
    async cancelPortIn(req) {
      await runKeyedCall(env, { system: 'porting', operation: 'cancelPortIn', key: req.idempotencyKey, decide: () => ({ effect: { portTaskKey: req.portTaskKey, ...(req.portRequestId === undefined ? {} : { portRequestId: req.portRequestId }) } }) });
    },
  };
}
