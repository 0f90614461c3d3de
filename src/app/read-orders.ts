import { ProvisioError } from '../domain/errors/error-catalogue.js';
import type { CancelRequest } from '../domain/order/cancel-request.js';
import type { ProductOrder } from '../domain/order/product-order.js';
import type { ListQuery, Page } from '../ports/order-query.js';
import type { OrderStore } from '../ports/order-store.js';

/** The order with this id; NOT_FOUND when there is none. */
export async function getOrder(store: OrderStore, id: string): Promise<ProductOrder> {
  const order = await store.getOrder(id);
  if (!order) throw new ProvisioError('NOT_FOUND', `productOrder ${id} not found. List /productOrder to find it.`);
  return order;
}

/** A filtered page of orders, newest first. */
export function listOrders(store: OrderStore, query: ListQuery): Promise<Page<ProductOrder>> {
  return store.listOrders(query);
}

/** The cancel request with this id; NOT_FOUND when there is none. */
export async function getCancelRequest(store: OrderStore, id: string): Promise<CancelRequest> {
  const request = await store.getCancelRequest(id);
  if (!request) {
    throw new ProvisioError('NOT_FOUND', `cancelProductOrder ${id} not found. List /cancelProductOrder to find it.`);
  }
  return request;
}

/** A filtered page of cancel requests, newest first. */
export function listCancelRequests(store: OrderStore, query: ListQuery): Promise<Page<CancelRequest>> {
  return store.listCancelRequests(query);
}
