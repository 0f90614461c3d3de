import { draftFromCreateJson } from '../../src/api/tmf622/v4/order-from-json.js';
import { createOrder } from '../../src/domain/order/order-draft.js';
import type { ProductOrder } from '../../src/domain/order/product-order.js';

/** The order Provisio would hold for a ProductOrder_Create body, parsed as the TMF622 route parses it. */
export function orderFromBody(body: Record<string, unknown>, id: string, createdAt: string): ProductOrder {
  return createOrder(draftFromCreateJson(body), id, createdAt, []);
}
