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
  /** Other TMF members the client sent (appointment, itemTerm, billingAccount, ...), kept verbatim. */
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

/** How strongly an entry finding stops an order: `blocking` rejects it, the others are kept on it. */
export const ENTRY_SEVERITIES = ['blocking', 'warning', 'info'] as const;
/** Severity of an entry finding. */
export type EntrySeverity = (typeof ENTRY_SEVERITIES)[number];

/** Something an entry check found on a submitted order (catalog rules, validation). */
export interface EntryFinding {
  readonly code: string;
  readonly severity: EntrySeverity;
  readonly message: string;
  /** JSON path in TMF622 terms, e.g. `productOrderItem[0].product.place[0].postcode`. */
  readonly field?: string;
  readonly itemId?: string;
  /** A proposed value, never applied silently. */
  readonly suggestion?: string;
  /** 0..1: how sure the check is. */
  readonly confidence?: number;
}

function describe(f: EntryFinding): string {
  const where = f.field ? `${f.field}: ` : '';
  const hint = f.suggestion ? ` (suggestion: ${f.suggestion})` : '';
  return `[${f.code}] ${where}${f.message}${hint}`;
}

function entryNotes(findings: readonly EntryFinding[], nowIso: string): OrderNote[] {
  const blocking = findings.filter((f) => f.severity === 'blocking');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const notes: OrderNote[] = [];
  if (blocking.length > 0) {
    notes.push({ id: 'provisio-rejection', author: 'Provisio', date: nowIso, text: `Order rejected: ${blocking.map(describe).join('; ')}` });
  }
  if (warnings.length > 0) {
    notes.push({ id: 'provisio-entry-warnings', author: 'Provisio', date: nowIso, text: `Please check: ${warnings.map(describe).join('; ')}` });
  }
  return notes;
}

function itemFromDraft(draft: OrderItemDraft, state: ItemState): OrderItem {
  return { ...draft, state, children: draft.children.map((c) => itemFromDraft(c, state)) };
}

/**
 * Turns a draft into a new order owned by Provisio: `acknowledged`, or `rejected` when an entry
 * check found something blocking. Every finding is kept on the order; blocking ones also become
 * error messages, and blocking and warning findings are summarised in notes the client can read.
 */
export function createOrder(
  draft: OrderDraft,
  id: string,
  nowIso: string,
  findings: readonly EntryFinding[],
  features?: Readonly<Record<string, number>>,
): ProductOrder {
  const blocking = findings.filter((f) => f.severity === 'blocking');
  const rejected = blocking.length > 0;
  const state = rejected ? 'rejected' : 'acknowledged';
  const errors: OrderErrorMessage[] = blocking.map((r) => ({
    code: r.code,
    reason: 'Order rejected at entry',
    message: r.field ? `${r.field}: ${r.message}` : r.message,
    itemIds: r.itemId ? [r.itemId] : [],
    timestamp: nowIso,
  }));
  return {
    ...draft,
    id,
    version: 1,
    createdAt: nowIso,
    updatedAt: nowIso,
    state,
    items: draft.items.map((d) => itemFromDraft(d, state)),
    notes: [...draft.notes, ...entryNotes(findings, nowIso)],
    errors,
    ...(findings.length > 0 ? { entryFindings: findings } : {}),
    ...(features !== undefined ? { entryFeatures: features } : {}),
    ...(rejected ? { completionDate: nowIso } : {}),
  };
}
