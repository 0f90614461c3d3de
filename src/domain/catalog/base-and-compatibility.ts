import type { Catalog } from './catalog.js';
import type { CatalogFinding } from './catalog-finding.js';
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

type Base = { readonly kind: 'item'; readonly item: ResolvedItem } | { readonly kind: 'existing'; readonly productId: string };

/** The compatibility rule that forbids two offerings together, if any. */
export function ruleBetween(catalog: Catalog, a: string, b: string): CompatibilityRule | undefined {
  return catalog.rulesByOffering
    .get(a)
    ?.find((r) => (r.productOfferingId === a && r.excludes.includes(b)) || (r.productOfferingId === b && r.excludes.includes(a)));
}

function explicitBases(x: ResolvedItem, fits: (y: ResolvedItem) => boolean, byItemId: Map<string, ResolvedItem>, byProductId: Map<string, ResolvedItem>): ResolvedItem[] {
  const viaItems = x.li.item.relationships
    .filter((r) => BASE_RELATIONSHIP_TYPES.has(r.relationshipType.toLowerCase()))
    .map((r) => byItemId.get(r.id));
  const viaProducts = (x.li.item.product?.productRelationship ?? []).map((r) => byProductId.get(r.product.id));
  return [...viaItems, ...viaProducts].filter((y): y is ResolvedItem => y !== undefined && fits(y));
}

/** Picks the product an item is added onto: explicit links first, then an existing product, then its bundle siblings, then the order. */
function findBase(x: ResolvedItem, active: readonly ResolvedItem[], catalog: Catalog, byItemId: Map<string, ResolvedItem>, byProductId: Map<string, ResolvedItem>): Base | undefined {
  const needs = x.offering.requiresBase ?? [];
  const fits = (y: ResolvedItem): boolean => y !== x && needs.includes(y.offering.productSpecification.id);
  const pick = (list: readonly ResolvedItem[]): Base | undefined => {
    const chosen = list.find((y) => ruleBetween(catalog, x.offering.id, y.offering.id) === undefined) ?? list[0];
    return chosen === undefined ? undefined : { kind: 'item', item: chosen };
  };
  const explicit = pick(explicitBases(x, fits, byItemId, byProductId));
  if (explicit !== undefined) return explicit;
  const existing = x.li.item.product?.productRelationship?.find((r) => typeof r.product.id === 'string' && r.product.id !== '');
  if (existing !== undefined) return { kind: 'existing', productId: existing.product.id };
  const siblings = active.filter((y) => fits(y) && y.li.parent !== undefined && y.li.parent === x.li.parent);
  return pick(siblings) ?? pick(active.filter(fits));
}

function missingBase(x: ResolvedItem, catalog: Catalog): CatalogFinding {
  const names = (x.offering.requiresBase ?? []).map((id) => catalog.specificationsById.get(id)?.name ?? id).join(' or ');
  return {
    code: 'MISSING_BASE_PRODUCT',
    itemId: x.li.item.id,
    field: `${x.li.path}.productOrderItemRelationship`,
    message: `${x.offering.id} is added onto a ${names}, and the order has none`,
    suggestion: 'Add the base product to the order and link it with a reliesOn productOrderItemRelationship, or name the existing product in product.productRelationship.',
  };
}

/**
 * Base products and compatibility: every added offering that needs a base (a feature needs a
 * mobile plan, IPTV needs broadband) has one, and no two offerings on the same line (same base,
 * same bundle) are excluded by a compatibility rule. Items being deleted are ignored.
 */
export function checkBasesAndCompatibility(
  resolved: readonly ResolvedItem[],
  catalog: Catalog,
  unresolvedItemIds: ReadonlySet<string> = new Set(),
): CatalogFinding[] {
  const active = resolved.filter((x) => x.li.item.action !== 'delete');
  const byItemId = new Map(active.map((x) => [x.li.item.id, x]));
  const byProductId = new Map(active.flatMap((x) => (x.li.item.product?.id === undefined ? [] : [[x.li.item.product.id, x] as const])));
  const bases = new Map<ResolvedItem, Base>();
  const findings: CatalogFinding[] = [];
  for (const x of active) {
    if ((x.offering.requiresBase ?? []).length === 0) continue;
    const base = findBase(x, active, catalog, byItemId, byProductId);
    if (base !== undefined) bases.set(x, base);
    // A link to an item whose offering is missing or unknown is already reported on that item.
    else if (x.li.item.action === 'add' && !x.li.item.relationships.some((r) => unresolvedItemIds.has(r.id))) {
      findings.push(missingBase(x, catalog));
    }
  }
  const lineOf = (x: ResolvedItem, depth = 0): string => {
    const base = bases.get(x);
    if (depth > 20) return x.li.item.id;
    if (base?.kind === 'item') return lineOf(base.item, depth + 1);
    if (base?.kind === 'existing') return `existing:${base.productId}`;
    const parent = x.li.parent === undefined ? undefined : byItemId.get(x.li.parent.item.id);
    return parent !== undefined ? lineOf(parent, depth + 1) : x.li.path;
  };
  return [...findings, ...incompatibilities(active, catalog, lineOf)];
}

function incompatibilities(active: readonly ResolvedItem[], catalog: Catalog, lineOf: (x: ResolvedItem) => string): CatalogFinding[] {
  const out: CatalogFinding[] = [];
  const selling = (x: ResolvedItem): boolean => x.li.item.action === 'add' || x.li.item.action === 'modify';
  active.forEach((a, i) => {
    for (const b of active.slice(i + 1)) {
      const rule = ruleBetween(catalog, a.offering.id, b.offering.id);
      if (rule === undefined || !(selling(a) || selling(b)) || lineOf(a) !== lineOf(b)) continue;
      // Report on the rule's subject (the add-on), which is usually the item to change.
      const [subject, other] = rule.productOfferingId === a.offering.id ? [a, b] : [b, a];
      out.push({
        code: 'INCOMPATIBLE_OFFERINGS',
        itemId: subject.li.item.id,
        field: `${subject.li.path}.productOffering.id`,
        message: `${subject.offering.id} cannot go with ${other.offering.id} (item ${other.li.item.id}): ${rule.reason}`,
        ...(rule.suggestion === undefined ? {} : { suggestion: rule.suggestion }),
      });
    }
  });
  return out;
}
