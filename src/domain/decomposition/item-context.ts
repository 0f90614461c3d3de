import { productTypeOf, type Catalog } from '../catalog/catalog.js';
import type { OrderItem, ProductOrder } from '../order/product-order.js';

/** An order item with what decomposition needs to know about it. */
export interface ItemContext {
  readonly item: OrderItem;
  /** JSON path of the item in the order, e.g. `productOrderItem[1]`. */
  readonly path: string;
  readonly productType: string;
  readonly characteristics: Readonly<Record<string, unknown>>;
  /** Items this one is linked to: relationships both ways, parent, children and siblings in a bundle. */
  readonly related: readonly string[];
}

/** The catalog product type of an item: by offering, else by the product's specification; `none` if unknown. */
export function itemProductType(catalog: Catalog, item: OrderItem): string {
  const byOffering = item.productOffering === undefined ? undefined : productTypeOf(catalog, item.productOffering.id);
  if (byOffering !== undefined) return byOffering;
  const specId = item.product?.productSpecification?.id;
  return (specId === undefined ? undefined : catalog.specificationsById.get(specId)?.productType) ?? 'none';
}

/** Every item of the order (nested ones too) with its type, characteristics and related items. */
export function itemContexts(order: ProductOrder, catalog: Catalog): ItemContext[] {
  const parentOf = new Map<string, string>();
  const paths = new Map<string, string>();
  const all: OrderItem[] = [];
  const walk = (items: readonly OrderItem[], prefix: string, parent?: string): void => {
    items.forEach((item, i) => {
      const path = `${prefix}productOrderItem[${i}]`;
      all.push(item);
      paths.set(item.id, path);
      if (parent !== undefined) parentOf.set(item.id, parent);
      walk(item.children, `${path}.`, item.id);
    });
  };
  walk(order.items, '');
  const links = new Map<string, Set<string>>(all.map((i) => [i.id, new Set<string>()]));
  const link = (a: string, b: string): void => {
    if (a === b || !links.has(a) || !links.has(b)) return;
    links.get(a)?.add(b);
    links.get(b)?.add(a);
  };
  for (const item of all) {
    for (const r of item.relationships) link(item.id, r.id);
    const parent = parentOf.get(item.id);
    if (parent !== undefined) link(item.id, parent);
    for (const other of all) if (parent !== undefined && parentOf.get(other.id) === parent) link(item.id, other.id);
  }
  return all.map((item) => ({
    item,
    path: paths.get(item.id) ?? '',
    productType: itemProductType(catalog, item),
    characteristics: Object.fromEntries((item.product?.productCharacteristic ?? []).map((c) => [c.name, c.value])),
    related: [...(links.get(item.id) ?? [])],
  }));
}
