import { isLegacyAt, type Customer, type World } from '../../../sim/world/index.js';
import type { Clock } from '../../ports/clock.js';
import type { EffectLedger } from '../../ports/effect-ledger.js';
import type { OrderFacts, OrderFactsLookup } from './order-facts.js';
import { keyParts } from './order-facts.js';
import type { SimulationMode } from './simulation-mode.js';
import type { SimulatorStats } from './simulator-stats.js';
import type { SimulatedSystem, SystemProfile } from './system-profile.js';

/** What every simulator runs on: the world, its seed, time, the effect ledger and the orders' facts. */
export interface SimulatorEnv {
  readonly world: World;
  readonly seed: number | string;
  readonly clock: Clock;
  readonly ledger: EffectLedger;
  readonly mode: SimulationMode;
  readonly facts: OrderFactsLookup;
  readonly profiles: Readonly<Record<SimulatedSystem, SystemProfile>>;
  readonly stats: SimulatorStats;
  /** Calls seen per key that has no effect yet: seeds each attempt's draws differently. */
  readonly attempts: Map<string, number>;
  /** Waits out a simulated response time; absent = latency is reported as data only. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The order a call belongs to, seen through the world: facts, customer, region and stack. */
export interface CallScope {
  readonly facts?: OrderFacts;
  readonly itemId: string;
  readonly customer?: Customer;
  readonly regionId?: string;
  /** The region still runs on the legacy provisioning stack now. */
  readonly legacyStack: boolean;
}

/** Resolves the order behind an idempotency key. */
export async function scopeOf(env: SimulatorEnv, key: string): Promise<CallScope> {
  const { orderId, itemId } = keyParts(key);
  const facts = await env.facts(orderId);
  const customer = facts?.customerId === undefined ? undefined : env.world.customer(facts.customerId);
  const regionId = customer?.regionId;
  const legacyStack = regionId !== undefined && isLegacyAt(env.world, regionId, new Date(env.clock.now()));
  return { ...(facts === undefined ? {} : { facts }), itemId, ...(customer === undefined ? {} : { customer }), ...(regionId === undefined ? {} : { regionId }), legacyStack };
}
