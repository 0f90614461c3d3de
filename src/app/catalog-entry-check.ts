import { checkOrderAgainstCatalog, type Catalog } from '../domain/catalog/index.js';
import { checkOrderDates } from '../domain/order/order-dates.js';
import type { EntryCheck } from './entry-check.js';

/** The entry check that rejects orders which do not fit the product catalog. */
export function catalogEntryCheck(catalog: Catalog): EntryCheck {
  return (candidate) => ({
    findings: checkOrderAgainstCatalog(candidate, catalog).map((f) => ({
      code: f.code,
      severity: 'blocking' as const,
      field: f.field,
      message: f.suggestion ? `${f.message}. ${f.suggestion}` : f.message,
      ...(f.itemId !== undefined ? { itemId: f.itemId } : {}),
    })),
  });
}

/** The entry check that the requested dates make sense. */
export const orderDatesEntryCheck: EntryCheck = (candidate) => ({ findings: checkOrderDates(candidate) });
