import type { CancelRequest } from '../domain/order/cancel-request.js';
import type { ProductOrder } from '../domain/order/product-order.js';
import type { ChangeSet } from './change-set.js';
import type { ListQuery, Page } from './order-query.js';

/** Durable store of product orders and cancel requests. */
export interface OrderStore {
  /** The order with this id, or undefined. */
  getOrder(id: string): Promise<ProductOrder | undefined>;
  /** A filtered page of orders, newest first. */
  listOrders(query: ListQuery): Promise<Page<ProductOrder>>;
  /** The cancel request with this id, or undefined. */
  getCancelRequest(id: string): Promise<CancelRequest | undefined>;
  /** A filtered page of cancel requests, newest first. */
  listCancelRequests(query: ListQuery): Promise<Page<CancelRequest>>;
  /** Commits the change set atomically and durably; resolves only once it is on disk. Throws ConcurrencyConflict. */
  commit(changes: ChangeSet): Promise<void>;
}
