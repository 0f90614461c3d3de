import type { World } from '../../../sim/world/index.js';
import type { ActivationSystem } from '../../ports/activation-system.js';
import type { BillingSystem } from '../../ports/billing-system.js';
import type { Clock } from '../../ports/clock.js';
import type { CpeLogistics } from '../../ports/cpe-logistics.js';
import type { CrmSystem } from '../../ports/crm-system.js';
import type { EffectLedger } from '../../ports/effect-ledger.js';
import type { FieldService } from '../../ports/field-service.js';
import type { InventorySystem } from '../../ports/inventory-system.js';
import type { LegacyProvisioning } from '../../ports/legacy-provisioning.js';
import type { NumberPortIn } from '../../ports/number-port-in.js';
import type { SubscriberProvisioning } from '../../ports/subscriber-provisioning.js';
import { activationSimulator } from './activation-simulator.js';
import { billingSimulator } from './billing-simulator.js';
import { cpeLogisticsSimulator } from './cpe-logistics-simulator.js';
import { crmSimulator } from './crm-simulator.js';
import { fieldServiceSimulator } from './field-service-simulator.js';
import { inventorySimulator } from './inventory-simulator.js';
import { legacyProvisioningSimulator } from './legacy-provisioning-simulator.js';
import { NumberInventory } from './number-inventory.js';
import { numberPortInSimulator } from './number-port-in-simulator.js';
import type { OrderFactsLookup } from './order-facts.js';
import type { SimulationMode } from './simulation-mode.js';
import { SimulatorStats } from './simulator-stats.js';
import { subscriberProvisioningSimulator } from './subscriber-provisioning-simulator.js';
import { profilesFor, type SimulatedSystem, type SystemProfile } from './system-profile.js';
import { Warehouse } from './warehouse.js';

/** What the simulated OSS/BSS are built from. */
export interface SimulatedSystemsOptions {
  readonly world: World;
  /** Seed of response times and transient failures (the world's quantities use the world's own seed). */
  readonly seed: number | string;
  readonly clock: Clock;
  readonly ledger: EffectLedger;
  readonly mode: SimulationMode;
  /** The facts of an order by id (customer, items, places); see `orderFactsFromStore`. */
  readonly orderFacts: OrderFactsLookup;
  /** Overrides of the mode's response-time and failure profiles, per system. */
  readonly profiles?: Partial<Record<SimulatedSystem, SystemProfile>>;
  /** Waits out each simulated response time (real-time runs); without it latency is data only. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** One adapter per southbound port, plus the counters of every call. Structurally a `SouthboundSystems`. */
export interface SimulatedSystems {
  readonly inventory: InventorySystem;
  readonly subscribers: SubscriberProvisioning;
  readonly activation: ActivationSystem;
  readonly logistics: CpeLogistics;
  readonly fieldService: FieldService;
  readonly billing: BillingSystem;
  readonly crm: CrmSystem;
  readonly legacy: LegacyProvisioning;
  readonly portIn: NumberPortIn;
  /** Calls, effects, replays, failures by code and simulated latency, per system. */
  readonly stats: SimulatorStats;
}

/** Builds the simulated southbound systems over one world, one ledger and one clock. */
export function createSimulatedSystems(o: SimulatedSystemsOptions): SimulatedSystems {
  const stats = new SimulatorStats();
  const env = {
    world: o.world, seed: o.seed, clock: o.clock, ledger: o.ledger, mode: o.mode, facts: o.orderFacts,
    profiles: { ...profilesFor(o.mode), ...o.profiles }, stats, attempts: new Map<string, number>(),
    ...(o.sleep === undefined ? {} : { sleep: o.sleep }),
  };
  const warehouse = new Warehouse(o.world);
  return {
    inventory: inventorySimulator(env, { warehouse, numbers: new NumberInventory(o.world) }),
    subscribers: subscriberProvisioningSimulator(env),
    activation: activationSimulator(env),
    logistics: cpeLogisticsSimulator(env, warehouse),
    fieldService: fieldServiceSimulator(env),
    billing: billingSimulator(env),
    crm: crmSimulator(env),
    legacy: legacyProvisioningSimulator(env),
    portIn: numberPortInSimulator(env),
    stats,
  };
}
