import type { OrderItem, ProductOrder, ProductPlace } from '../domain/order/product-order.js';

/** A characteristic value as read from an item, with its TMF622 JSON path. */
export interface CharacteristicValue {
  readonly value: string;
  readonly path: string;
}

/** A place on an item, with its TMF622 JSON path. */
export interface PlaceView {
  readonly place: ProductPlace;
  readonly path: string;
}

/** An order item seen by the validators: its TMF622 path, text characteristics and places. */
export interface ItemView {
  readonly item: OrderItem;
  /** e.g. `productOrderItem[1]` or `productOrderItem[0].productOrderItem[2]`. */
  readonly path: string;
  readonly characteristics: ReadonlyMap<string, CharacteristicValue>;
  readonly places: readonly PlaceView[];
  /** Product, specification and offering names joined, for cue matching. */
  readonly label: string;
}

/** All items of an order, nested ones included, each with its TMF622 JSON path. */
export function itemViews(order: Pick<ProductOrder, 'items'>): ItemView[] {
  const out: ItemView[] = [];
  const walk = (items: readonly OrderItem[], prefix: string): void => {
    items.forEach((item, i) => {
      const path = `${prefix}productOrderItem[${i}]`;
      out.push(viewOf(item, path));
      walk(item.children, `${path}.`);
    });
  };
  walk(order.items, '');
  return out;
}

function viewOf(item: OrderItem, path: string): ItemView {
  const characteristics = new Map<string, CharacteristicValue>();
  const product = item.product;
  (product?.productCharacteristic ?? []).forEach((c, i) => {
    const text = textOf(c.value);
    if (text !== undefined && !characteristics.has(c.name)) {
      characteristics.set(c.name, { value: text, path: `${path}.product.productCharacteristic[${i}].value` });
    }
  });
  const places = (product?.place ?? []).map((place, i) => ({ place, path: `${path}.product.place[${i}]` }));
  const label = [product?.name, product?.productSpecification?.name, item.productOffering?.name]
    .filter((s): s is string => typeof s === 'string')
    .join(' ');
  return { item, path, characteristics, places, label };
}

// Characteristic values arrive as strings, numbers or TMF `{ value }` wrappers.
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value !== null && typeof value === 'object' && 'value' in value) {
    return textOf((value).value);
  }
  return undefined;
}
