import { flattenItems, type OrderItem, type ProductOrder } from '../../domain/order/product-order.js';
import { FEATURE_NAMES } from '../../validation/feature-names.js';
import {
  FALLOUT_FEATURES, FINDING_FAMILIES, ORDER_CATEGORIES, ORDER_FEATURES, ORDER_KINDS, PRODUCT_FAMILIES, SALES_CHANNELS, US_STATES,
} from './fallout-features.js';

const DAY_MS = 86_400_000;

/** Code of value in an `as const` vocabulary whose last entry is `other`. */
function codeOf(list: readonly string[], value: string | undefined): number {
  const i = value === undefined ? -1 : list.indexOf(value);
  return i >= 0 ? i : list.length - 1;
}

// Order kind from the client's description, then from the item actions.
function orderKind(order: ProductOrder, items: readonly OrderItem[]): string {
  const d = (order.description ?? '').toLowerCase();
  if (/port[- ]?in/.test(d)) return 'port-in';
  if (/\bmove\b|moving|relocat/.test(d)) return 'move';
  if (/disconnect|terminat/.test(d) || (items.length > 0 && items.every((i) => i.action === 'delete'))) return 'disconnect';
  if (/plan change|upgrade|downgrade/.test(d)) return 'plan-change';
  if (/feature/.test(d)) return 'feature-change';
  if (/\bnew\b/.test(d) || items.some((i) => i.action === 'add')) return 'new-activation';
  return 'other';
}

function familyOf(items: readonly OrderItem[]): string | undefined {
  for (const item of items) {
    const id = `${item.productOffering?.id ?? ''} ${item.product?.productSpecification?.id ?? ''}`.toLowerCase();
    const hit = PRODUCT_FAMILIES.find((f) => f !== 'other' && new RegExp(`\\b${f}\\b`).test(id.replace(/[-_]/g, ' ')));
    if (hit) return hit;
  }
  return undefined;
}

function channelOf(order: ProductOrder): string | undefined {
  const channels = order.extra.channel;
  const first = Array.isArray(channels) ? (channels[0] as { id?: unknown } | undefined) : undefined;
  const id = typeof first?.id === 'string' ? first.id.toLowerCase().replace(/^ch-/, '') : undefined;
  return id;
}

function stateOf(items: readonly OrderItem[]): string | undefined {
  for (const item of items) {
    for (const place of item.product?.place ?? []) {
      const s = place.stateOrProvince;
      if (typeof s === 'string') return s.toUpperCase();
    }
  }
  return undefined;
}

function calendar(order: ProductOrder): { hour: number; weekday: number; dayOfMonth: number; monthEnd: number; leadDays: number } {
  const at = new Date(order.createdAt);
  const start = order.requestedStartDate === undefined ? NaN : Date.parse(order.requestedStartDate);
  const dayOfMonth = at.getUTCDate();
  return {
    hour: at.getUTCHours() + at.getUTCMinutes() / 60,
    weekday: at.getUTCDay(),
    dayOfMonth,
    monthEnd: dayOfMonth >= 25 ? 1 : 0,
    leadDays: Number.isNaN(start) ? NaN : (start - at.getTime()) / DAY_MS,
  };
}

function orderValues(order: ProductOrder): Record<string, number> {
  const items = flattenItems(order.items);
  const findings = order.entryFindings ?? [];
  const seen = order.entryFindings !== undefined;
  const values: Record<string, number> = {
    orderKind: codeOf(ORDER_KINDS, orderKind(order, items)),
    family: codeOf(PRODUCT_FAMILIES, familyOf(items)),
    channel: codeOf(SALES_CHANNELS, channelOf(order)),
    category: codeOf(ORDER_CATEGORIES, order.category),
    state: codeOf(US_STATES, stateOf(items)),
    ...calendar(order),
    itemCount: items.length,
    addItems: items.filter((i) => i.action === 'add').length,
    modifyItems: items.filter((i) => i.action === 'modify').length,
    deleteItems: items.filter((i) => i.action === 'delete').length,
    equipmentItems: items.filter((i) => /cpe|router|modem|device|sim|handset/i.test(i.productOffering?.id ?? '')).length,
    characteristicCount: items.reduce((n, i) => n + (i.product?.productCharacteristic?.length ?? 0), 0),
    noteCount: order.notes.length,
    hasSeller: order.relatedParty.some((p) => p.role?.toLowerCase() === 'seller') ? 1 : 0,
    hasBillingAccount: order.extra.billingAccount === undefined ? 0 : 1,
    findingCount: seen ? findings.length : NaN,
  };
  for (const f of FINDING_FAMILIES) values[`findings${f}`] = seen ? findings.filter((x) => x.code.startsWith(f)).length : NaN;
  return values;
}

/**
 * The fallout model's feature vector for an order, from what is observable at entry: the order's
 * own attributes, its createdAt calendar, and the entry validators' findings and features stored
 * on it. Values follow FALLOUT_FEATURES order; not-applicable or unknown values are NaN.
 */
export function extractFalloutFeatures(order: ProductOrder, out: Float64Array = new Float64Array(FALLOUT_FEATURES.length)): Float64Array {
  const own = orderValues(order);
  ORDER_FEATURES.forEach((f, i) => {
    out[i] = own[f.name] ?? NaN;
  });
  const entry = order.entryFeatures ?? {};
  const base = ORDER_FEATURES.length;
  FEATURE_NAMES.forEach((name, k) => {
    const v = entry[name];
    out[base + k] = typeof v === 'number' ? v : NaN;
  });
  return out;
}
