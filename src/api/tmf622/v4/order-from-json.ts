import { fieldError } from '../../../domain/errors/error-catalogue.js';
import type { OrderDraft, OrderItemDraft } from '../../../domain/order/order-draft.js';
import { PATCHABLE_SCALARS, type OrderPatch } from '../../../domain/order/order-patch.js';
import { ORDER_STATES, type OrderState } from '../../../domain/order/order-state.js';
import type { ItemAction, ItemRelationship, OrderNote, PartyRef } from '../../../domain/order/product-order.js';

type Json = Record<string, unknown>;

const ITEM_MEMBERS = new Set(['id', 'action', 'quantity', 'productOffering', 'product', 'productOrderItem', 'productOrderItemRelationship', 'state']);
/** First-level members that Provisio owns: ignored on creation, refused in a patch. */
export const SERVER_OWNED = ['id', 'href', 'orderDate', 'completionDate', 'expectedCompletionDate', 'cancellationDate', 'cancellationReason'] as const;
const MAPPED = new Set<string>([...PATCHABLE_SCALARS, 'relatedParty', 'note', 'productOrderItem', 'state', ...SERVER_OWNED]);

function itemFromJson(json: Json, path: string): OrderItemDraft {
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) if (!ITEM_MEMBERS.has(k)) extra[k] = v;
  const children = ((json.productOrderItem as Json[] | undefined) ?? []).map((c, i) => itemFromJson(c, `${path}.productOrderItem[${i}]`));
  return {
    id: json.id as string,
    action: json.action as ItemAction,
    relationships: (json.productOrderItemRelationship as ItemRelationship[] | undefined) ?? [],
    children,
    extra,
    ...(json.quantity !== undefined ? { quantity: json.quantity as number } : {}),
    ...(json.productOffering !== undefined ? { productOffering: json.productOffering as OrderItemDraft['productOffering'] } : {}),
    ...(json.product !== undefined ? { product: json.product as OrderItemDraft['product'] } : {}),
  };
}

/** Rejects duplicate item ids and relationships to items that are not in the order. */
function checkItemGraph(items: readonly OrderItemDraft[]): void {
  const ids = new Set<string>();
  const all: { item: OrderItemDraft; path: string }[] = [];
  const walk = (list: readonly OrderItemDraft[], base: string): void =>
    list.forEach((item, i) => {
      const path = `${base}[${i}]`;
      if (ids.has(item.id)) throw fieldError('DUPLICATE_ITEM_ID', `${path}.id`, `item id ${item.id} is used twice`);
      ids.add(item.id);
      all.push({ item, path });
      walk(item.children, `${path}.productOrderItem`);
    });
  walk(items, 'productOrderItem');
  for (const { item, path } of all) {
    item.relationships.forEach((rel, j) => {
      if (!ids.has(rel.id)) {
        throw fieldError('UNKNOWN_ITEM_REFERENCE', `${path}.productOrderItemRelationship[${j}].id`, `no item ${rel.id} in this order`);
      }
    });
  }
}

function extraMembers(json: Json): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) if (!MAPPED.has(k)) extra[k] = v;
  return extra;
}

/** Turns a schema-valid ProductOrder_Create body into a draft; structural errors become 400s. */
export function draftFromCreateJson(json: Json): OrderDraft {
  const items = (json.productOrderItem as Json[]).map((it, i) => itemFromJson(it, `productOrderItem[${i}]`));
  checkItemGraph(items);
  const scalars: Record<string, string> = {};
  for (const key of PATCHABLE_SCALARS) if (typeof json[key] === 'string') scalars[key] = json[key];
  return {
    ...scalars,
    relatedParty: (json.relatedParty as PartyRef[] | undefined) ?? [],
    notes: (json.note as OrderNote[] | undefined) ?? [],
    items,
    extra: extraMembers(json),
  };
}

/** Turns a schema-valid ProductOrder_Update merge-patch into an internal patch. */
export function patchFromJson(json: Json): OrderPatch {
  for (const key of SERVER_OWNED) {
    if (key in json) throw fieldError('UNKNOWN_FIELD', key, 'is set by Provisio and cannot be patched');
  }
  const scalars: Partial<Record<(typeof PATCHABLE_SCALARS)[number], string | null>> = {};
  for (const key of PATCHABLE_SCALARS) if (key in json) scalars[key] = json[key] as string | null;
  let state: OrderState | undefined;
  if (json.state !== undefined) {
    if (!(ORDER_STATES as readonly unknown[]).includes(json.state)) {
      throw fieldError('INVALID_BODY', 'state', `must be one of ${ORDER_STATES.join(', ')}`);
    }
    state = json.state as OrderState;
  }
  let items: OrderItemDraft[] | undefined;
  if (Array.isArray(json.productOrderItem)) {
    items = (json.productOrderItem as Json[]).map((it, i) => itemFromJson(it, `productOrderItem[${i}]`));
    checkItemGraph(items);
  }
  return {
    scalars,
    extra: extraMembers(json),
    ...(state !== undefined ? { state } : {}),
    ...(json.relatedParty !== undefined ? { relatedParty: (json.relatedParty as PartyRef[] | null) ?? [] } : {}),
    ...(json.note !== undefined ? { notes: (json.note as OrderNote[] | null) ?? [] } : {}),
    ...(items !== undefined ? { items } : {}),
  };
}
