import { streamFor } from '../../../sim/random/index.js';
import { SouthboundError } from '../../ports/southbound-error.js';
import type { CallScope, SimulatorEnv } from './simulator-env.js';
import { loadAt, stackSaturated, timeoutRisk } from './provisioning-load.js';
import { drawLatency, type SimulatedSystem } from './system-profile.js';

/** A system's decision on a first call: the effect to record and the in-memory change to make once it is applied. */
export interface Decision<E extends Record<string, unknown>> {
  readonly effect: E;
  /** Runs only when the ledger says `applied` (stock taken, number assigned ...). */
  readonly apply?: () => void;
}

/** One keyed call to a simulated system. */
export interface KeyedCall<E extends Record<string, unknown>> {
  readonly system: SimulatedSystem;
  readonly operation: string;
  readonly key: string;
  /** The order behind the call, when the system's stack depends on its region. */
  readonly scope?: CallScope;
  /** Decides the effect from the world and the order; throws a permanent SouthboundError to refuse. */
  readonly decide: () => Decision<E> | Promise<Decision<E>>;
}

function nextAttempt(env: SimulatorEnv, key: string): number {
  const n = (env.attempts.get(key) ?? 0) + 1;
  env.attempts.set(key, n);
  return n;
}

/** Response time, transient failure and timeout of one attempt; throws the failures that come before any work. */
async function drawCallFate(env: SimulatorEnv, call: KeyedCall<Record<string, unknown>>): Promise<{ late: boolean }> {
  const { system, key, scope } = call;
  const profile = env.profiles[system];
  // The instant mode draws nothing: no latency, no failure.
  if (env.mode === 'instant' && profile.medianMs <= 0 && profile.transientRate <= 0) return { late: false };
  const rng = streamFor(env.seed, 'call', system, key, nextAttempt(env, key));
  const latency = drawLatency(profile, rng);
  env.stats.of(system).latencyMs += latency;
  const busy = rng.next() < profile.transientRate;
  const late = profile.legacyFronted && scope?.regionId !== undefined && env.mode === 'realistic' && timesOut(env, scope.regionId, scope.legacyStack, rng.next());
  const workDone = rng.bernoulli(0.5);
  if (env.sleep !== undefined && latency > 0) await env.sleep(latency);
  if (busy) fail(env, system, true, 'SYSTEM_BUSY', `${system} is busy, try again`);
  if (late && !workDone) fail(env, system, true, 'TIMEOUT', `${system} did not answer in time`);
  return { late };
}

/** A saturated stack answers nothing in time; otherwise a quarter of the load's risk hits single calls. */
function timesOut(env: SimulatorEnv, regionId: string, legacyStack: boolean, coin: number): boolean {
  const now = env.clock.now();
  if (stackSaturated(env.world, env.seed, regionId, legacyStack, now)) return true;
  return coin < timeoutRisk(legacyStack, loadAt(env.world, regionId, now)) / 4;
}

function fail(env: SimulatorEnv, system: SimulatedSystem, retryable: boolean, code: string, text: string): never {
  env.stats.failed(system, retryable, code);
  throw new SouthboundError(retryable, code, system, text);
}

/**
 * Runs a call at most once per key: a key already in the ledger gets its first result back with
 * no new effect. Otherwise draws the response time and transient failures (seeded by key and
 * attempt), lets the system decide, records the effect and applies it only if the ledger agrees.
 * On a saturated legacy stack the answer may be lost before or after the work was done.
 */
export async function runKeyedCall<E extends Record<string, unknown>>(env: SimulatorEnv, call: KeyedCall<E>): Promise<E> {
  const { system, key } = call;
  const stats = env.stats.of(system);
  stats.calls += 1;
  const seen = await env.ledger.lookup(key);
  if (seen !== undefined) return replay<E>(env, call, seen);
  const { late } = await drawCallFate(env, call);
  let decision: Decision<E>;
  try {
    decision = await call.decide();
  } catch (err) {
    if (err instanceof SouthboundError) env.stats.failed(system, err.retryable, err.code);
    throw err;
  }
  const outcome = await env.ledger.record(key, system, call.operation, decision.effect);
  if (outcome === 'duplicate') {
    const first = await env.ledger.lookup(key);
    if (first === undefined) throw new Error(`effect ledger refused ${key} but has no effect for it`);
    return replay<E>(env, call, first);
  }
  decision.apply?.();
  stats.applied += 1;
  env.attempts.delete(key);
  // The work is done but the answer is lost: the retry gets it from the ledger.
  if (late) fail(env, system, true, 'TIMEOUT', `${system} did not answer in time`);
  return decision.effect;
}

function replay<E extends Record<string, unknown>>(env: SimulatorEnv, call: KeyedCall<E>, seen: { system: string; operation: string; effect: Readonly<Record<string, unknown>> }): E {
  if (seen.system !== call.system || seen.operation !== call.operation) {
    throw new Error(`idempotency key ${call.key} was used for ${seen.system}.${seen.operation} and now for ${call.system}.${call.operation}`);
  }
  env.stats.of(call.system).replays += 1;
  return seen.effect as E;
}

/** Throws a permanent refusal of a system (bad data: retrying never helps). */
export function refuse(system: SimulatedSystem, code: string, text: string): never {
  throw new SouthboundError(false, code, system, text);
}
