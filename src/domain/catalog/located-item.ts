import type { OrderItem } from '../order/product-order.js';

/** An order item with its JSON path in the TMF622 order and its parent item. */
export interface LocatedItem {
  readonly item: OrderItem;
  /** e.g. `productOrderItem[0].productOrderItem[1]`. */
  readonly path: string;
  readonly parent?: LocatedItem;
}

/** All items of an order, nested ones included, depth first, each with its JSON path. */
export function locateItems(items: readonly OrderItem[]): LocatedItem[] {
  const out: LocatedItem[] = [];
  const walk = (list: readonly OrderItem[], prefix: string, parent: LocatedItem | undefined): void => {
    list.forEach((item, i) => {
      const located: LocatedItem = { item, path: `${prefix}productOrderItem[${i}]`, ...(parent ? { parent } : {}) };
      out.push(located);
      walk(item.children, `${located.path}.`, located);
    });
  };
  walk(items, '', undefined);
  return out;
}
