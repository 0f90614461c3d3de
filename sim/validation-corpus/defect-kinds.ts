import type { FindingCode, Severity } from '../../src/validation/index.js';

/** Groups of defects; a finding explained by a defect of the same group is not a false positive. */
export const DEFECT_CATEGORIES = ['address', 'phone', 'name', 'port', 'note'] as const;
/** Field group of a defect. */
export type DefectCategory = (typeof DEFECT_CATEGORIES)[number];

/** Every defect the corpus injects: its group, the severity a validator should give it, and the codes that detect it. */
export const DEFECT_SPECS = {
  'missing-unit': { category: 'address', severity: 'blocking', codes: ['ADDR_UNIT_REQUIRED'] },
  'wrong-zip-city': { category: 'address', severity: 'warning', codes: ['ADDR_ZIP_CITY_MISMATCH'] },
  'wrong-zip-state': { category: 'address', severity: 'blocking', codes: ['ADDR_ZIP_STATE_MISMATCH'] },
  'misspelt-street': { category: 'address', severity: 'warning', codes: ['ADDR_STREET_MISSPELLED', 'ADDR_STREET_UNKNOWN'] },
  'misspelt-city': { category: 'address', severity: 'warning', codes: ['ADDR_ZIP_CITY_MISMATCH', 'ADDR_CITY_MISSPELLED'] },
  'po-box-service': { category: 'address', severity: 'blocking', codes: ['ADDR_PO_BOX_SERVICE'] },
  'incomplete-address': { category: 'address', severity: 'blocking', codes: ['ADDR_UNPARSEABLE'] },
  'port-number-invalid': { category: 'phone', severity: 'blocking', codes: ['PHONE_INVALID', 'PHONE_TOO_SHORT', 'PHONE_TOO_LONG'] },
  'port-number-toll-free': { category: 'phone', severity: 'blocking', codes: ['PHONE_NOT_PORTABLE'] },
  'contact-number-bad': { category: 'phone', severity: 'warning', codes: ['PHONE_INVALID', 'PHONE_TOO_SHORT', 'PHONE_TOO_LONG'] },
  'port-name-mismatch': { category: 'name', severity: 'blocking', codes: ['PORT_NAME_MISMATCH'] },
  'port-missing-account': { category: 'port', severity: 'blocking', codes: ['PORT_FIELDS_MISSING'] },
  'port-missing-pin': { category: 'port', severity: 'blocking', codes: ['PORT_FIELDS_MISSING'] },
  'note-gate-code': { category: 'note', severity: 'info', codes: ['NOTE_ACCESS_CODE'] },
  'note-call-before': { category: 'note', severity: 'info', codes: ['NOTE_ACCESS_RISK'] },
  'note-dog': { category: 'note', severity: 'info', codes: ['NOTE_ACCESS_RISK'] },
  'note-pin': { category: 'note', severity: 'warning', codes: ['NOTE_SECRET'] },
  'note-port-without-item': { category: 'note', severity: 'warning', codes: ['NOTE_PORT_WITHOUT_PORT_ITEM'] },
  'note-unit-conflict': { category: 'note', severity: 'warning', codes: ['NOTE_UNIT_CONFLICT'] },
  'note-date-conflict': { category: 'note', severity: 'warning', codes: ['NOTE_DATE_CONFLICT'] },
} as const satisfies Record<string, { category: DefectCategory; severity: Severity; codes: readonly FindingCode[] }>;

/** A kind of injected defect. */
export type DefectKind = keyof typeof DEFECT_SPECS;
/** Every defect kind, in report order. */
export const DEFECT_KINDS = Object.keys(DEFECT_SPECS) as DefectKind[];

/**
 * Benign variations a clean order may carry that must never block it: a nickname or an initial
 * as the authorised name, the name written surname-first, a PO box as the billing address, a
 * fixed-line port without a PIN.
 */
export const BENIGN_VARIANTS = ['nickname-authorised', 'initial-authorised', 'surname-first-authorised', 'billing-po-box', 'wireline-port-no-pin'] as const;
/** A benign variation of a clean order. */
export type BenignVariant = (typeof BENIGN_VARIANTS)[number];

/** The label of one injected defect: what, where, and how severe it should be reported. */
export interface DefectLabel {
  readonly kind: DefectKind;
  /** JSON path prefix in TMF622 terms of the defective field, e.g. `productOrderItem[0].product.place[0]`. */
  readonly field: string;
  readonly severity: Severity;
}

/** The label of a defect kind at a field, with its expected severity. */
export function labelOf(kind: DefectKind, field: string): DefectLabel {
  return { kind, field, severity: DEFECT_SPECS[kind].severity };
}
