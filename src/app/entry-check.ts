import type { EntryRejection } from '../domain/order/order-draft.js';
import type { ProductOrder } from '../domain/order/product-order.js';

/** A business check run on every submitted order before it is accepted (catalog, validation rules). */
export type EntryCheck = (candidate: ProductOrder) => readonly EntryRejection[];
