import type { CatalogFinding } from './catalog-finding.js';
import type { OrderLines, ResolvedItem } from './order-lines.js';
import type { CompanionRequirement } from './product-offering.js';

function isOf(y: ResolvedItem, req: CompanionRequirement): boolean {
  return req.productSpecificationIds.includes(y.offering.productSpecification.id);
}

/**
 * Companions of an added product: a new mobile plan comes with a SIM or eSIM and with a new or
 * ported number on its line. Companions linked to no particular product (their base was guessed
 * from the order) are shared out among the products that still lack one.
 */
export function checkCompanions(lines: OrderLines): CatalogFinding[] {
  const out: CatalogFinding[] = [];
  const needing = lines.active.filter((x) => x.li.item.action === 'add' && (x.offering.requiresCompanion ?? []).length > 0);
  const unlinked = (y: ResolvedItem): boolean => {
    const base = lines.baseOf(y);
    return base?.kind === 'item' && base.found === 'order';
  };
  const spare = new Map<string, number>();
  for (const x of needing) {
    for (const req of x.offering.requiresCompanion ?? []) {
      const key = req.productSpecificationIds.join('|');
      if (!spare.has(key)) spare.set(key, lines.active.filter((y) => isOf(y, req) && unlinked(y)).length);
      const onLine = lines.active.some((y) => y !== x && isOf(y, req) && !unlinked(y) && lines.lineOf(y) === lines.lineOf(x));
      if (onLine) continue;
      const left = spare.get(key) ?? 0;
      if (left > 0) {
        spare.set(key, left - 1);
        continue;
      }
      out.push({
        code: 'MISSING_COMPANION_PRODUCT',
        itemId: x.li.item.id,
        field: x.li.path,
        message: `${x.offering.id} needs a ${req.name} (${req.productSpecificationIds.join(' or ')}) on its line, and the order has none`,
        suggestion: `Add a ${req.name} item with a reliesOn productOrderItemRelationship to item ${x.li.item.id}.`,
      });
    }
  }
  return out;
}
