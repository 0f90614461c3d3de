import type { ItemAction } from '../order/product-order.js';
import type { CharacteristicValueSpecification, CharacteristicValueType, LifecycleStatus, TimePeriod } from './product-specification.js';
import type { ProductOfferingPriceRefOrValue } from './product-offering-price.js';

/** A reference by id (and optionally name) to another catalog entity. */
export interface CatalogRef {
  readonly id: string;
  readonly name?: string;
}

/** How an offering restricts one characteristic of its specification (TMF620 ProductSpecificationCharacteristicValueUse). */
export interface CharacteristicValueUse {
  readonly name: string;
  readonly valueType?: CharacteristicValueType;
  /** Overrides the specification's minCardinality for this offering. */
  readonly minCardinality?: number;
  /** Narrows the allowed values; a single entry fixes the value for the offering. */
  readonly productSpecCharacteristicValue?: readonly CharacteristicValueSpecification[];
}

/** How many of one child offering a bundle holds (TMF620 BundledProductOffering). */
export interface BundledProductOffering {
  readonly id: string;
  readonly name?: string;
  readonly bundledProductOfferingOption?: {
    readonly numberRelOfferLowerLimit?: number;
    readonly numberRelOfferUpperLimit?: number;
  };
}

/** A choice inside a bundle: between lowerLimit and upperLimit children from the listed offerings (Provisio extension). */
export interface BundledProductOfferingGroup {
  readonly name: string;
  readonly productOfferingIds: readonly string[];
  readonly lowerLimit: number;
  readonly upperLimit: number;
}

/** Products that must come with this one when it is added, e.g. a SIM with a mobile plan (Provisio extension). */
export interface CompanionRequirement {
  readonly name: string;
  /** One item of any of these specifications on the same line satisfies the requirement. */
  readonly productSpecificationIds: readonly string[];
}

/** A link to another offering, e.g. `replacedBy` on a retired offering (TMF620 ProductOfferingRelationship). */
export interface ProductOfferingRelationship {
  readonly id: string;
  readonly relationshipType: string;
}

/** What is sold: a specification with prices, rules and allowed item actions (TMF620 ProductOffering). */
export interface ProductOffering {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly version?: string;
  readonly lifecycleStatus: LifecycleStatus;
  readonly isBundle: boolean;
  readonly isSellable?: boolean;
  readonly validFor?: TimePeriod;
  readonly productSpecification: CatalogRef;
  readonly category?: readonly CatalogRef[];
  /** Item actions an order may use with this offering (Provisio extension). */
  readonly allowedAction: readonly ItemAction[];
  readonly prodSpecCharValueUse?: readonly CharacteristicValueUse[];
  /**
   * Specifications of which one product must exist for this one to be added onto: in the same order,
   * or already in inventory and named in `product.productRelationship` (Provisio extension).
   */
  readonly requiresBase?: readonly string[];
  /** Products an `add` of this offering must come with on the same line (Provisio extension). */
  readonly requiresCompanion?: readonly CompanionRequirement[];
  readonly productOfferingPrice: readonly ProductOfferingPriceRefOrValue[];
  readonly bundledProductOffering?: readonly BundledProductOffering[];
  readonly bundledProductOfferingGroup?: readonly BundledProductOfferingGroup[];
  readonly productOfferingRelationship?: readonly ProductOfferingRelationship[];
}

/** Lifecycle statuses under which an offering may be added or modified onto. */
export const ORDERABLE_STATUSES = ['Active', 'Launched'] as const satisfies readonly LifecycleStatus[];
/** Lifecycle statuses of withdrawn offerings: existing products keep them, new sales may not. */
export const WITHDRAWN_STATUSES = ['Retired', 'Obsolete'] as const satisfies readonly LifecycleStatus[];
