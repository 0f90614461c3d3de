import type { CompatibilityRule } from './compatibility-rule.js';
import type { ProductOffering } from './product-offering.js';
import { isPriceRef, type ProductOfferingPrice } from './product-offering-price.js';
import type {
  CharacteristicValueSpecification,
  PlaceRoleSpecification,
  ProductSpecification,
  ProductSpecificationCharacteristic,
  ProductType,
} from './product-specification.js';

/** The catalog as its data files hold it. */
export interface CatalogData {
  readonly productSpecifications: readonly ProductSpecification[];
  readonly productOfferings: readonly ProductOffering[];
  readonly productOfferingPrices: readonly ProductOfferingPrice[];
  readonly compatibilityRules: readonly CompatibilityRule[];
}

/** A characteristic as it applies to one offering: the specification's, narrowed by the offering. */
export interface EffectiveCharacteristic {
  readonly name: string;
  readonly spec: ProductSpecificationCharacteristic;
  readonly required: boolean;
  readonly allowed?: readonly CharacteristicValueSpecification[];
  readonly pattern?: RegExp;
}

/** A checked catalog with lookups by id. Build it with `indexCatalog` after `checkCatalog` found no defect. */
export interface Catalog extends CatalogData {
  readonly offeringsById: ReadonlyMap<string, ProductOffering>;
  readonly specificationsById: ReadonlyMap<string, ProductSpecification>;
  readonly pricesById: ReadonlyMap<string, ProductOfferingPrice>;
  /** Offering id -> characteristic name -> how it applies. */
  readonly characteristicsByOffering: ReadonlyMap<string, ReadonlyMap<string, EffectiveCharacteristic>>;
  /** Offering id -> rules naming it on either side. */
  readonly rulesByOffering: ReadonlyMap<string, readonly CompatibilityRule[]>;
}

/** Builds the lookups of a catalog. Assumes `checkCatalog(data)` returned no defect. */
export function indexCatalog(data: CatalogData): Catalog {
  const specificationsById = new Map(data.productSpecifications.map((s) => [s.id, s]));
  const characteristicsByOffering = new Map<string, ReadonlyMap<string, EffectiveCharacteristic>>();
  for (const o of data.productOfferings) {
    const spec = specificationsById.get(o.productSpecification.id);
    characteristicsByOffering.set(o.id, spec === undefined ? new Map() : effectiveCharacteristics(o, spec));
  }
  const rulesByOffering = new Map<string, CompatibilityRule[]>();
  for (const rule of data.compatibilityRules) {
    for (const id of new Set([rule.productOfferingId, ...rule.excludes])) {
      rulesByOffering.set(id, [...(rulesByOffering.get(id) ?? []), rule]);
    }
  }
  return {
    ...data,
    offeringsById: new Map(data.productOfferings.map((o) => [o.id, o])),
    specificationsById,
    pricesById: new Map(data.productOfferingPrices.flatMap((p) => (p.id === undefined ? [] : [[p.id, p] as const]))),
    characteristicsByOffering,
    rulesByOffering,
  };
}

/** The characteristics of an offering: its specification's, with the offering's value uses applied. */
export function effectiveCharacteristics(
  offering: ProductOffering,
  spec: ProductSpecification,
): Map<string, EffectiveCharacteristic> {
  const out = new Map<string, EffectiveCharacteristic>();
  for (const c of spec.productSpecCharacteristic) {
    const use = offering.prodSpecCharValueUse?.find((u) => u.name === c.name);
    const minCardinality = use?.minCardinality ?? c.minCardinality;
    const allowed = use?.productSpecCharacteristicValue ?? c.productSpecCharacteristicValue;
    out.set(c.name, {
      name: c.name,
      spec: c,
      required: c.configurable && minCardinality >= 1,
      ...(allowed === undefined ? {} : { allowed }),
      ...(c.regex === undefined ? {} : { pattern: new RegExp(c.regex) }),
    });
  }
  return out;
}

/** The offering with this id, if the catalog has it. */
export function findOffering(catalog: Catalog, id: string): ProductOffering | undefined {
  return catalog.offeringsById.get(id);
}

/** The specification an offering sells. */
export function specificationOf(catalog: Catalog, offering: ProductOffering): ProductSpecification | undefined {
  return catalog.specificationsById.get(offering.productSpecification.id);
}

/** The product type (mobile, fiber, port-in, feature, ...) of the offering with this id. */
export function productTypeOf(catalog: Catalog, offeringId: string): ProductType | undefined {
  const offering = findOffering(catalog, offeringId);
  return offering === undefined ? undefined : specificationOf(catalog, offering)?.productType;
}

/** The category ids of an offering (cat-mobile, cat-broadband, ...). */
export function categoriesOf(offering: ProductOffering): string[] {
  return (offering.category ?? []).map((c) => c.id);
}

/** The place roles a product of this offering carries, with whether an `add` needs them. */
export function placeRolesOf(catalog: Catalog, offering: ProductOffering): readonly PlaceRoleSpecification[] {
  return specificationOf(catalog, offering)?.placeRole ?? [];
}

/** The prices of an offering, shared references resolved. */
export function pricesOf(catalog: Catalog, offering: ProductOffering): ProductOfferingPrice[] {
  return offering.productOfferingPrice.flatMap((p) => {
    if (!isPriceRef(p)) return [p];
    const shared = catalog.pricesById.get(p.id);
    return shared === undefined ? [] : [shared];
  });
}

/** The fixed value the offering gives a non-configurable characteristic, if any (e.g. downloadSpeedMbps). */
export function fixedCharacteristicValue(catalog: Catalog, offeringId: string, name: string): unknown {
  const c = catalog.characteristicsByOffering.get(offeringId)?.get(name);
  if (c === undefined || c.allowed?.length !== 1) return undefined;
  return c.allowed[0]?.value;
}
