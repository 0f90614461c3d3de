/** A TMF622 v4 ProductOrderItem as a client posts it (plain JSON). */
export type ItemJson = Record<string, unknown>;

/** A TMF characteristic name/value pair. */
export type CharJson = { name: string; value: unknown };

/** Hands out item ids unique within one order: "1", "2", ... */
export class ItemIds {
  private n = 0;
  /** The next id. */
  next(): string {
    this.n += 1;
    return String(this.n);
  }
}

/** An `add` item for an offering, optionally relying on another item of the same order. */
export function addItem(ids: ItemIds, offeringId: string, product: Record<string, unknown> = {}, reliesOn?: string): ItemJson {
  const item: ItemJson = { id: ids.next(), action: 'add', quantity: 1, productOffering: { id: offeringId }, product: { '@type': 'Product', ...product } };
  if (reliesOn !== undefined) item['productOrderItemRelationship'] = [{ id: reliesOn, relationshipType: 'reliesOn' }];
  return item;
}

/** An `add` item for an add-on onto a product the customer already has. */
export function addOntoExisting(ids: ItemIds, offeringId: string, existingProductId: string): ItemJson {
  return addItem(ids, offeringId, { productRelationship: [{ relationshipType: 'reliesOn', product: { id: existingProductId } }] });
}

/** A `modify` or `delete` item acting on an existing product. */
export function existingItem(ids: ItemIds, action: 'modify' | 'delete', offeringId: string, productId: string, product: Record<string, unknown> = {}): ItemJson {
  return { id: ids.next(), action, productOffering: { id: offeringId }, product: { '@type': 'Product', id: productId, ...product } };
}

/** The id of an item. */
export function idOf(item: ItemJson): string {
  return item['id'] as string;
}
