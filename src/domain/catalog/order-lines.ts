import type { Catalog } from './catalog.js';
import type { CompatibilityRule } from './compatibility-rule.js';
import type { LocatedItem } from './located-item.js';
import type { ProductOffering } from './product-offering.js';

/** An order item whose offering was found in the catalog. */
export interface ResolvedItem {
  readonly li: LocatedItem;
  readonly offering: ProductOffering;
}

/** Item relationship types that say "this item is added onto that one". */
const BASE_RELATIONSHIP_TYPES = new Set(['relieson', 'requires', 'dependson']);

/** What an item is added onto, and how it was found: `order` means "guessed from the rest of the order". */
export type Base =
  | { readonly kind: 'item'; readonly item: ResolvedItem; readonly found: 'explicit' | 'sibling' | 'order' }
  | { readonly kind: 'existing'; readonly productId: string };

/** The lines of an order: which product each item is added onto, and which line (base product) it belongs to. */
export interface OrderLines {
  /** Items not being deleted. */
  readonly active: readonly ResolvedItem[];
  readonly baseOf: (x: ResolvedItem) => Base | undefined;
  /** A key equal for items on the same line (same base product, same bundle). */
  readonly lineOf: (x: ResolvedItem) => string;
}

/** The compatibility rule that forbids two offerings together, if any. */
export function ruleBetween(catalog: Catalog, a: string, b: string): CompatibilityRule | undefined {
  return catalog.rulesByOffering
    .get(a)
    ?.find((r) => (r.productOfferingId === a && r.excludes.includes(b)) || (r.productOfferingId === b && r.excludes.includes(a)));
}

interface Lookups {
  readonly active: readonly ResolvedItem[];
  readonly byItemId: ReadonlyMap<string, ResolvedItem>;
  readonly byProductId: ReadonlyMap<string, ResolvedItem>;
}

function explicitBases(x: ResolvedItem, fits: (y: ResolvedItem) => boolean, at: Lookups): ResolvedItem[] {
  const viaItems = x.li.item.relationships
    .filter((r) => BASE_RELATIONSHIP_TYPES.has(r.relationshipType.toLowerCase()))
    .map((r) => at.byItemId.get(r.id));
  const viaProducts = (x.li.item.product?.productRelationship ?? []).map((r) => at.byProductId.get(r.product.id));
  return [...viaItems, ...viaProducts].filter((y): y is ResolvedItem => y !== undefined && fits(y));
}

/** Picks the product an item is added onto: explicit links first, then an existing product, then its bundle siblings, then the order. */
function findBase(x: ResolvedItem, catalog: Catalog, at: Lookups): Base | undefined {
  const needs = x.offering.requiresBase ?? [];
  const fits = (y: ResolvedItem): boolean => y !== x && needs.includes(y.offering.productSpecification.id);
  const pick = (list: readonly ResolvedItem[], found: 'explicit' | 'sibling' | 'order'): Base | undefined => {
    // Prefer a compatible candidate, so that only a combination with no way out is reported.
    const chosen = list.find((y) => ruleBetween(catalog, x.offering.id, y.offering.id) === undefined) ?? list[0];
    return chosen === undefined ? undefined : { kind: 'item', item: chosen, found };
  };
  const explicit = pick(explicitBases(x, fits, at), 'explicit');
  if (explicit !== undefined) return explicit;
  const existing = x.li.item.product?.productRelationship?.find((r) => typeof r.product.id === 'string' && r.product.id !== '');
  if (existing !== undefined) return { kind: 'existing', productId: existing.product.id };
  const siblings = at.active.filter((y) => fits(y) && y.li.parent !== undefined && y.li.parent === x.li.parent);
  return pick(siblings, 'sibling') ?? pick(at.active.filter(fits), 'order');
}

/** Works out the base product and line of every item of an order that is not being deleted. */
export function resolveOrderLines(resolved: readonly ResolvedItem[], catalog: Catalog): OrderLines {
  const active = resolved.filter((x) => x.li.item.action !== 'delete');
  const at: Lookups = {
    active,
    byItemId: new Map(active.map((x) => [x.li.item.id, x])),
    byProductId: new Map(active.flatMap((x) => (x.li.item.product?.id === undefined ? [] : [[x.li.item.product.id, x] as const]))),
  };
  const bases = new Map<ResolvedItem, Base>();
  for (const x of active) {
    if ((x.offering.requiresBase ?? []).length === 0) continue;
    const base = findBase(x, catalog, at);
    if (base !== undefined) bases.set(x, base);
  }
  const lineOf = (x: ResolvedItem, depth = 0): string => {
    const base = bases.get(x);
    if (depth > 20) return x.li.path;
    if (base?.kind === 'item') return lineOf(base.item, depth + 1);
    if (base?.kind === 'existing') return `existing:${base.productId}`;
    const parent = x.li.parent === undefined ? undefined : at.byItemId.get(x.li.parent.item.id);
    return parent !== undefined ? lineOf(parent, depth + 1) : x.li.path;
  };
  return { active, baseOf: (x) => bases.get(x), lineOf };
}
