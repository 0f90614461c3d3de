import { earliestDue } from './business-calendar.js';
import { addressesMatch, namesMatch, normAccount, normTn, normZip } from './normalisation.js';
import type { SupplementType } from './port-message.js';
import type { PortCustomerData, PortRequest } from './port-request.js';
import type { ReasonInstance } from './reason-code.js';
import type { SupplementChanges } from './supplement-changes.js';

/** One automatic fix: which reason, which rule, and the value change. */
export interface AppliedFix {
  readonly code: ReasonInstance['code'];
  readonly rule: string;
  readonly from?: string;
  readonly to: string;
}

/** A proposed supplement for fixable rejects; `unfixed` lists the reasons needing a person. */
export interface CorrectionProposal {
  readonly supType: SupplementType;
  readonly changes: SupplementChanges;
  readonly fixes: readonly AppliedFix[];
  readonly unfixed: readonly ReasonInstance[];
}

/** Fits an account number to a carrier's known format: '#' is a digit, other characters are literal. */
export function formatAccount(raw: string, pattern: string): string | null {
  const digits = raw.replace(/\D/g, '');
  const slots = [...pattern].filter((c) => c === '#').length;
  if (digits.length > slots || slots - digits.length > 3) return null;
  const padded = digits.padStart(slots, '0');
  let i = 0;
  return [...pattern].map((c) => (c === '#' ? padded[i++] : c)).join('');
}

type Rule = (r: PortRequest, x: ReasonInstance, now: number) => { change: SupplementChanges; fix: AppliedFix } | null;

function customer(c: Partial<PortCustomerData>): SupplementChanges {
  return { submitted: c };
}

const accountRule: Rule = (r, x) => {
  const sub = r.submitted.accountNumber ?? '';
  const rec = r.accountRecord?.accountNumber;
  if (rec !== undefined && rec !== sub && normAccount(rec, true) === normAccount(sub, true)) {
    return { change: customer({ accountNumber: rec }), fix: { code: x.code, rule: 'account number as on the carrier record', from: sub, to: rec } };
  }
  const pattern = r.losingCarrier.accountNumberPattern;
  const formatted = pattern === undefined ? null : formatAccount(sub, pattern);
  if (formatted === null || formatted === sub) return null;
  return { change: customer({ accountNumber: formatted }), fix: { code: x.code, rule: `carrier account format ${pattern}`, from: sub, to: formatted } };
};

const btnRule: Rule = (r, x) => {
  const sub = r.submitted.btn ?? '';
  const rec = r.accountRecord?.btn;
  const to = rec !== undefined && normTn(rec) !== null ? normTn(rec) : normTn(sub);
  if (to === null || to === sub) return null;
  return { change: customer({ btn: to }), fix: { code: x.code, rule: rec !== undefined ? 'BTN from the carrier record' : 'BTN normalised', from: sub, to } };
};

const zipRule: Rule = (r, x) => {
  const addr = r.submitted.serviceAddress;
  const rec = r.accountRecord?.serviceAddress;
  const to = rec !== undefined && addressesMatch(addr, rec, 'LENIENT') ? normZip(rec.postalCode) : normZip(addr.postalCode);
  if (to === addr.postalCode || to.length !== 5) return null;
  return { change: customer({ serviceAddress: { ...addr, postalCode: to } }), fix: { code: x.code, rule: 'service ZIP (5 digits)', from: addr.postalCode, to } };
};

const addressRule: Rule = (r, x) => {
  const rec = r.accountRecord?.serviceAddress;
  const sub = r.submitted.serviceAddress;
  if (rec === undefined || !addressesMatch(sub, rec, 'ADDRESS_NORMALIZED')) return null;
  if (JSON.stringify(rec) === JSON.stringify(sub)) return null;
  return { change: customer({ serviceAddress: rec }), fix: { code: x.code, rule: 'service address exactly as on the carrier record', from: sub.line1, to: rec.line1 } };
};

const nameRule: Rule = (r, x) => {
  const sub = r.submitted.authorizedName;
  const rec = r.accountRecord?.authorizedNames.find((n) => n !== sub && namesMatch(n, sub, 'LENIENT'));
  if (rec === undefined) return null;
  return { change: customer({ authorizedName: rec }), fix: { code: x.code, rule: 'authorised name as on the carrier record', from: sub, to: rec } };
};

const dueRule: Rule = (r, x, now) => {
  const due = earliestDue(r.kind, now, r.calendar, r.partialPort);
  const to = due.kind === 'DATE' ? due.date : due.at;
  return { change: { requestedDue: due }, fix: { code: x.code, rule: 'earliest allowed due date', to } };
};

const RULES: Partial<Record<ReasonInstance['code'], Rule>> = {
  ACCOUNT_NUMBER_MISMATCH: accountRule,
  BTN_MISMATCH: btnRule,
  POSTAL_CODE_MISMATCH: zipRule,
  SERVICE_ADDRESS_MISMATCH: addressRule,
  AUTH_NAME_MISMATCH: nameRule,
  DUE_DATE_INVALID: dueRule,
  FOC_EXPIRED: dueRule,
};

function merge(a: SupplementChanges, b: SupplementChanges): SupplementChanges {
  return { ...a, ...b, submitted: { ...a.submitted, ...b.submitted } };
}

/** Proposes a supplement fixing the rejects that have a safe automatic fix (normalisation, known formats, record values). */
export function proposeCorrection(r: PortRequest, reasons: readonly ReasonInstance[], now: number): CorrectionProposal {
  let changes: SupplementChanges = {};
  const fixes: AppliedFix[] = [];
  const unfixed: ReasonInstance[] = [];
  for (const x of reasons) {
    const rule = RULES[x.code];
    const result = rule === undefined ? null : rule({ ...r, submitted: { ...r.submitted, ...changes.submitted } }, x, now);
    if (result === null) unfixed.push(x);
    else {
      changes = merge(changes, result.change);
      fixes.push(result.fix);
    }
  }
  const onlyDate = Object.keys(changes.submitted ?? {}).length === 0 && changes.requestedDue !== undefined;
  if (Object.keys(changes.submitted ?? {}).length === 0) changes = { ...changes, submitted: undefined };
  return { supType: onlyDate ? 'DUE_DATE_CHANGE' : 'CORRECTION', changes, fixes, unfixed };
}
