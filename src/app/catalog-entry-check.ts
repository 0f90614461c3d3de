import { checkOrderAgainstCatalog, type Catalog } from '../domain/catalog/index.js';
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
