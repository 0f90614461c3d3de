import { hashKeys, streamFor, type RandomStream, type Seed } from '../random/index.js';
import { CHANNEL_HABITS, createWorld, portTighteningAt, type Building, type World } from '../world/index.js';
import { drawAddressDefects, enterAddress, placeOf } from './address-entry.js';
import { drawArrivals } from './arrivals.js';
import { buildOrderItems } from './order-items.js';
import { orderBody } from './order-body.js';
import { buildContext, hiddenRuleReachable, type OrderContext } from './order-context.js';
import { writeNotes } from './order-notes.js';
import { CAUSES, HUMAN_ERRORS, ORDER_TYPES, type OrderTruth, type OrderType } from './order-truth.js';
import { causeProbabilities, drawCauses } from './latent-causes.js';

/** Reference order-type mix. */
export const DEFAULT_MIX: Readonly<Record<OrderType, number>> = {
  'new-activation': 0.34, 'port-in': 0.16, 'plan-change': 0.16, 'feature-change': 0.14, move: 0.08, disconnect: 0.12,
};

/** What to generate: seed, how many orders, from when, over how many days, and the type mix. */
export interface GenerateOrdersOptions {
  readonly seed: Seed;
  readonly count: number;
  /** ISO instant of the first day. */
  readonly startTime: string;
  readonly days: number;
  readonly mix?: Partial<Record<OrderType, number>>;
  /** The world to draw from; built from the seed (world start = startTime) when absent. */
  readonly world?: World;
}

/** One generated order: the POST body, its hidden truth, and when to submit it. */
export interface GeneratedOrder {
  readonly body: Record<string, unknown>;
  readonly truth: OrderTruth;
  readonly submitAt: string;
}

function newAddress(r: RandomStream, world: World, ctx: OrderContext): { building: Building; address: ReturnType<typeof enterAddress> } {
  const place = r.pick(ctx.region.places);
  const building = r.pick(world.buildings.buildingsOf(r.pick(place.zips)));
  const unit = building.units.length > 0 ? { unitType: building.unitType, unit: r.pick(building.units) } : {};
  return { building, address: { ...building.address, ...unit } };
}

/** Generates one order i; every random decision comes from streams keyed by (seed, purpose, i). */
export function generateOrder(world: World, seed: Seed, i: number, at: Date, mix: Readonly<Record<OrderType, number>>): GeneratedOrder {
  const r = streamFor(seed, 'order', i);
  const type = r.weighted(ORDER_TYPES.map((t) => [t, mix[t]] as const));
  const ctx = buildContext(r, world, type, at);
  const lat = streamFor(seed, 'latent', i);
  const isPort = type === 'port-in' && ctx.customer.carrierAccount !== undefined;
  const carrier = isPort ? world.carriers.find((c) => c.id === ctx.customer.carrierAccount?.carrierId) : undefined;
  const nameMismatch = isPort && lat.bernoulli(0.18);
  const phoneInvalid = lat.bernoulli(isPort ? 0.05 : 0.03) && isPort;
  const riskyNote = lat.bernoulli(0.12 + 0.08 * (ctx.logRho > 0.4 ? 1 : 0));
  const addOns = lat.poisson({ fiber: 1.0, dsl: 0.6, mobile: 1.2, voip: 1.0, dia: 0.8, iptv: 2.0 }[ctx.family]);
  const lines = 1 + lat.poisson(ctx.family === 'dia' || ctx.family === 'voip' ? 1.5 : 0.4);
  const target = type === 'move' ? newAddress(lat, world, ctx) : { building: world.buildings.byId(ctx.customer.buildingId), address: ctx.customer.address };
  const mdu = target.building?.kind === 'multi-dwelling';
  const activation = type === 'new-activation' || type === 'port-in';
  const hasAddress = activation || type === 'move';
  const probabilities = causeProbabilities({
    family: ctx.family, channel: ctx.channel, newCustomer: ctx.customer.prospect, creditScore: ctx.customer.creditScore, mdu,
    logErrorPropensity: ctx.logRho, addrOffset: ctx.region.addrOffset, addOns, lines,
    incompatibleAvailable: activation && hiddenRuleReachable(ctx.family), ...(ctx.stock === undefined ? {} : { stockOnHand: ctx.stock }),
    shortage: ctx.sku?.shortage ?? 0, monthEnd: ctx.monthEnd, portIn: isPort, nameMismatch, phoneInvalid,
    carrierStrictness: carrier?.strictnessScore ?? 0, portTightening: portTighteningAt(world, at), legacyStack: ctx.legacyStack,
    load: ctx.load, riskyNote, leadDays: ctx.leadDays, hasAddress,
  });
  const causes = drawCauses(streamFor(seed, 'causes', i), probabilities);
  const ar = streamFor(seed, 'address', i);
  const defects = drawAddressDefects(ar, causes.includes('address'), mdu);
  const entered = enterAddress(ar, target.address, ctx.region, defects);
  const built = buildOrderItems(r, world, ctx, {
    place: placeOf('installationAddress', entered), delivery: placeOf('deliveryAddress', entered),
    breakHiddenRule: causes.includes('incompat'), addOns, carrier, nameMismatch, phoneInvalid, portFired: causes.includes('port'),
  });
  const unitInNote = defects.includes('missing-unit') && !causes.includes('address') ? target.address.unit : undefined;
  const habits = CHANNEL_HABITS[ctx.channel];
  const notes = writeNotes(streamFor(seed, 'notes', i), {
    customer: ctx.customer, risky: riskyNote, ...(carrier === undefined ? {} : { carrier }), ...(built.portPin === undefined ? {} : { portPin: built.portPin }),
    ...(unitInNote === undefined ? {} : { unitInNote }), typoRate: habits.typoRate, fixedAccess: ctx.family !== 'mobile',
  }, habits.noteRate);
  const orderKey = `SIM-${hashKeys(seed, []).at(0)?.toString(36) ?? '0'}-${String(i).padStart(7, '0')}`;
  const humanError = causes.includes('human') ? lat.pick(HUMAN_ERRORS) : undefined;
  const truth: OrderTruth = {
    orderKey, orderType: built.type, customerId: ctx.customer.id, regionId: ctx.region.id, channel: ctx.channel,
    ...(ctx.rep === undefined ? {} : { repId: ctx.rep.id }), family: built.family, submitAt: at.toISOString(),
    month: ctx.month, monthEnd: ctx.monthEnd, leadDays: ctx.leadDays, causes, ...(causes[0] === undefined ? {} : { firstCause: causes[0] }),
    fallout: causes.length > 0, probabilities,
    latent: {
      newCustomer: ctx.customer.prospect, creditScore: ctx.customer.creditScore, mdu, addressDefects: defects,
      ...(ctx.sku === undefined ? {} : { skuId: ctx.sku.id }), ...(ctx.stock === undefined ? {} : { stockOnHand: ctx.stock }),
      legacyStack: ctx.legacyStack, load: ctx.load, ...(built.broken === undefined ? {} : { incompatibility: built.broken }),
      ...(carrier === undefined ? {} : { portCarrierId: carrier.id }), portMismatches: built.portMismatches, nameMismatch, phoneInvalid,
      logErrorPropensity: ctx.logRho, riskyNote, ...(humanError === undefined ? {} : { humanError }), addOns, lines,
    },
  };
  return { body: orderBody(r, ctx, orderKey, built.items, notes), truth, submitAt: at.toISOString() };
}

/**
 * Generates `count` orders over `days` days from `startTime`, sorted by submission time, with
 * arrivals following the weekly pattern and month-end peaks. Same options, same orders.
 */
export function generateOrders(options: GenerateOrdersOptions): GeneratedOrder[] {
  const start = new Date(options.startTime);
  const world = options.world ?? createWorld({ seed: options.seed, start: start.toISOString() });
  const mix = { ...DEFAULT_MIX, ...options.mix };
  const arrivals = drawArrivals(streamFor(options.seed, 'arrivals'), start, options.days, options.count);
  return arrivals.map((at, i) => generateOrder(world, options.seed, i, at, mix));
}

/** The truth of each order keyed by its `externalId`, kept apart from the bodies. */
export function truthIndex(orders: readonly GeneratedOrder[]): Map<string, OrderTruth> {
  return new Map(orders.map((o) => [o.truth.orderKey, o.truth]));
}

export { CAUSES };
