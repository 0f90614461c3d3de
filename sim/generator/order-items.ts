import type { RandomStream } from '../random/index.js';
import { PLAN_LADDERS, US_PLACES, type LosingCarrier, type World } from '../world/index.js';
import { disconnect, featureChange, move, planChange } from './existing-product-items.js';
import { ItemIds, type CharJson, type ItemJson } from './item-builder.js';
import { broadbandLine, bundle, mobileLine, onBroadband, type NewServiceContext } from './new-service-items.js';
import type { OrderContext } from './order-context.js';
import type { OrderType, PortMismatch } from './order-truth.js';
import { enterPortData } from './port-in-entry.js';

/** Entry data decided before the items are written. */
export interface ItemOptions {
  readonly place: Record<string, unknown>;
  readonly delivery: Record<string, unknown>;
  readonly breakHiddenRule: boolean;
  readonly addOns: number;
  readonly carrier: LosingCarrier | undefined;
  readonly nameMismatch: boolean;
  readonly phoneInvalid: boolean;
  readonly portFired: boolean;
}

/** The items of an order and what was really put in them. */
export interface BuiltItems {
  readonly items: ItemJson[];
  /** The type actually built (a change order for a customer with nothing to change becomes an activation). */
  readonly type: OrderType;
  readonly family: string;
  readonly broken?: string;
  readonly portMismatches: readonly PortMismatch[];
  readonly portPin?: string;
}

function callerId(name: string): string {
  return name.normalize('NFKD').replace(/[^A-Za-z0-9 .,'&-]/g, '').slice(0, 15).trim() || 'SUBSCRIBER';
}

function portChars(r: RandomStream, ctx: OrderContext, o: ItemOptions): { chars: CharJson[]; mismatches: PortMismatch[]; pin?: string } | undefined {
  const account = ctx.customer.carrierAccount;
  if (o.carrier === undefined || account === undefined) return undefined;
  const otherZip = r.pick(r.pick(US_PLACES).zips);
  const e = enterPortData(r, ctx.customer, account, o.carrier, { nameMismatch: o.nameMismatch, phoneInvalid: o.phoneInvalid, fired: o.portFired, otherZip });
  const due = new Date(ctx.at.getTime() + ctx.leadDays * 86_400_000).toISOString();
  const chars: CharJson[] = [
    { name: 'msisdn', value: e.msisdn },
    { name: 'losingCarrier', value: o.carrier.name },
    { name: 'portingAuthorisationName', value: e.authorisationName },
    { name: 'portingAccountNumber', value: e.accountNumber },
    ...(e.pin === undefined ? [] : [{ name: 'portingPin', value: e.pin }]),
    ...(e.additionalNumbers.length === 0 ? [] : [{ name: 'portingAdditionalNumbers', value: e.additionalNumbers.join(', ') }]),
    { name: 'portingBillingNumber', value: e.btn },
    ...(e.remaining === undefined ? [] : [{ name: 'portingRemainingNumbers', value: e.remaining }]),
    ...(e.newBtn === undefined ? [] : [{ name: 'portingNewBillingNumber', value: e.newBtn }]),
    { name: 'requestedPortDate', value: due },
  ];
  return { chars, mismatches: [...e.mismatches], ...(e.pin === undefined ? {} : { pin: e.pin }) };
}

function newService(r: RandomStream, world: World, ctx: OrderContext, o: ItemOptions): BuiltItems {
  const port = ctx.type === 'port-in' ? portChars(r, ctx, o) : undefined;
  const sc: NewServiceContext = {
    r, ids: new ItemIds(), install: o.place, delivery: o.delivery, areaCode: r.pick(ctx.region.areaCodes),
    ...(port === undefined ? {} : { portChars: port.chars }), breakHiddenRule: o.breakHiddenRule, addOns: o.addOns,
    existing: world.productsOf(ctx.customer.id), callerIdName: callerId(ctx.customer.kind === 'business' ? ctx.customer.displayName : ctx.customer.familyName),
  };
  const f = ctx.family;
  const useBundle = !o.breakHiddenRule && r.bernoulli(0.15) && (f === 'mobile' || f === 'fiber');
  const built: { items: ItemJson[]; broken?: string } = useBundle
    ? bundle(sc, f === 'mobile' ? 'mobileStarter' : 'homeTrio')
    : f === 'mobile'
      ? mobileLine(sc, r.pick(PLAN_LADDERS.mobile))
      : f === 'voip' || f === 'iptv'
        ? onBroadband(sc, f)
        : broadbandLine(sc, f, r.pick(PLAN_LADDERS[f]));
  const family = useBundle ? 'bundle' : f;
  return {
    items: built.items, type: port === undefined ? 'new-activation' : 'port-in', family,
    ...(built.broken === undefined ? {} : { broken: built.broken }),
    portMismatches: port?.mismatches ?? [], ...(port?.pin === undefined ? {} : { portPin: port.pin }),
  };
}

/** Writes the items of an order of the context's type. */
export function buildOrderItems(r: RandomStream, world: World, ctx: OrderContext, o: ItemOptions): BuiltItems {
  const products = world.productsOf(ctx.customer.id);
  const ids = new ItemIds();
  let items: ItemJson[] | undefined;
  switch (ctx.type) {
    case 'new-activation':
    case 'port-in':
      return newService(r, world, ctx, o);
    case 'plan-change': items = planChange(r, ids, products); break;
    case 'feature-change': items = featureChange(r, ids, products); break;
    case 'move': items = move(r, ids, products, o.place); break;
    case 'disconnect': items = disconnect(r, ids, products); break;
  }
  if (items === undefined) return newService(r, world, { ...ctx, type: 'new-activation' }, o);
  const touched = products.find((p) => items.some((it) => (it['product'] as { id?: string }).id === p.id || JSON.stringify(it).includes(p.id)));
  return { items, type: ctx.type, family: touched?.family ?? ctx.family, portMismatches: [] };
}
