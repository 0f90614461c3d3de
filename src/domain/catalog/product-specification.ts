/** Value types a product characteristic may take (TMF620 `valueType`). */
export const CHARACTERISTIC_VALUE_TYPES = ['string', 'integer', 'number', 'boolean', 'dateTime', 'date'] as const;
/** The type of a characteristic value. */
export type CharacteristicValueType = (typeof CHARACTERISTIC_VALUE_TYPES)[number];

/** What kind of product a specification describes; the decomposition and fallout rules key on it. */
export const PRODUCT_TYPES = [
  'mobile',
  'sim',
  'esim',
  'number',
  'port-in',
  'fiber',
  'dsl',
  'dia',
  'voip',
  'iptv',
  'static-ip',
  'cpe',
  'feature',
  'bundle',
] as const;
/** Product type of a specification (Provisio extension of TMF620 ProductSpecification). */
export type ProductType = (typeof PRODUCT_TYPES)[number];

/** TMF620 lifecycle statuses of catalog entities. */
export const LIFECYCLE_STATUSES = [
  'In study',
  'In design',
  'In test',
  'Rejected',
  'Active',
  'Launched',
  'Retired',
  'Obsolete',
] as const;
/** Lifecycle status of a specification, offering or price. */
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

/** A period of validity (TMF TimePeriod); an open end means "until further notice". */
export interface TimePeriod {
  readonly startDateTime?: string;
  readonly endDateTime?: string;
}

/** One allowed value or range of a characteristic (TMF620 CharacteristicValueSpecification). */
export interface CharacteristicValueSpecification {
  readonly value?: string | number | boolean;
  readonly valueFrom?: number;
  readonly valueTo?: number;
  readonly isDefault?: boolean;
}

/** A characteristic a product of this specification carries (TMF620 ProductSpecificationCharacteristic). */
export interface ProductSpecificationCharacteristic {
  readonly name: string;
  readonly description?: string;
  readonly valueType: CharacteristicValueType;
  /** False when the offering fixes the value; an order may repeat it but not change it. */
  readonly configurable: boolean;
  /** 1 or more: an `add` item must give a value (only for configurable characteristics). */
  readonly minCardinality: number;
  readonly maxCardinality?: number;
  /** JavaScript regular expression the string form of the value must match. */
  readonly regex?: string;
  /** Allowed values or ranges; absent means any value of the type. */
  readonly productSpecCharacteristicValue?: readonly CharacteristicValueSpecification[];
}

/** A place role a product of this specification carries (Provisio extension), e.g. `installationAddress`. */
export interface PlaceRoleSpecification {
  readonly role: string;
  /** 1: an `add` item must give a place with this role. */
  readonly minCardinality: number;
}

/** What a product is, independent of how it is sold (TMF620 ProductSpecification). */
export interface ProductSpecification {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly version?: string;
  readonly lifecycleStatus: LifecycleStatus;
  readonly validFor?: TimePeriod;
  readonly productType: ProductType;
  readonly productSpecCharacteristic: readonly ProductSpecificationCharacteristic[];
  readonly placeRole?: readonly PlaceRoleSpecification[];
}
