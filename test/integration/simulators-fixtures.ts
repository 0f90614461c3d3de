import { placeOf } from '../../sim/generator/address-entry.js';
import type { Building, Customer, PostalAddress, World } from '../../sim/world/index.js';
import { VirtualClock } from '../../src/adapters/clock/virtual-clock.js';
import { createSimulatedSystems, InMemoryEffectLedger, type OrderFacts, type SimulatedSystems, type SimulationMode } from '../../src/adapters/simulators/index.js';
import type { ItemFacts } from '../../src/adapters/simulators/order-facts.js';
import type { SystemProfile, SimulatedSystem } from '../../src/adapters/simulators/system-profile.js';
import type { EffectLedger } from '../../src/ports/effect-ledger.js';
import { worldOf } from './simulators-harness.js';

/** The world the simulator tests run in. */
export const world: World = worldOf(11);
/** A Monday 10:00 UTC in the world's first month. */
export const MONDAY = Date.parse('2026-01-12T10:00:00Z');

/** An item of a test order. */
export function anItem(itemId: string, offeringId: string, o: Partial<ItemFacts> = {}): ItemFacts {
  return { itemId, action: 'add', offeringId, characteristics: {}, places: [], related: [], liveProducts: [], ...o };
}

/** A test order of a customer. */
export function anOrder(orderId: string, customer: Customer | undefined, items: readonly ItemFacts[], hasBillingAccount = false): OrderFacts {
  return { orderId, ...(customer === undefined ? {} : { customerId: customer.id }), hasBillingAccount, items: new Map(items.map((i) => [i.itemId, i])) };
}

/** An installation address place for a building (with a unit when given). */
export function installAt(b: Building, unit?: string, change: Partial<PostalAddress> = {}): Record<string, unknown> {
  return placeOf('installationAddress', { ...b.address, ...(unit === undefined ? {} : { unitType: b.unitType ?? 'Apt', unit }), ...change });
}

/** Simulated systems over an in-memory ledger and a virtual clock, with the given orders. */
export function simulate(o: { mode?: SimulationMode; orders?: readonly OrderFacts[]; at?: number; seed?: number; ledger?: EffectLedger; profiles?: Partial<Record<SimulatedSystem, SystemProfile>> } = {}): {
  systems: SimulatedSystems;
  clock: VirtualClock;
  ledger: EffectLedger;
  orders: Map<string, OrderFacts>;
} {
  const clock = new VirtualClock(o.at ?? MONDAY);
  const ledger = o.ledger ?? new InMemoryEffectLedger(clock);
  const orders = new Map((o.orders ?? []).map((f) => [f.orderId, f]));
  const systems = createSimulatedSystems({
    world, seed: o.seed ?? 5, clock, ledger, mode: o.mode ?? 'realistic', orderFacts: async (id) => orders.get(id),
    // Transient failures are tested on their own; the cause tests switch them off.
    profiles: { ...quiet(), ...o.profiles },
  });
  return { systems, clock, ledger, orders };
}

/** Realistic profiles with no transient failures. */
export function quiet(): Partial<Record<SimulatedSystem, SystemProfile>> {
  const names = ['inventory', 'hlr', 'activation', 'logistics', 'field-service', 'billing', 'crm', 'legacy', 'porting'] as const;
  return Object.fromEntries(names.map((n) => [n, { medianMs: 100, spread: 0.3, transientRate: 0, legacyFronted: n === 'hlr' || n === 'activation' || n === 'legacy' }]));
}

/** The code of the SouthboundError a call rejects with, or `ok`. */
export async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    const e = err as { code?: string; retryable?: boolean };
    return e.code === undefined ? String(err) : `${e.retryable === true ? 'retry' : 'fail'}:${e.code}`;
  }
}

/** A customer matching a predicate. */
export function aCustomer(pred: (c: Customer) => boolean): Customer {
  const c = world.customers.find(pred);
  if (c === undefined) throw new Error('no such customer in the test world');
  return c;
}
