import type { OrderItemDraft } from './order-draft.js';
import { isFinalOrderState, canMoveOrder, type OrderState } from './order-state.js';
import type { OrderItem, OrderNote, PartyRef, ProductOrder } from './product-order.js';

/** Client-editable scalar attributes of an order (`null` removes the value). */
export const PATCHABLE_SCALARS = [
  'externalId',
  'category',
  'description',
  'priority',
  'notificationContact',
  'requestedStartDate',
  'requestedCompletionDate',
] as const;
/** One client-editable scalar attribute. */
export type PatchableScalar = (typeof PATCHABLE_SCALARS)[number];

/** A merge-patch of an order in internal terms; absent members are untouched. */
export interface OrderPatch {
  readonly scalars: Partial<Record<PatchableScalar, string | null>>;
  readonly state?: OrderState;
  readonly relatedParty?: readonly PartyRef[];
  readonly notes?: readonly OrderNote[];
  readonly items?: readonly OrderItemDraft[];
  /** Other first-level members, replaced whole (`null` removes). */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** Outcome of applying a patch: the new order and what changed, or a typed refusal. */
export type PatchOutcome =
  | { readonly kind: 'applied'; readonly order: ProductOrder; readonly changed: readonly string[] }
  | { readonly kind: 'refused'; readonly code: PatchRefusalCode; readonly message: string };

/** Why a patch is refused. */
export type PatchRefusalCode = 'ORDER_FINAL' | 'ILLEGAL_STATE_TRANSITION' | 'STATE_OWNED_BY_PROVISIO' | 'ITEMS_NOT_EDITABLE';

function withState(items: readonly OrderItemDraft[], state: OrderItem['state']): OrderItem[] {
  return items.map((d) => ({ ...d, state, children: withState(d.children, state) }));
}

function refuseState(order: ProductOrder, to: OrderState): PatchOutcome | undefined {
  if (to === order.state) return undefined;
  if (!canMoveOrder(order.state, to)) {
    return { kind: 'refused', code: 'ILLEGAL_STATE_TRANSITION', message: `state cannot move from ${order.state} to ${to}` };
  }
  return {
    kind: 'refused',
    code: 'STATE_OWNED_BY_PROVISIO',
    message: `state ${order.state} -> ${to} is decided by provisioning; cancel through cancelProductOrder`,
  };
}

/** Applies a client merge-patch to an order, honouring its lifecycle. */
export function applyOrderPatch(order: ProductOrder, patch: OrderPatch, nowIso: string): PatchOutcome {
  if (isFinalOrderState(order.state)) {
    return { kind: 'refused', code: 'ORDER_FINAL', message: `order ${order.id} is ${order.state} and cannot change` };
  }
  if (patch.state !== undefined) {
    const refusal = refuseState(order, patch.state);
    if (refusal) return refusal;
  }
  if (patch.items !== undefined && order.state !== 'acknowledged') {
    return {
      kind: 'refused',
      code: 'ITEMS_NOT_EDITABLE',
      message: `productOrderItem can be replaced only while the order is acknowledged (it is ${order.state})`,
    };
  }
  const changed: string[] = [];
  const next: Record<string, unknown> = { ...order };
  for (const key of PATCHABLE_SCALARS) {
    if (!(key in patch.scalars)) continue;
    const value = patch.scalars[key];
    if (value === null) delete next[key];
    else next[key] = value;
    if (value !== order[key]) changed.push(key);
  }
  if (patch.relatedParty) {
    next.relatedParty = patch.relatedParty;
    changed.push('relatedParty');
  }
  if (patch.notes) {
    next.notes = patch.notes;
    changed.push('notes');
  }
  if (patch.items) {
    next.items = withState(patch.items, 'acknowledged');
    changed.push('items');
  }
  const extra: Record<string, unknown> = { ...order.extra };
  for (const [key, value] of Object.entries(patch.extra)) {
    if (value === null) delete extra[key];
    else extra[key] = value;
    changed.push(key);
  }
  next.extra = extra;
  next.version = order.version + 1;
  next.updatedAt = nowIso;
  return { kind: 'applied', order: next as unknown as ProductOrder, changed };
}
