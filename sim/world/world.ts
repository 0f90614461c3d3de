import { streamFor, type Seed } from '../random/index.js';
import { buildBuildingRegistry, type BuildingRegistry } from './building-registry.js';
import type { Customer } from './customer.js';
import { buildCustomers } from './customer-population.js';
import { buildInventory, type CustomerProduct } from './customer-product.js';
import { monthIndex, referenceDrift, type DriftEvent } from './drift-schedule.js';
import { LOSING_CARRIERS, type LosingCarrier } from './losing-carrier.js';
import { buildNumberBlocks, type NumberBlock } from './number-pool.js';
import { buildRegions, type Region } from './region.js';
import { buildSalesReps, type SalesRep } from './sales-rep.js';

/** What a world is built from: a seed, the instant month 0 starts, and sizes. */
export interface WorldOptions {
  readonly seed: Seed;
  /** Start of month 0 (ISO instant); drift months count from here. */
  readonly start: string;
  readonly customers?: number;
  readonly reps?: number;
}

/** The simulated operator: regions, buildings, customers, their products, reps, carriers and drift. */
export interface World {
  readonly seed: Seed;
  readonly start: string;
  readonly regions: readonly Region[];
  readonly buildings: BuildingRegistry;
  readonly customers: readonly Customer[];
  readonly inventory: readonly CustomerProduct[];
  readonly reps: readonly SalesRep[];
  readonly carriers: readonly LosingCarrier[];
  readonly numberBlocks: readonly NumberBlock[];
  readonly drift: readonly DriftEvent[];
  customer(id: string): Customer | undefined;
  region(id: string): Region | undefined;
  productsOf(customerId: string): readonly CustomerProduct[];
}

/** Default number of customers and prospects in a world. */
export const DEFAULT_CUSTOMERS = 8000;
/** Default size of the sales force. */
export const DEFAULT_REPS = 300;

function indexBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const list = map.get(key(item)) ?? [];
    list.push(item);
    map.set(key(item), list);
  }
  return map;
}

/** Builds the world; the same options always give the same world. */
export function createWorld(options: WorldOptions): World {
  const { seed } = options;
  const start = new Date(options.start);
  const regions = buildRegions(streamFor(seed, 'regions'));
  const buildings = buildBuildingRegistry(seed, regions);
  const customers = buildCustomers(seed, options.customers ?? DEFAULT_CUSTOMERS, regions, buildings);
  const inventory = buildInventory(seed, customers, regions, start);
  const customerById = new Map(customers.map((c) => [c.id, c]));
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const productsByCustomer = indexBy(inventory, (p) => p.customerId);
  return {
    seed,
    start: start.toISOString(),
    regions,
    buildings,
    customers,
    inventory,
    reps: buildSalesReps(streamFor(seed, 'reps'), options.reps ?? DEFAULT_REPS),
    carriers: LOSING_CARRIERS,
    numberBlocks: buildNumberBlocks(seed, regions),
    drift: referenceDrift(start, regions.filter((r) => r.legacy).map((r) => r.id)),
    customer: (id) => customerById.get(id),
    region: (id) => regionById.get(id),
    productsOf: (id) => productsByCustomer.get(id) ?? [],
  };
}

/** Whether a region still runs on the legacy provisioning stack at `at` (migrations applied). */
export function isLegacyAt(world: World, regionId: string, at: Date): boolean {
  const region = world.region(regionId);
  if (region === undefined || !region.legacy) return false;
  return !world.drift.some((e) => e.kind === 'legacy-migration' && e.regionIds.includes(regionId) && at >= new Date(e.at));
}

/** Extra logit on port rejection from carriers having tightened their rules by `at`. */
export function portTighteningAt(world: World, at: Date): number {
  let delta = 0;
  for (const e of world.drift) if (e.kind === 'carrier-tightening' && at >= new Date(e.at)) delta += e.portLogitDelta;
  return delta;
}

/** Month index of `at` in the world (0 = the first month). */
export function worldMonth(world: World, at: Date): number {
  return monthIndex(new Date(world.start), at);
}
