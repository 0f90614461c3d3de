import { ITEM_ACTIONS } from '../order/product-order.js';
import type { CatalogData } from './catalog.js';
import { catalogValueFits } from './characteristic-value.js';
import type { ProductOffering } from './product-offering.js';
import { PRICE_TYPES } from './product-offering-price.js';
import {
  CHARACTERISTIC_VALUE_TYPES,
  LIFECYCLE_STATUSES,
  PRODUCT_TYPES,
  type ProductSpecification,
} from './product-specification.js';

/** Kinds of catalog defects that make start-up refuse the catalog. */
export const CATALOG_DEFECT_CODES = [
  'DUPLICATE_ID',
  'UNKNOWN_SPECIFICATION',
  'UNKNOWN_OFFERING_REFERENCE',
  'UNKNOWN_PRICE_REFERENCE',
  'UNKNOWN_VALUE_TYPE',
  'UNKNOWN_ENUM_VALUE',
  'UNKNOWN_CHARACTERISTIC_USE',
  'INVALID_REGEX',
  'VALUE_TYPE_MISMATCH',
  'BUNDLE_SHAPE',
  'MALFORMED',
] as const;
/** Code of a catalog defect. */
export type CatalogDefectCode = (typeof CATALOG_DEFECT_CODES)[number];

/** One thing wrong with the catalog data, with where it is. */
export interface CatalogDefect {
  readonly code: CatalogDefectCode;
  /** Where, e.g. `productOffering[po-fiber-1g].productSpecification.id`. */
  readonly path: string;
  readonly message: string;
}

type Emit = (code: CatalogDefectCode, path: string, message: string) => void;

function checkDuplicates(kind: string, ids: readonly (string | undefined)[], emit: Emit): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (id === undefined) continue;
    if (seen.has(id)) emit('DUPLICATE_ID', `${kind}[${id}]`, `${kind} id ${id} is used more than once`);
    seen.add(id);
  }
}

function checkEnum(list: readonly string[], value: unknown, path: string, emit: Emit): void {
  if (typeof value !== 'string' || !list.includes(value)) {
    emit('UNKNOWN_ENUM_VALUE', path, `${JSON.stringify(value)} is not one of: ${list.join(', ')}`);
  }
}

function checkSpecification(s: ProductSpecification, emit: Emit): void {
  const at = `productSpecification[${s.id}]`;
  checkEnum(PRODUCT_TYPES, s.productType, `${at}.productType`, emit);
  checkEnum(LIFECYCLE_STATUSES, s.lifecycleStatus, `${at}.lifecycleStatus`, emit);
  checkDuplicates(`${at}.productSpecCharacteristic`, s.productSpecCharacteristic.map((c) => c.name), emit);
  for (const c of s.productSpecCharacteristic) {
    const cAt = `${at}.productSpecCharacteristic[${c.name}]`;
    if (!(CHARACTERISTIC_VALUE_TYPES as readonly string[]).includes(c.valueType)) {
      emit('UNKNOWN_VALUE_TYPE', `${cAt}.valueType`, `value type ${JSON.stringify(c.valueType)} is not one of: ${CHARACTERISTIC_VALUE_TYPES.join(', ')}`);
      continue;
    }
    if (c.regex !== undefined) {
      try {
        new RegExp(c.regex);
      } catch {
        emit('INVALID_REGEX', `${cAt}.regex`, `${c.regex} is not a valid regular expression`);
      }
    }
    for (const v of c.productSpecCharacteristicValue ?? []) {
      if (!catalogValueFits(c.valueType, v)) emit('VALUE_TYPE_MISMATCH', cAt, `allowed value ${JSON.stringify(v)} is not a ${c.valueType}`);
    }
  }
}

function checkOfferingRefs(o: ProductOffering, data: CatalogData, offeringIds: Set<string>, emit: Emit): void {
  const at = `productOffering[${o.id}]`;
  const spec = data.productSpecifications.find((s) => s.id === o.productSpecification.id);
  if (spec === undefined) {
    emit('UNKNOWN_SPECIFICATION', `${at}.productSpecification.id`, `specification ${o.productSpecification.id} does not exist`);
  }
  for (const use of o.prodSpecCharValueUse ?? []) {
    const c = spec?.productSpecCharacteristic.find((x) => x.name === use.name);
    if (spec !== undefined && c === undefined) {
      emit('UNKNOWN_CHARACTERISTIC_USE', `${at}.prodSpecCharValueUse[${use.name}]`, `${spec.id} has no characteristic ${use.name}`);
    }
    for (const v of use.productSpecCharacteristicValue ?? []) {
      // An unknown value type is reported once, on the specification.
      const typeKnown = c !== undefined && (CHARACTERISTIC_VALUE_TYPES as readonly string[]).includes(c.valueType);
      if (c !== undefined && typeKnown && !catalogValueFits(c.valueType, v)) {
        emit('VALUE_TYPE_MISMATCH', `${at}.prodSpecCharValueUse[${use.name}]`, `value ${JSON.stringify(v)} is not a ${c.valueType}`);
      }
    }
  }
  for (const base of o.requiresBase ?? []) {
    if (!data.productSpecifications.some((s) => s.id === base)) {
      emit('UNKNOWN_SPECIFICATION', `${at}.requiresBase`, `required base specification ${base} does not exist`);
    }
  }
  for (const req of o.requiresCompanion ?? []) {
    for (const id of req.productSpecificationIds) {
      if (!data.productSpecifications.some((s) => s.id === id)) {
        emit('UNKNOWN_SPECIFICATION', `${at}.requiresCompanion[${req.name}]`, `companion specification ${id} does not exist`);
      }
    }
  }
  for (const p of o.productOfferingPrice) {
    if ('priceType' in p) checkEnum(PRICE_TYPES, p.priceType, `${at}.productOfferingPrice[${p.name}].priceType`, emit);
    else if (!data.productOfferingPrices.some((x) => x.id === p.id)) {
      emit('UNKNOWN_PRICE_REFERENCE', `${at}.productOfferingPrice[${p.id}]`, `price ${p.id} does not exist`);
    }
  }
  for (const r of o.productOfferingRelationship ?? []) {
    if (!offeringIds.has(r.id)) emit('UNKNOWN_OFFERING_REFERENCE', `${at}.productOfferingRelationship[${r.id}]`, `offering ${r.id} does not exist`);
  }
}

function checkBundle(o: ProductOffering, offeringIds: Set<string>, emit: Emit): void {
  const at = `productOffering[${o.id}]`;
  const children = o.bundledProductOffering ?? [];
  if (o.isBundle !== children.length > 0) {
    emit('BUNDLE_SHAPE', `${at}.bundledProductOffering`, o.isBundle ? 'a bundle must list its bundled offerings' : 'only a bundle (isBundle: true) may list bundled offerings');
  }
  for (const c of children) {
    if (!offeringIds.has(c.id)) emit('UNKNOWN_OFFERING_REFERENCE', `${at}.bundledProductOffering[${c.id}]`, `bundled offering ${c.id} does not exist`);
    if (c.id === o.id) emit('BUNDLE_SHAPE', `${at}.bundledProductOffering[${c.id}]`, 'a bundle cannot contain itself');
  }
  for (const g of o.bundledProductOfferingGroup ?? []) {
    for (const id of g.productOfferingIds) {
      if (!children.some((c) => c.id === id)) {
        emit('BUNDLE_SHAPE', `${at}.bundledProductOfferingGroup[${g.name}]`, `group names ${id}, which is not a bundled offering`);
      }
    }
    if (g.lowerLimit > g.upperLimit) emit('BUNDLE_SHAPE', `${at}.bundledProductOfferingGroup[${g.name}]`, 'lowerLimit exceeds upperLimit');
  }
}

function checkOffering(o: ProductOffering, data: CatalogData, offeringIds: Set<string>, emit: Emit): void {
  const at = `productOffering[${o.id}]`;
  checkEnum(LIFECYCLE_STATUSES, o.lifecycleStatus, `${at}.lifecycleStatus`, emit);
  for (const a of o.allowedAction) checkEnum(ITEM_ACTIONS, a, `${at}.allowedAction`, emit);
  checkOfferingRefs(o, data, offeringIds, emit);
  checkBundle(o, offeringIds, emit);
}

/**
 * Finds every defect of a catalog: duplicate ids, references to specifications, offerings or prices
 * that do not exist, unknown value types and enum values, invalid regexes, allowed values of the
 * wrong type, malformed bundles, and compatibility rules naming unknown offerings. Empty = usable.
 */
export function checkCatalog(data: CatalogData): CatalogDefect[] {
  const defects: CatalogDefect[] = [];
  const emit: Emit = (code, path, message) => defects.push({ code, path, message });
  checkDuplicates('productSpecification', data.productSpecifications.map((s) => s.id), emit);
  checkDuplicates('productOffering', data.productOfferings.map((o) => o.id), emit);
  checkDuplicates('productOfferingPrice', data.productOfferingPrices.map((p) => p.id), emit);
  checkDuplicates('compatibilityRule', data.compatibilityRules.map((r) => r.id), emit);
  const offeringIds = new Set(data.productOfferings.map((o) => o.id));
  for (const s of data.productSpecifications) checkSpecification(s, emit);
  for (const o of data.productOfferings) checkOffering(o, data, offeringIds, emit);
  for (const p of data.productOfferingPrices) checkEnum(PRICE_TYPES, p.priceType, `productOfferingPrice[${p.id ?? p.name}].priceType`, emit);
  for (const r of data.compatibilityRules) {
    for (const id of [r.productOfferingId, ...r.excludes]) {
      if (!offeringIds.has(id)) emit('UNKNOWN_OFFERING_REFERENCE', `compatibilityRule[${r.id}]`, `rule names offering ${id}, which does not exist`);
    }
  }
  return defects;
}

/** One message listing every defect, for start-up to refuse the catalog with. */
export function describeCatalogDefects(source: string, defects: readonly CatalogDefect[]): string {
  const lines = defects.map((d) => `  - ${d.code} at ${d.path}: ${d.message}`);
  return `Catalog ${source} has ${defects.length} defect(s); fix them and restart:\n${lines.join('\n')}`;
}
