import { customerOf, type ProductOrder, type ProductPlace } from '../../domain/order/product-order.js';

/** What a southbound system knows about one item of an order it works on. */
export interface ItemFacts {
  readonly itemId: string;
  readonly action: string;
  readonly offeringId?: string;
  readonly characteristics: Readonly<Record<string, unknown>>;
  readonly places: readonly ProductPlace[];
  /** Items this one relies on or is nested under (e.g. a router's broadband line). */
  readonly related: readonly string[];
  /** Live products this item changes or attaches to (its product id, products it relies on). */
  readonly liveProducts: readonly string[];
}

/**
 * The order as the operator's OSS/BSS see it: the customer, whether they already hold a billing
 * account, and every item. Systems decide from this and from the world, never from hidden truth.
 */
export interface OrderFacts {
  readonly orderId: string;
  readonly customerId?: string;
  readonly hasBillingAccount: boolean;
  readonly items: ReadonlyMap<string, ItemFacts>;
}

/** Finds the facts of an order by id (undefined when the order is unknown). */
export type OrderFactsLookup = (orderId: string) => Promise<OrderFacts | undefined>;

/** The facts of a stored order. */
export function orderFactsOf(order: ProductOrder): OrderFacts {
  const items = new Map<string, ItemFacts>();
  const walk = (list: ProductOrder['items'], parent?: string): void => {
    for (const item of list) {
      const related = [...item.relationships.map((r) => r.id), ...(parent === undefined ? [] : [parent])];
      items.set(item.id, {
        itemId: item.id,
        action: item.action,
        ...(item.productOffering === undefined ? {} : { offeringId: item.productOffering.id }),
        characteristics: Object.fromEntries((item.product?.productCharacteristic ?? []).map((c) => [c.name, c.value])),
        places: item.product?.place ?? [],
        related,
        liveProducts: [
          ...(item.product?.id === undefined ? [] : [item.product.id]),
          ...(item.product?.productRelationship ?? []).map((r) => r.product.id),
        ],
      });
      walk(item.children, item.id);
    }
  };
  walk(order.items);
  const customer = customerOf(order);
  return {
    orderId: order.id,
    ...(customer === undefined ? {} : { customerId: customer.id }),
    hasBillingAccount: order.extra.billingAccount !== undefined,
    items,
  };
}

/** A lookup over an order store, remembering the facts of recent orders (orders do not change under a running plan). */
export function orderFactsFromStore(getOrder: (id: string) => Promise<ProductOrder | undefined>, capacity = 10_000): OrderFactsLookup {
  const cache = new Map<string, OrderFacts>();
  return async (orderId) => {
    const hit = cache.get(orderId);
    if (hit !== undefined) return hit;
    const order = await getOrder(orderId);
    if (order === undefined) return undefined;
    const facts = orderFactsOf(order);
    if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
    cache.set(orderId, facts);
    return facts;
  };
}

/** Order, task and item ids in an idempotency key `<orderId>:<itemId>.<taskKey>[~undo]`. */
export interface KeyParts {
  readonly orderId: string;
  readonly taskId: string;
  readonly itemId: string;
}

/** Splits an idempotency key into order, task and item ids (order ids never contain `:`). */
export function keyParts(key: string): KeyParts {
  const colon = key.indexOf(':');
  const orderId = colon < 0 ? key : key.slice(0, colon);
  const taskId = colon < 0 ? '' : key.slice(colon + 1);
  const dot = taskId.lastIndexOf('.');
  return { orderId, taskId, itemId: dot < 0 ? taskId : taskId.slice(0, dot) };
}
