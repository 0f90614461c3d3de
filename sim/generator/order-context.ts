import type { RandomStream } from '../random/index.js';
import {
  ADD_ONS, CHANNEL_SHARE, LEGACY_PLANS, PLAN_LADDERS, WEB_LOG_ERROR_PROPENSITY, isLegacyAt, skusFor, stockOnHand,
  worldMonth, type Channel, type Customer, type CustomerProduct, type Region, type SalesRep, type Sku, type World,
} from '../world/index.js';
import type { OrderType } from './order-truth.js';

/** Products sold on new activations, with the reference shares. */
export const NEW_FAMILIES = [['fiber', 0.3], ['dsl', 0.15], ['mobile', 0.25], ['voip', 0.12], ['dia', 0.08], ['iptv', 0.1]] as const;
/** A family sold on new activations. */
export type NewFamily = (typeof NEW_FAMILIES)[number][0];

/** The observed and latent facts of one order before its body is written. */
export interface OrderContext {
  readonly type: OrderType;
  readonly at: Date;
  readonly month: number;
  readonly monthEnd: boolean;
  readonly customer: Customer;
  readonly region: Region;
  readonly channel: Channel;
  readonly rep?: SalesRep;
  readonly logRho: number;
  readonly family: NewFamily;
  readonly legacyStack: boolean;
  readonly load: number;
  readonly leadDays: number;
  readonly sku?: Sku;
  readonly stock?: number;
}

/** Draws the channel and rep of an order. */
export function drawChannel(r: RandomStream, world: World): { channel: Channel; rep?: SalesRep } {
  const channel = r.weighted(Object.entries(CHANNEL_SHARE) as [Channel, number][]);
  if (channel === 'web') return { channel };
  const reps = world.reps.filter((x) => x.channel === channel);
  return reps.length === 0 ? { channel } : { channel, rep: r.pick(reps) };
}

const FIXED = new Set(['fiber', 'dsl', 'dia', 'voip']);

/** Whether a customer's products allow a change order of this type. */
function canChange(type: OrderType, products: readonly CustomerProduct[]): boolean {
  const bases = products.filter((p) => p.parentId === undefined && !Object.values(LEGACY_PLANS).includes(p.offeringId));
  switch (type) {
    case 'move': return bases.some((p) => FIXED.has(p.family));
    case 'feature-change': return bases.some((p) => (ADD_ONS[p.family] ?? []).length > 0);
    case 'plan-change': return products.some((p) => p.parentId === undefined && (PLAN_LADDERS[p.family].length > 1 || LEGACY_PLANS[p.family] === p.offeringId));
    case 'disconnect':
    case 'new-activation':
    case 'port-in':
      return products.length > 0;
  }
}

/** Picks a customer fit for the order type: prospects mostly for activations, holders otherwise. */
export function drawCustomer(r: RandomStream, world: World, type: OrderType): Customer {
  for (let tries = 0; tries < 200; tries++) {
    const c = r.pick(world.customers);
    if (type === 'port-in' && c.carrierAccount === undefined) continue;
    if (type === 'new-activation' && !c.prospect && r.bernoulli(0.6)) continue;
    if (type !== 'new-activation' && type !== 'port-in' && !canChange(type, world.productsOf(c.id))) continue;
    return c;
  }
  return world.customers[0] as Customer;
}

/** Builds the context of one order: family, stock, stack and load at its submission time. */
export function buildContext(r: RandomStream, world: World, type: OrderType, at: Date): OrderContext {
  const customer = drawCustomer(r, world, type);
  const region = world.region(customer.regionId) as Region;
  const { channel, rep } = drawChannel(r, world);
  const month = worldMonth(world, at);
  const monthEnd = at.getUTCDate() >= 26;
  let family: NewFamily = r.weighted(NEW_FAMILIES);
  if (type === 'port-in') family = customer.carrierAccount !== undefined && world.carriers.find((c) => c.id === customer.carrierAccount?.carrierId)?.kind === 'wireline' ? 'voip' : 'mobile';
  if (family === 'dia' && customer.kind === 'individual') family = 'fiber';
  const skus = skusFor(family, month);
  const sku = skus.length > 0 ? r.pick(skus) : undefined;
  const hour = at.getUTCHours();
  const load = Math.min(1, Math.max(0, 0.5 + 0.25 * Math.sin((2 * Math.PI * hour) / 24 - 1.5) + r.normal(0, 0.15) + 0.1 * (monthEnd ? 1 : 0)));
  return {
    type, at, month, monthEnd, customer, region, channel,
    ...(rep === undefined ? {} : { rep }),
    logRho: rep?.logErrorPropensity ?? WEB_LOG_ERROR_PROPENSITY,
    family,
    legacyStack: isLegacyAt(world, region.id, at),
    load,
    leadDays: 1 + r.poisson(5),
    ...(sku === undefined || type === 'disconnect' || type === 'plan-change' ? {} : { sku, stock: stockOnHand(world.seed, region.id, sku, at) }),
  };
}

/** Whether a family's new lines can carry a hidden incompatibility. */
export function hiddenRuleReachable(family: NewFamily): boolean {
  return family === 'mobile' || family === 'dsl' || family === 'iptv' || PLAN_LADDERS[family].length === 0;
}

