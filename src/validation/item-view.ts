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
  walk(order.items, '', out);
  return out;
}

function walk(items: readonly OrderItem[], prefix: string, out: ItemView[]): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as OrderItem;
    const path = `${prefix}productOrderItem[${i}]`;
    out.push(viewOf(item, path));
    if (item.children.length > 0) walk(item.children, `${path}.`, out);
  }
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
  const label = joinNames(product?.name, product?.productSpecification?.name, item.productOffering?.name);
  return { item, path, characteristics, places, label };
}

function joinNames(...names: readonly unknown[]): string {
  let label = '';
  for (const n of names) if (typeof n === 'string') label = label === '' ? n : `${label} ${n}`;
  return label;
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
