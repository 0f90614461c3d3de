/**
 * Every code an entry validator reports. Codes reach the API, logs and the fallout model's training
 * data: never rename one, only add.
 */
export const FINDING_CODES = [
  // addresses
  'ADDR_UNPARSEABLE',
  'ADDR_COUNTRY_UNSUPPORTED',
  'ADDR_STATE_INVALID',
  'ADDR_ZIP_INVALID',
  'ADDR_ZIP_UNKNOWN',
  'ADDR_ZIP_STATE_MISMATCH',
  'ADDR_ZIP_CITY_MISMATCH',
  'ADDR_CITY_MISSPELLED',
  'ADDR_STREET_MISSPELLED',
  'ADDR_STREET_UNKNOWN',
  'ADDR_PO_BOX_SERVICE',
  'ADDR_UNIT_REQUIRED',
  'ADDR_UNIT_LIKELY_REQUIRED',
  'ADDR_UNIT_UNKNOWN',
  // phones
  'PHONE_MISSING',
  'PHONE_TOO_SHORT',
  'PHONE_TOO_LONG',
  'PHONE_INVALID',
  'PHONE_TYPE_UNEXPECTED',
  'PHONE_NOT_PORTABLE',
  // port-in requests and parties
  'PORT_FIELDS_MISSING',
  'PORT_FIELD_MALFORMED',
  'PORT_NAME_MISMATCH',
  'PORT_NAME_WEAK',
  'PORT_NAME_BUSINESS_PERSON',
  'PORT_DUPLICATE_NUMBER',
  'PORT_NUMBER_NOT_ON_ACCOUNT',
  'PORT_BTN_NOT_ON_ACCOUNT',
  'PORT_DATE_PAST',
  // notes
  'NOTE_ACCESS_RISK',
  'NOTE_ACCESS_CODE',
  'NOTE_CUSTOMER_MOVING',
  'NOTE_SECRET',
  'NOTE_PORT_WITHOUT_PORT_ITEM',
  'NOTE_CARRIER_CONFLICT',
  'NOTE_UNIT_CONFLICT',
  'NOTE_STREET_NUMBER_CONFLICT',
  'NOTE_DATE_CONFLICT',
  'NOTE_NAME_CONFLICT',
] as const;
/** A stable validation finding code. */
export type FindingCode = (typeof FINDING_CODES)[number];

/** The codes as named constants, e.g. `CODES.ADDR_PO_BOX_SERVICE`. */
export const CODES = Object.fromEntries(FINDING_CODES.map((c) => [c, c])) as { readonly [K in FindingCode]: K };

/** Runtime check that a string is a known finding code. */
export function isFindingCode(value: string): value is FindingCode {
  return (FINDING_CODES as readonly string[]).includes(value);
}
