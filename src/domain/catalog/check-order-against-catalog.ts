import { customerOf, type ProductOrder } from '../order/product-order.js';
import { checkBases, checkCompatibility } from './base-and-compatibility.js';
import { checkCompanions } from './companion-check.js';
import { checkBundle } from './bundle-consistency.js';
import type { Catalog } from './catalog.js';
import type { CatalogFinding } from './catalog-finding.js';
import { checkCharacteristics, checkPlaces, checkProductId, checkSaleability, resolveOffering } from './item-checks.js';
import { locateItems, type LocatedItem } from './located-item.js';
import { resolveOrderLines, type ResolvedItem } from './order-lines.js';
import type { ProductOffering } from './product-offering.js';

/**
 * Checks an order against the catalog and returns its business findings; empty means the order
 * fits the catalog. Pure: the order's `createdAt` is the moment offerings must be on sale.
 */
export function checkOrderAgainstCatalog(
  order: Pick<ProductOrder, 'items' | 'relatedParty' | 'createdAt'>,
  catalog: Catalog,
): CatalogFinding[] {
  const findings: CatalogFinding[] = [];
  if (customerOf(order) === undefined) {
    findings.push({
      code: 'MISSING_CUSTOMER',
      field: 'relatedParty',
      message: 'the order names no customer',
      suggestion: 'Add {"id": "<customer id>", "@referredType": "Individual", "role": "customer"} to relatedParty.',
    });
  }
  const located = locateItems(order.items);
  const offerings = new Map<LocatedItem, ProductOffering>();
  for (const li of located) {
    const { offering, findings: f } = resolveOffering(li, catalog);
    findings.push(...f, ...checkProductId(li));
    if (offering === undefined) continue;
    offerings.set(li, offering);
    findings.push(
      ...checkSaleability(li, offering, order.createdAt),
      ...checkCharacteristics(li, offering, catalog),
      ...checkPlaces(li, offering, catalog),
    );
  }
  for (const li of located) findings.push(...checkBundle(li, offerings.get(li), located, (x) => offerings.get(x)));
  const resolved: ResolvedItem[] = [...offerings].map(([li, offering]) => ({ li, offering }));
  const unresolved = new Set(located.filter((li) => li.item.action !== 'delete' && !offerings.has(li)).map((li) => li.item.id));
  const lines = resolveOrderLines(resolved, catalog);
  findings.push(...checkBases(lines, catalog, unresolved), ...checkCompatibility(lines, catalog), ...checkCompanions(lines));
  return findings;
}
