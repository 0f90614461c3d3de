import type { EntryFinding, OrderItemDraft } from './order-draft.js';
import type { ItemState, OrderState } from './order-state.js';

/** TMF622 OrderItemActionType. */
export const ITEM_ACTIONS = ['add', 'modify', 'delete', 'noChange'] as const;
/** What an order item asks to do with its product. */
export type ItemAction = (typeof ITEM_ACTIONS)[number];

/** A reference to another entity by id (AgreementRef, BillingAccountRef, PaymentRef, ...). */
export interface EntityRef {
  readonly id: string;
  readonly href?: string;
  readonly name?: string;
  readonly '@referredType'?: string;
  readonly [extra: string]: unknown;
}

/** A party playing a role on the order or product (customer, seller, authorising person). */
export interface PartyRef extends EntityRef {
  readonly '@referredType': string;
  readonly role?: string;
}

/** A free-text note on the order. */
export interface OrderNote {
  readonly id?: string;
  readonly author?: string;
  readonly date?: string;
  readonly text: string;
}

/** A product characteristic: name/value pair. */
export interface Characteristic {
  readonly name: string;
  readonly value: unknown;
  readonly valueType?: string;
}

/** A place (address) attached to a product with a role such as `installationAddress`. */
export interface ProductPlace {
  readonly role: string;
  readonly id?: string;
  readonly href?: string;
  readonly name?: string;
  readonly [extra: string]: unknown;
}

/** The product an item adds, modifies or deletes (TMF ProductRefOrValue). */
export interface ProductValue {
  readonly id?: string;
  readonly name?: string;
  readonly productSpecification?: EntityRef;
  readonly productCharacteristic?: readonly Characteristic[];
  readonly place?: readonly ProductPlace[];
  readonly relatedParty?: readonly PartyRef[];
  readonly productRelationship?: readonly { readonly relationshipType: string; readonly product: EntityRef }[];
  readonly [extra: string]: unknown;
}

/** A link from one item to another item of the same order. */
export interface ItemRelationship {
  readonly id: string;
  readonly relationshipType: string;
}

/** One line of a product order: the item as submitted, plus the state Provisio keeps for it. */
export interface OrderItem extends Omit<OrderItemDraft, 'children'> {
  readonly state: ItemState;
  /** The state the item returns to when a cancellation is denied. */
  readonly stateBeforeCancellation?: ItemState;
  readonly children: readonly OrderItem[];
}

/** Why an order or item was refused or stopped; rendered as a note in v4, productOrderErrorMessage in v5. */
export interface OrderErrorMessage {
  readonly code: string;
  readonly reason: string;
  readonly message: string;
  readonly itemIds: readonly string[];
  readonly timestamp: string;
}

/**
 * A product order as Provisio keeps it, independent of any TMF API version. Serialisers turn it
 * into v4 (or v5) JSON; the domain never sees wire shapes.
 */
export interface ProductOrder {
  readonly id: string;
  /** Increases on every stored change; used for optimistic concurrency. */
  readonly version: number;
  /** When the order was accepted (v4 orderDate, v5 creationDate), UTC ISO with Z, never re-formatted. */
  readonly createdAt: string;
  readonly state: OrderState;
  /** The state the order returns to when a cancellation is denied. */
  readonly stateBeforeCancellation?: OrderState;
  readonly completionDate?: string;
  readonly expectedCompletionDate?: string;
  readonly cancellationDate?: string;
  readonly cancellationReason?: string;
  readonly externalId?: string;
  readonly category?: string;
  readonly description?: string;
  readonly priority?: string;
  readonly notificationContact?: string;
  readonly requestedStartDate?: string;
  readonly requestedCompletionDate?: string;
  readonly relatedParty: readonly PartyRef[];
  readonly items: readonly OrderItem[];
  readonly notes: readonly OrderNote[];
  readonly errors: readonly OrderErrorMessage[];
  /** What the entry checks found (blocking ones made the order rejected). */
  readonly entryFindings?: readonly EntryFinding[];
  /** Numeric features observed at entry, for the fallout model. */
  readonly entryFeatures?: Readonly<Record<string, number>>;
  /** The fallout model's prediction at entry (advisory), with the model version that made it. */
  readonly falloutPrediction?: {
    readonly modelVersion: string;
    readonly risk: number;
    readonly riskByCause: Readonly<Record<string, number>>;
    readonly topCause: string;
    readonly topFactors: readonly { readonly feature: string; readonly value: number | null; readonly contribution: number; readonly text: string }[];
  };
  /** Other first-level TMF members (agreement, billingAccount, channel, payment, quote, prices, @type ...). */
  readonly extra: Readonly<Record<string, unknown>>;
  /** Last time anything on the order changed. */
  readonly updatedAt: string;
}

/** All items of an order, nested ones included, depth first. */
export function flattenItems(items: readonly OrderItem[]): OrderItem[] {
  const out: OrderItem[] = [];
  const walk = (list: readonly OrderItem[]): void => {
    for (const item of list) {
      out.push(item);
      walk(item.children);
    }
  };
  walk(items);
  return out;
}

/** The customer party of an order, if any. */
export function customerOf(order: Pick<ProductOrder, 'relatedParty'>): PartyRef | undefined {
  return order.relatedParty.find((p) => p.role === undefined || p.role.toLowerCase() === 'customer');
}
