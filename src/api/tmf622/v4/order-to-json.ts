import type { CancelRequest } from '../../../domain/order/cancel-request.js';
import type { OrderItem, ProductOrder } from '../../../domain/order/product-order.js';

/** Where v4 resources live on this server, e.g. `http://127.0.0.1:8622/tmf-api/productOrderingManagement/v4`. */
export interface V4Urls {
  readonly base: string;
}

function itemToJson(item: OrderItem): Record<string, unknown> {
  return {
    id: item.id,
    action: item.action,
    state: item.state,
    ...(item.quantity !== undefined ? { quantity: item.quantity } : {}),
    ...(item.productOffering ? { productOffering: item.productOffering } : {}),
    ...(item.product ? { product: item.product } : {}),
    ...(item.relationships.length > 0 ? { productOrderItemRelationship: item.relationships } : {}),
    ...(item.children.length > 0 ? { productOrderItem: item.children.map(itemToJson) } : {}),
    ...item.extra,
    '@type': (item.extra['@type']) ?? 'ProductOrderItem',
  };
}

const OPTIONAL_SCALARS = [
  'completionDate',
  'expectedCompletionDate',
  'cancellationDate',
  'cancellationReason',
  'externalId',
  'category',
  'description',
  'priority',
  'notificationContact',
  'requestedStartDate',
  'requestedCompletionDate',
] as const;

/** The v4 href of an order. */
export function orderHref(urls: V4Urls, id: string): string {
  return `${urls.base}/productOrder/${id}`;
}

/** Renders an order as TMF622 v4 ProductOrder JSON; `relatedParty` and `productOrderItem` are always arrays. */
export function orderToJson(order: ProductOrder, urls: V4Urls): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: order.id,
    href: orderHref(urls, order.id),
    orderDate: order.createdAt,
    state: order.state,
  };
  for (const key of OPTIONAL_SCALARS) if (order[key] !== undefined) json[key] = order[key];
  Object.assign(json, order.extra);
  json.relatedParty = order.relatedParty;
  if (order.notes.length > 0) json.note = order.notes;
  json.productOrderItem = order.items.map(itemToJson);
  // Provisio extension: the fallout model's advisory risk, cause and reasons at entry.
  if (order.falloutPrediction) json.falloutPrediction = order.falloutPrediction;
  json['@type'] = (order.extra['@type']) ?? 'ProductOrder';
  return json;
}

/** Keeps only the requested first-level attributes (plus id and href). */
export function selectFields(json: Record<string, unknown>, fields: readonly string[] | undefined): Record<string, unknown> {
  if (!fields) return json;
  const out: Record<string, unknown> = { id: json.id, href: json.href };
  for (const f of fields) if (f in json) out[f] = json[f];
  return out;
}

/** Renders a cancel request as TMF622 v4 CancelProductOrder JSON. */
export function cancelToJson(request: CancelRequest, urls: V4Urls): Record<string, unknown> {
  return {
    id: request.id,
    href: `${urls.base}/cancelProductOrder/${request.id}`,
    state: request.state,
    productOrder: { id: request.orderId, href: orderHref(urls, request.orderId), '@referredType': 'ProductOrder' },
    ...(request.cancellationReason !== undefined ? { cancellationReason: request.cancellationReason } : {}),
    ...(request.requestedCancellationDate !== undefined ? { requestedCancellationDate: request.requestedCancellationDate } : {}),
    ...(request.effectiveCancellationDate !== undefined ? { effectiveCancellationDate: request.effectiveCancellationDate } : {}),
    ...(request.errorMessage !== undefined ? { errorMessage: request.errorMessage } : {}),
    ...request.extra,
    '@type': 'CancelProductOrder',
  };
}
