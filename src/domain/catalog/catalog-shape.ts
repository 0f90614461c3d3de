import type { CatalogData } from './catalog.js';
import type { CatalogDefect } from './check-catalog.js';

/** The catalog data files and the CatalogData member each one fills. */
export const CATALOG_FILES = {
  productSpecifications: 'product-specifications.json',
  productOfferings: 'product-offerings.json',
  productOfferingPrices: 'product-offering-prices.json',
  compatibilityRules: 'compatibility-rules.json',
} as const satisfies Record<keyof CatalogData, string>;

type Kind = 'string' | 'boolean' | 'number' | 'array' | 'object';
/** Required members per record of each file; optional members are checked when present. */
const SHAPES: Record<keyof CatalogData, { required: Record<string, Kind>; optional: Record<string, Kind> }> = {
  productSpecifications: {
    required: { id: 'string', name: 'string', lifecycleStatus: 'string', productType: 'string', productSpecCharacteristic: 'array' },
    optional: { placeRole: 'array', validFor: 'object', description: 'string' },
  },
  productOfferings: {
    required: {
      id: 'string',
      name: 'string',
      lifecycleStatus: 'string',
      isBundle: 'boolean',
      productSpecification: 'object',
      allowedAction: 'array',
      productOfferingPrice: 'array',
    },
    optional: {
      category: 'array',
      prodSpecCharValueUse: 'array',
      requiresBase: 'array',
      requiresCompanion: 'array',
      bundledProductOffering: 'array',
      bundledProductOfferingGroup: 'array',
      productOfferingRelationship: 'array',
      validFor: 'object',
    },
  },
  productOfferingPrices: {
    required: { id: 'string', name: 'string', priceType: 'string', price: 'object' },
    optional: { validFor: 'object' },
  },
  compatibilityRules: {
    required: { id: 'string', productOfferingId: 'string', excludes: 'array', reason: 'string' },
    optional: { suggestion: 'string' },
  },
};

function kindOf(v: unknown): Kind | 'null' | 'other' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'boolean' || t === 'number' || t === 'object' ? t : 'other';
}

function checkRecord(file: string, index: number, rec: unknown, key: keyof CatalogData, out: CatalogDefect[]): void {
  const at = `${file}[${index}]`;
  if (kindOf(rec) !== 'object') {
    out.push({ code: 'MALFORMED', path: at, message: 'each entry must be a JSON object' });
    return;
  }
  const r = rec as Record<string, unknown>;
  const { required, optional } = SHAPES[key];
  for (const [name, kind] of Object.entries(required)) {
    if (kindOf(r[name]) !== kind) out.push({ code: 'MALFORMED', path: `${at}.${name}`, message: `must be a ${kind}` });
  }
  for (const [name, kind] of Object.entries(optional)) {
    if (r[name] !== undefined && kindOf(r[name]) !== kind) out.push({ code: 'MALFORMED', path: `${at}.${name}`, message: `must be a ${kind}` });
  }
  const spec = r.productSpecification as Record<string, unknown> | undefined;
  if (key === 'productOfferings' && kindOf(spec) === 'object' && typeof spec?.id !== 'string') {
    out.push({ code: 'MALFORMED', path: `${at}.productSpecification.id`, message: 'must be a string' });
  }
}

/**
 * Checks the structure of the parsed data files (arrays of objects with the required members of the
 * right JSON types) and returns them as CatalogData, or the structural defects.
 */
export function parseCatalogData(
  files: Record<keyof CatalogData, unknown>,
): { readonly data: CatalogData; readonly defects: readonly [] } | { readonly defects: readonly CatalogDefect[] } {
  const defects: CatalogDefect[] = [];
  for (const key of Object.keys(CATALOG_FILES) as (keyof CatalogData)[]) {
    const content = files[key];
    const file = CATALOG_FILES[key];
    if (!Array.isArray(content)) {
      defects.push({ code: 'MALFORMED', path: file, message: 'the file must hold a JSON array' });
      continue;
    }
    content.forEach((rec, i) => checkRecord(file, i, rec, key, defects));
  }
  if (defects.length > 0) return { defects };
  return { data: files as unknown as CatalogData, defects: [] };
}
