/** Who can fix a reason: customer, port coordinator, losing carrier, or our network/NPAC operations. */
export const FIXABLE_BY = ['CUSTOMER', 'COORDINATOR', 'CARRIER', 'NETWORK'] as const;
/** Who can fix a reason. */
export type FixableBy = (typeof FIXABLE_BY)[number];

/** Canonical reject reasons with their default fixer (porting.md §11.1, §11.2). */
export const REJECT_REASONS = {
  ACCOUNT_NUMBER_REQUIRED: { fixableBy: 'CUSTOMER', fields: ['submitted.accountNumber'] },
  ACCOUNT_NUMBER_MISMATCH: { fixableBy: 'CUSTOMER', fields: ['submitted.accountNumber'] },
  PIN_REQUIRED: { fixableBy: 'CUSTOMER', fields: ['submitted.pin'] },
  PIN_INVALID: { fixableBy: 'CUSTOMER', fields: ['submitted.pin'] },
  SSN_OR_TAX_ID_MISMATCH: { fixableBy: 'CUSTOMER', fields: ['submitted.ssnLast4', 'submitted.taxId'] },
  AUTH_NAME_MISMATCH: { fixableBy: 'CUSTOMER', fields: ['submitted.authorizedName'] },
  ENTITY_NAME_MISMATCH: { fixableBy: 'CUSTOMER', fields: ['submitted.businessName'] },
  SERVICE_ADDRESS_MISMATCH: { fixableBy: 'CUSTOMER', fields: ['submitted.serviceAddress'] },
  POSTAL_CODE_MISMATCH: { fixableBy: 'CUSTOMER', fields: ['submitted.serviceAddress.postalCode'] },
  BTN_MISMATCH: { fixableBy: 'COORDINATOR', fields: ['submitted.btn'] },
  TN_NOT_ON_ACCOUNT: { fixableBy: 'COORDINATOR', fields: ['lines'] },
  TN_NOT_ACTIVE: { fixableBy: 'CUSTOMER', fields: ['lines'] },
  TN_NOT_PORTABLE: { fixableBy: 'COORDINATOR', fields: ['lines'] },
  TN_HAS_SPECIAL_FEATURE: { fixableBy: 'COORDINATOR', fields: ['lines', 'kind'] },
  PORT_TYPE_INCORRECT: { fixableBy: 'COORDINATOR', fields: ['kind'] },
  PARTIAL_PORT_DISPOSITION_REQUIRED: { fixableBy: 'CUSTOMER', fields: ['partialPort', 'remainingTnDisposition'] },
  MAIN_BTN_PORTING_NEW_BTN_REQUIRED: { fixableBy: 'CUSTOMER', fields: ['newBtn'] },
  ORDER_SPLIT_REQUIRED: { fixableBy: 'COORDINATOR', fields: ['lines'] },
  RESELLER_WRONG_CARRIER: { fixableBy: 'COORDINATOR', fields: ['losingCarrier'] },
  LOA_INVALID: { fixableBy: 'CUSTOMER', fields: ['documents'] },
  DOCUMENT_REQUIRED: { fixableBy: 'CUSTOMER', fields: ['documents'] },
  DUE_DATE_INVALID: { fixableBy: 'COORDINATOR', fields: ['requestedDue'] },
  PORT_OUT_LOCKED: { fixableBy: 'CUSTOMER', fields: ['account'] },
  PENDING_ORDER_ON_ACCOUNT: { fixableBy: 'CUSTOMER', fields: ['account'] },
  DUPLICATE_PORT_IN_PROGRESS: { fixableBy: 'COORDINATOR', fields: ['lines'] },
  FOC_EXPIRED: { fixableBy: 'COORDINATOR', fields: ['requestedDue'] },
  SYNTAX_ERROR: { fixableBy: 'COORDINATOR', fields: [] },
  OTHER: { fixableBy: 'COORDINATOR', fields: [] },
} as const satisfies Record<string, { fixableBy: FixableBy; fields: readonly string[] }>;
/** A canonical reject reason code. */
export type RejectReason = keyof typeof REJECT_REASONS;
/** Every reject reason code, for runtime checks. */
export const REJECT_REASON_CODES = Object.keys(REJECT_REASONS) as RejectReason[];

/** Delay reasons: the carrier is still working (§11.3). */
export const DELAY_REASONS = ['OUTSIDE_BUSINESS_HOURS', 'OSP_SYSTEM_UNAVAILABLE', 'MANUAL_REVIEW', 'CUSTOMER_VERIFICATION_PENDING'] as const;
/** A delay reason. */
export type DelayReason = (typeof DELAY_REASONS)[number];

/** Clearinghouse conflict and failure codes (§11.4). */
export const SV_FAILURE_CODES = [
  'SV_CONFLICT_LSR_NOT_RECEIVED',
  'SV_CONFLICT_OTHER',
  'SV_CANCEL_ACK_MISSING',
  'SV_BROADCAST_PARTIAL_FAILURE',
  'SV_ACTIVATION_FAILED',
] as const;
/** A clearinghouse conflict or failure code. */
export type SvFailureCode = (typeof SV_FAILURE_CODES)[number];

/** Jeopardy flags on a port request (§6.4); flags, not states. */
export const JEOPARDY_CODES = [
  'OSP_IRRESPONSIVE',
  'FOC_DUE_SOON',
  'COUNTER_DATE',
  'COUNTER_DATE_EXCEEDS_RULE',
  'INSIDE_FREEZE_WINDOW',
  'NETWORK_NOT_READY',
  'DUE_PASSED_NOT_ACTIVATED',
  'SV_TIMERS_RUNNING',
  'BROADCAST_PARTIAL_FAILURE',
  'FRAUD_SIGNAL',
  'SV_CONFLICT',
] as const;
/** A jeopardy flag. */
export type JeopardyCode = (typeof JEOPARDY_CODES)[number];

/** One reason attached to a request version, an order or a line. */
export interface ReasonInstance {
  readonly code: RejectReason | SvFailureCode;
  readonly fields: readonly string[];
  readonly tn?: string;
  readonly carrierNativeCode?: string;
  readonly text?: string;
  readonly fixableBy: FixableBy;
  /** The request version it answered. */
  readonly version: number;
}

/** True when a string is a canonical reject reason. */
export function isRejectReason(code: string): code is RejectReason {
  return Object.hasOwn(REJECT_REASONS, code);
}

/** Builds a reason instance with the catalogue's fields and fixer unless given. */
export function reason(
  code: RejectReason,
  version: number,
  extra: Partial<Omit<ReasonInstance, 'code' | 'version'>> = {},
): ReasonInstance {
  const def = REJECT_REASONS[code];
  return { code, fields: def.fields, fixableBy: def.fixableBy, version, ...extra };
}
