import type { CatalogFinding } from './catalog-finding.js';
import type { LocatedItem } from './located-item.js';
import type { ProductOffering } from './product-offering.js';

/** Looks up the offering resolved for an item (undefined when it had none or an unknown one). */
export type OfferingOf = (li: LocatedItem) => ProductOffering | undefined;

function bundleFinding(li: LocatedItem, field: string, message: string, suggestion?: string): CatalogFinding {
  return { code: 'BUNDLE_INCONSISTENT', itemId: li.item.id, field, message, ...(suggestion === undefined ? {} : { suggestion }) };
}

function checkChildren(li: LocatedItem, bundle: ProductOffering, children: readonly LocatedItem[], offeringOf: OfferingOf): CatalogFinding[] {
  const out: CatalogFinding[] = [];
  const members = (bundle.bundledProductOffering ?? []).map((b) => b.id);
  for (const child of children) {
    const id = child.item.productOffering?.id;
    if (id !== undefined && offeringOf(child) !== undefined && !members.includes(id)) {
      out.push(bundleFinding(child, `${child.path}.productOffering.id`, `${id} is not part of bundle ${bundle.id}`, `Bundle ${bundle.id} holds: ${members.join(', ')}.`));
    }
    const sameAction = li.item.action === 'add' || li.item.action === 'delete';
    if (sameAction && child.item.action !== li.item.action) {
      out.push(bundleFinding(child, `${child.path}.action`, `a child of a bundle being ${li.item.action === 'add' ? 'added' : 'deleted'} must be ${li.item.action}, not ${child.item.action}`));
    }
  }
  return out;
}

function checkCardinality(li: LocatedItem, bundle: ProductOffering, children: readonly LocatedItem[]): CatalogFinding[] {
  const out: CatalogFinding[] = [];
  const count = (ids: readonly string[]): number => children.filter((c) => ids.includes(c.item.productOffering?.id ?? '')).length;
  const field = `${li.path}.productOrderItem`;
  for (const b of bundle.bundledProductOffering ?? []) {
    const n = count([b.id]);
    const lo = b.bundledProductOfferingOption?.numberRelOfferLowerLimit ?? 0;
    const hi = b.bundledProductOfferingOption?.numberRelOfferUpperLimit ?? Number.POSITIVE_INFINITY;
    if (n < lo || n > hi) {
      out.push(bundleFinding(li, field, `bundle ${bundle.id} needs ${lo === hi ? lo : `${lo} to ${hi}`} × ${b.id}, the order has ${n}`, `Put ${lo === 1 && hi === 1 ? 'exactly one' : `${lo}..${hi}`} ${b.id} item under the bundle item.`));
    }
  }
  for (const g of bundle.bundledProductOfferingGroup ?? []) {
    const n = count(g.productOfferingIds);
    if (n < g.lowerLimit || n > g.upperLimit) {
      out.push(bundleFinding(li, field, `bundle ${bundle.id} needs ${g.lowerLimit === g.upperLimit ? g.lowerLimit : `${g.lowerLimit} to ${g.upperLimit}`} ${g.name} item(s) among ${g.productOfferingIds.join(', ')}, the order has ${n}`, `Choose ${g.lowerLimit === 1 && g.upperLimit === 1 ? 'one' : `${g.lowerLimit}..${g.upperLimit}`} of ${g.productOfferingIds.join(', ')}.`));
    }
  }
  return out;
}

/**
 * Bundle children against the bundle offering: nested items only under a bundle, each child an
 * offering of the bundle, children of an added (deleted) bundle added (deleted) too, and, when the
 * bundle is added, the number of each child within the bundle's limits.
 */
export function checkBundle(li: LocatedItem, offering: ProductOffering | undefined, all: readonly LocatedItem[], offeringOf: OfferingOf): CatalogFinding[] {
  const children = all.filter((c) => c.parent === li);
  if (offering === undefined || (children.length === 0 && !offering.isBundle)) return [];
  if (!offering.isBundle) {
    return [bundleFinding(li, `${li.path}.productOrderItem`, `${offering.id} is not a bundle, so it cannot have nested items`, 'Move the nested items to the top level of the order.')];
  }
  const out = checkChildren(li, offering, children, offeringOf);
  if (li.item.action === 'add') out.push(...checkCardinality(li, offering, children));
  return out;
}
