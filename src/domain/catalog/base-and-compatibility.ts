import type { Catalog } from './catalog.js';
import type { CatalogFinding } from './catalog-finding.js';
import { ruleBetween, type OrderLines, type ResolvedItem } from './order-lines.js';

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
 * Every added offering that needs a base (a feature needs a mobile plan, IPTV needs broadband) has
 * one. An item linked to an item whose offering is missing or unknown is not reported again.
 */
export function checkBases(lines: OrderLines, catalog: Catalog, unresolvedItemIds: ReadonlySet<string>): CatalogFinding[] {
  return lines.active
    .filter((x) => x.li.item.action === 'add' && (x.offering.requiresBase ?? []).length > 0 && lines.baseOf(x) === undefined)
    .filter((x) => !x.li.item.relationships.some((r) => unresolvedItemIds.has(r.id)))
    .map((x) => missingBase(x, catalog));
}

/**
 * No two offerings on the same line (same base, same bundle) are excluded by a compatibility rule,
 * unless the order changes neither of them.
 */
export function checkCompatibility(lines: OrderLines, catalog: Catalog): CatalogFinding[] {
  const out: CatalogFinding[] = [];
  const selling = (x: ResolvedItem): boolean => x.li.item.action === 'add' || x.li.item.action === 'modify';
  lines.active.forEach((a, i) => {
    for (const b of lines.active.slice(i + 1)) {
      const rule = ruleBetween(catalog, a.offering.id, b.offering.id);
      if (rule === undefined || !(selling(a) || selling(b)) || lines.lineOf(a) !== lines.lineOf(b)) continue;
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
