import type { EntryRejection, OrderDraft } from '../domain/order/order-draft.js';

/** A business check run on every submitted order before it is accepted (catalog, validation rules). */
export type EntryCheck = (draft: OrderDraft, nowIso: string) => readonly EntryRejection[];
