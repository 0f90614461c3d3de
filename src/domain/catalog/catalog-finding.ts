/** Stable codes of the business findings of checking an order against the catalog. They reach the wire: never rename one. */
export const CATALOG_FINDING_CODES = [
  'MISSING_PRODUCT_OFFERING',
  'UNKNOWN_PRODUCT_OFFERING',
  'OFFERING_RETIRED',
  'OFFERING_NOT_ORDERABLE',
  'ACTION_NOT_ALLOWED',
  'MISSING_REQUIRED_CHARACTERISTIC',
  'UNKNOWN_CHARACTERISTIC',
  'INVALID_CHARACTERISTIC_VALUE',
  'MISSING_REQUIRED_PLACE',
  'MISSING_PRODUCT_ID',
  'MISSING_CUSTOMER',
  'MISSING_BASE_PRODUCT',
  'MISSING_COMPANION_PRODUCT',
  'INCOMPATIBLE_OFFERINGS',
  'BUNDLE_INCONSISTENT',
] as const;
/** Code of a catalog finding. */
export type CatalogFindingCode = (typeof CATALOG_FINDING_CODES)[number];

/** The finding codes by name, for `finding.code === CATALOG_FINDING.UNKNOWN_PRODUCT_OFFERING`. */
export const CATALOG_FINDING = Object.fromEntries(CATALOG_FINDING_CODES.map((c) => [c, c])) as {
  readonly [C in CatalogFindingCode]: C;
};

/** One business reason an order does not fit the catalog. Any finding makes the order `rejected`. */
export interface CatalogFinding {
  readonly code: CatalogFindingCode;
  /** The order item the finding is about, when there is one. */
  readonly itemId?: string;
  /** JSON path in the TMF622 order, e.g. `productOrderItem[2].productOffering.id`. */
  readonly field: string;
  readonly message: string;
  /** What to change so the order passes. */
  readonly suggestion?: string;
}
