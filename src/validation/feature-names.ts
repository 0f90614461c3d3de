/**
 * Names of the numeric features the validators hand to the fallout model. Not-applicable values
 * are NaN (e.g. name similarity on an order with no port-in), never a sentinel.
 */
export const FEATURE_NAMES = [
  'addrCount',
  'addrParseOk',
  'addrScore',
  'unitMissing',
  'unitLikelyMissing',
  'poBoxService',
  'zipStateMismatch',
  'zipCityMismatch',
  'zipUnknown',
  'streetSim',
  'citySim',
  'phoneCount',
  'phoneInvalid',
  'phoneLenCode',
  'phoneType',
  'phoneNotPortable',
  'portIn',
  'portLines',
  'portFieldsMissing',
  'nameSimToCSR',
  'nameMetaphoneMatch',
  'nameNicknameMatch',
  'partyIsBusiness',
  'noteLen',
  'noteRiskFlags',
  'noteHasSecret',
  'noteHasAccessCode',
  'notePortMention',
  'noteMoving',
  'noteNameConflict',
  'noteDateConflict',
  'noteUnitConflict',
  'noteCarrierConflict',
  'nBlocking',
  'nWarnings',
  'nInfo',
] as const;
/** A feature name. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** The feature names as named constants, e.g. `FEATURES.addrScore`. */
export const FEATURES = Object.fromEntries(FEATURE_NAMES.map((f) => [f, f])) as { readonly [K in FeatureName]: K };

/** Phone type categories as integer codes for the `phoneType` feature. */
export const PHONE_TYPE_CODES = {
  NONE: 0,
  FIXED_LINE_OR_MOBILE: 1,
  MOBILE: 2,
  FIXED_LINE: 3,
  VOIP: 4,
  TOLL_FREE: 5,
  PREMIUM_RATE: 6,
  SHARED_COST: 7,
  PERSONAL_NUMBER: 8,
  OTHER: 9,
  INVALID: 10,
} as const;
