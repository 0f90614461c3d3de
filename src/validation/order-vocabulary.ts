/**
 * Names of product characteristics and place roles the validators read. Kept in one place so they
 * can be aligned with the catalog's characteristic specifications.
 */
export const CHARACTERISTIC = {
  /** The telephone number to port in, or the one assigned. */
  msisdn: 'msisdn',
  /** The name authorised on the losing carrier's account. */
  portingAuthorisationName: 'portingAuthorisationName',
  /** The carrier the number is ported from. */
  losingCarrier: 'losingCarrier',
  /** The account number at the losing carrier. */
  portingAccountNumber: 'portingAccountNumber',
  /** The port-out PIN or passcode at the losing carrier. */
  portingPin: 'portingPin',
  /** The day the customer wants the number moved (ISO date or instant). */
  requestedPortDate: 'requestedPortDate',
  /** A callback or contact number for the item. */
  contactNumber: 'contactNumber',
  /** Further numbers of the same account that move with `msisdn` (comma or semicolon separated). */
  portingAdditionalNumbers: 'portingAdditionalNumbers',
  /** The billing telephone number (BTN) of the account at the losing carrier. */
  portingBillingNumber: 'portingBillingNumber',
} as const;

/** Characteristics whose presence marks an item as a port-in. */
export const PORTING_CHARACTERISTICS = [
  CHARACTERISTIC.portingAuthorisationName,
  CHARACTERISTIC.losingCarrier,
  CHARACTERISTIC.portingAccountNumber,
  CHARACTERISTIC.portingPin,
] as const;

/** Roles of `product.place[]` entries. */
export const PLACE_ROLES = ['installationAddress', 'serviceAddress', 'billingAddress'] as const;
/** Role of a place on a product. */
export type PlaceRole = (typeof PLACE_ROLES)[number];

/** Roles where service is delivered: a PO box cannot be one, and multi-dwelling units need a unit. */
export const SERVICE_PLACE_ROLES: readonly string[] = ['installationAddress', 'serviceAddress'];

/** Words in an item's product or offering name that mark a wireless (mobile) product. */
export const WIRELESS_PRODUCT_CUES = /\b(mobile|wireless|cellular|cell|5g|lte|4g|sim|esim|smartphone)\b/i;
