/** A TMF622 order item or product as plain JSON. */
export type Json = Record<string, unknown>;

/** An item of an order body with its TMF622 JSON path, e.g. `productOrderItem[0].productOrderItem[2]`. */
export interface BodyItem {
  readonly item: Json;
  readonly path: string;
}

/** Every item of an order body, nested ones included, depth first. */
export function bodyItems(body: Json): BodyItem[] {
  const out: BodyItem[] = [];
  const walk = (items: unknown, prefix: string): void => {
    if (!Array.isArray(items)) return;
    items.forEach((item: Json, i) => {
      const path = `${prefix}productOrderItem[${i}]`;
      out.push({ item, path });
      walk(item['productOrderItem'], `${path}.`);
    });
  };
  walk(body['productOrderItem'], '');
  return out;
}

/** The product of an item, created when missing. */
export function productOf(item: Json): Json {
  if (typeof item['product'] !== 'object' || item['product'] === null) item['product'] = { '@type': 'Product' };
  return item['product'] as Json;
}

/** The characteristics array of an item's product, created when missing. */
export function characteristicsOf(item: Json): { name: string; value: unknown }[] {
  const product = productOf(item);
  if (!Array.isArray(product['productCharacteristic'])) product['productCharacteristic'] = [];
  return product['productCharacteristic'] as { name: string; value: unknown }[];
}

/** The value of a characteristic on an item, as text. */
export function characteristic(item: Json, name: string): string | undefined {
  const c = characteristicsOf(item).find((x) => x.name === name);
  return c === undefined ? undefined : String(c.value);
}

/** Sets (or adds) a characteristic; returns the JSON path of its value. */
export function setCharacteristic(at: BodyItem, name: string, value: unknown): string {
  const list = characteristicsOf(at.item);
  let i = list.findIndex((x) => x.name === name);
  if (i < 0) i = list.push({ name, value }) - 1;
  else list[i] = { name, value };
  return `${at.path}.product.productCharacteristic[${i}].value`;
}

/** Removes a characteristic from an item. */
export function removeCharacteristic(item: Json, name: string): void {
  const list = characteristicsOf(item);
  const i = list.findIndex((x) => x.name === name);
  if (i >= 0) list.splice(i, 1);
}

/** A place on an item with its JSON path. */
export interface BodyPlace {
  readonly place: Json;
  readonly path: string;
}

const SERVICE_ROLES = new Set(['installationAddress', 'serviceAddress']);

/** The service and installation places of the order, in item order. */
export function servicePlaces(body: Json): BodyPlace[] {
  const out: BodyPlace[] = [];
  for (const { item, path } of bodyItems(body)) {
    const places = (item['product'] as Json | undefined)?.['place'];
    if (!Array.isArray(places)) continue;
    places.forEach((place: Json, i) => {
      if (SERVICE_ROLES.has(String(place['role']))) out.push({ place, path: `${path}.product.place[${i}]` });
    });
  }
  return out;
}

/** The port-in items of the order (those carrying porting characteristics). */
export function portItems(body: Json): BodyItem[] {
  return bodyItems(body).filter((b) => characteristic(b.item, 'portingAuthorisationName') !== undefined || characteristic(b.item, 'portingAccountNumber') !== undefined);
}
