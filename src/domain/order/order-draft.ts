import type { ItemState } from './order-state.js';
import type {
  EntityRef,
  ItemAction,
  ItemRelationship,
  OrderErrorMessage,
  OrderItem,
  OrderNote,
  PartyRef,
  ProductOrder,
  ProductValue,
} from './product-order.js';

/** An order item as a client submits it: no state yet. */
export interface OrderItemDraft {
  readonly id: string;
  readonly action: ItemAction;
  readonly quantity?: number;
  readonly productOffering?: EntityRef;
  readonly product?: ProductValue;
  readonly relationships: readonly ItemRelationship[];
  readonly children: readonly OrderItemDraft[];
  readonly extra: Readonly<Record<string, unknown>>;
}

/** A product order as a client submits it, before Provisio owns it. */
export interface OrderDraft {
  readonly externalId?: string;
  readonly category?: string;
  readonly description?: string;
  readonly priority?: string;
  readonly notificationContact?: string;
  readonly requestedStartDate?: string;
  readonly requestedCompletionDate?: string;
  readonly relatedParty: readonly PartyRef[];
  readonly items: readonly OrderItemDraft[];
  readonly notes: readonly OrderNote[];
  readonly extra: Readonly<Record<string, unknown>>;
}

/** A business reason an order cannot be accepted, found at entry. */
export interface EntryRejection {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly itemId?: string;
}

function itemFromDraft(draft: OrderItemDraft, state: ItemState): OrderItem {
  return { ...draft, state, children: draft.children.map((c) => itemFromDraft(c, state)) };
}

/**
 * Turns a draft into a new order owned by Provisio: `acknowledged`, or `rejected` with the reasons
 * recorded as error messages and a note when the entry checks refused it.
 */
export function createOrder(
  draft: OrderDraft,
  id: string,
  nowIso: string,
  rejections: readonly EntryRejection[],
): ProductOrder {
  const rejected = rejections.length > 0;
  const state = rejected ? 'rejected' : 'acknowledged';
  const errors: OrderErrorMessage[] = rejections.map((r) => ({
    code: r.code,
    reason: 'Order rejected at entry',
    message: r.field ? `${r.field}: ${r.message}` : r.message,
    itemIds: r.itemId ? [r.itemId] : [],
    timestamp: nowIso,
  }));
  const notes: OrderNote[] = rejected
    ? [
        ...draft.notes,
        {
          id: 'provisio-rejection',
          author: 'Provisio',
          date: nowIso,
          text: `Order rejected: ${errors.map((e) => `[${e.code}] ${e.message}`).join('; ')}`,
        },
      ]
    : [...draft.notes];
  return {
    ...draft,
    id,
    version: 1,
    createdAt: nowIso,
    updatedAt: nowIso,
    state,
    items: draft.items.map((d) => itemFromDraft(d, state)),
    notes,
    errors,
    ...(rejected ? { completionDate: nowIso } : {}),
  };
}
