import type { RandomStream } from '../random/index.js';
import { ADD_ONS, BUNDLES, EQUIPMENT, PLAN_LADDERS, hiddenIncompatibility, type CustomerProduct, type ProductFamily } from '../world/index.js';
import { addItem, addOntoExisting, idOf, type CharJson, type ItemIds, type ItemJson } from './item-builder.js';

/** Offering pairs the catalog refuses at entry: clean orders never contain them. */
const CATALOG_EXCLUSIONS: readonly (readonly [string, string])[] = [
  ['po-addon-data-boost-5gb', 'po-mobile-plan-talk-text'], ['po-addon-data-boost-5gb', 'po-mobile-plan-unlimited'],
  ['po-addon-intl-calling', 'po-mobile-plan-talk-text'], ['po-addon-intl-calling', 'po-mobile-plan-5gb'], ['po-iptv-premium', 'po-dsl-25'],
];

/** Whether the catalog forbids two offerings together. */
export function catalogExcludes(a: string, b: string): boolean {
  return CATALOG_EXCLUSIONS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** What a new-service builder needs: places, the port item, and whether to break a hidden rule. */
export interface NewServiceContext {
  readonly r: RandomStream;
  readonly ids: ItemIds;
  readonly install: Record<string, unknown>;
  readonly delivery: Record<string, unknown>;
  readonly areaCode: string;
  readonly portChars?: readonly CharJson[];
  readonly breakHiddenRule: boolean;
  readonly addOns: number;
  readonly existing: readonly CustomerProduct[];
  readonly callerIdName: string;
}

/** Chooses add-ons for a plan; with `breakHiddenRule`, includes a pair the network refuses. */
export function chooseAddOns(ctx: NewServiceContext, family: ProductFamily, plan: string): { addOns: string[]; broken?: string } {
  const pool = (ADD_ONS[family] ?? []).filter((a) => !catalogExcludes(a, plan));
  const picked = ctx.r.shuffle(pool).slice(0, ctx.addOns);
  if (ctx.breakHiddenRule) {
    for (const a of pool) {
      const hi = hiddenIncompatibility(a, plan) ?? picked.map((b) => hiddenIncompatibility(a, b)).find((h) => h !== undefined);
      if (hi !== undefined) return { addOns: [...new Set([...picked, ...hi.offeringIds.filter((o) => o !== plan)])], broken: hi.id };
    }
  }
  const clean = picked.filter((a, i) => hiddenIncompatibility(a, plan) === undefined && !picked.slice(0, i).some((b) => hiddenIncompatibility(a, b) !== undefined));
  return { addOns: clean };
}

/** Items of one new mobile line: plan, SIM or eSIM, new or ported number, add-ons. */
export function mobileLine(ctx: NewServiceContext, plan: string): { items: ItemJson[]; broken?: string } {
  const { r, ids } = ctx;
  const spend = r.bernoulli(0.15) ? { productCharacteristic: [{ name: 'spendCapUsd', value: r.pick([25, 50, 100]) }] } : {};
  const planItem = addItem(ids, plan, spend);
  const pid = idOf(planItem);
  const sim = r.bernoulli(0.35)
    ? addItem(ids, EQUIPMENT.esim, { productCharacteristic: [{ name: 'eid', value: `89049032${r.chars(24)}` }] }, pid)
    : addItem(ids, EQUIPMENT.sim, { productCharacteristic: [{ name: 'simFormat', value: r.pick(['nano', 'triple-cut']) }], place: [ctx.delivery] }, pid);
  const number = ctx.portChars !== undefined
    ? addItem(ids, EQUIPMENT.portIn, { productCharacteristic: [...ctx.portChars] }, pid)
    : addItem(ids, EQUIPMENT.newNumber, { productCharacteristic: [{ name: 'preferredAreaCode', value: ctx.areaCode }] }, pid);
  const { addOns, broken } = chooseAddOns(ctx, 'mobile', plan);
  const extras = addOns.map((a) => addItem(ids, a, {}, pid));
  return { items: [planItem, sim, number, ...extras], ...(broken === undefined ? {} : { broken }) };
}

/** Items of a new broadband line (fiber, DSL or DIA) with router and add-ons. */
export function broadbandLine(ctx: NewServiceContext, family: 'fiber' | 'dsl' | 'dia', plan: string): { items: ItemJson[]; broken?: string } {
  const { r, ids } = ctx;
  const chars: CharJson[] = family === 'fiber' ? [{ name: 'installationType', value: r.weighted([['technician', 4], ['selfInstall', 1]] as const) }] : [];
  if (family === 'dia') chars.push({ name: 'slaTier', value: r.pick(['standard', 'premium']) });
  const base = addItem(ids, plan, { productCharacteristic: chars, place: [ctx.install] });
  const bid = idOf(base);
  const router = r.bernoulli(0.8) ? [addItem(ids, EQUIPMENT.router, { productCharacteristic: [{ name: 'deliveryMethod', value: r.pick(['courier', 'technician', 'storePickup']) }] }, bid)] : [];
  const { addOns, broken } = chooseAddOns(ctx, family, plan);
  return { items: [base, ...router, ...addOns.map((a) => addItem(ids, a, {}, bid))], ...(broken === undefined ? {} : { broken }) };
}

/** A voice or TV item on the customer's broadband, adding a broadband line first when there is none. */
export function onBroadband(ctx: NewServiceContext, family: 'voip' | 'iptv'): { items: ItemJson[]; broken?: string } {
  const { r, ids } = ctx;
  const existingBase = ctx.existing.find((p) => p.parentId === undefined && (p.family === 'fiber' || p.family === 'dsl'));
  const baseOffering = existingBase?.offeringId ?? r.pick([...PLAN_LADDERS.fiber, ...PLAN_LADDERS.dsl]);
  let offering = family === 'voip' ? 'po-voip-line' : r.pick(PLAN_LADDERS.iptv);
  const hi = hiddenIncompatibility(offering, baseOffering);
  const wantsBreak = ctx.breakHiddenRule && family === 'iptv' && hiddenIncompatibility('po-iptv-premium', baseOffering) !== undefined;
  if (wantsBreak) offering = 'po-iptv-premium';
  else if ((hi !== undefined || catalogExcludes(offering, baseOffering)) && family === 'iptv') offering = 'po-iptv-basic';
  const broken = hiddenIncompatibility(offering, baseOffering)?.id;
  const chars: CharJson[] = family === 'voip' ? [{ name: 'callerIdName', value: ctx.callerIdName }] : [{ name: 'setTopBoxCount', value: r.int(1, 3) }];
  const product = { productCharacteristic: chars, ...(family === 'voip' ? { place: [{ ...ctx.install, role: 'serviceAddress' }] } : {}) };
  const items: ItemJson[] = [];
  let main: ItemJson;
  if (existingBase !== undefined) {
    main = addOntoExisting(ids, offering, existingBase.id);
    Object.assign(main['product'] as object, product);
  } else {
    const base = broadbandLine({ ...ctx, breakHiddenRule: false, addOns: 0 }, baseOffering.startsWith('po-dsl') ? 'dsl' : 'fiber', baseOffering);
    items.push(...base.items);
    main = addItem(ids, offering, product, idOf(base.items[0] as ItemJson));
  }
  items.push(main);
  if (ctx.portChars !== undefined && family === 'voip') items.push(addItem(ids, EQUIPMENT.portIn, { productCharacteristic: [...ctx.portChars] }, idOf(main)));
  return { items, ...(broken === undefined ? {} : { broken }) };
}

/** A bundle item with its components nested (Home Trio or Mobile Starter). */
export function bundle(ctx: NewServiceContext, which: 'homeTrio' | 'mobileStarter'): { items: ItemJson[] } {
  const { r, ids } = ctx;
  const top = addItem(ids, BUNDLES[which]);
  const noRule = { ...ctx, breakHiddenRule: false, addOns: 0 };
  const children = which === 'mobileStarter'
    ? [...mobileLine(noRule, 'po-mobile-plan-20gb').items, ...(r.bernoulli(0.5) ? [addItem(ids, 'po-addon-voicemail')] : [])]
    : [
        addItem(ids, 'po-fiber-1g', { productCharacteristic: [{ name: 'installationType', value: 'technician' }], place: [ctx.install] }),
        addItem(ids, 'po-iptv-basic', { productCharacteristic: [{ name: 'setTopBoxCount', value: r.int(1, 3) }] }),
        addItem(ids, 'po-voip-line', { productCharacteristic: [{ name: 'callerIdName', value: ctx.callerIdName }], place: [{ ...ctx.install, role: 'serviceAddress' }] }),
        ...(r.bernoulli(0.7) ? [addItem(ids, EQUIPMENT.router)] : []),
        ...(ctx.portChars !== undefined ? [addItem(ids, EQUIPMENT.portIn, { productCharacteristic: [...ctx.portChars] })] : []),
      ];
  top['productOrderItem'] = children.map((c) => JSON.parse(JSON.stringify(c)) as ItemJson);
  return { items: [top] };
}
