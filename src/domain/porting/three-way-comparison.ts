import { addressesMatch, namesMatch, normAccount, normName, normStreet, normTn, normZip, type PostalAddress } from './normalisation.js';
import type { PortRequest } from './port-request.js';
import type { ReasonInstance } from './reason-code.js';

/** One row of the coordinator's submitted / account record / carrier reject comparison (§15.3). */
export interface ComparisonRow {
  readonly field: string;
  readonly submitted?: string;
  readonly record?: string;
  readonly normalizedSubmitted?: string;
  readonly normalizedRecord?: string;
  /** Whether the values match at ADDRESS_NORMALIZED (Provisio's own pre-submit level). */
  readonly match: boolean | 'unknown';
  /** Reject reasons of the current version naming this field. */
  readonly rejectedBy: readonly { readonly code: string; readonly carrierNativeCode?: string; readonly text?: string }[];
}

function addr(a: PostalAddress): string {
  return [a.line1, a.line2, a.city, a.state, a.postalCode].filter((x) => x !== undefined && x !== '').join(', ');
}

function normAddr(a: PostalAddress): string {
  const s = normStreet(a.line1, a.line2);
  return [s.street, s.unit, normZip(a.postalCode)].filter((x) => x !== '').join(' ');
}

function row(field: string, sub: string | undefined, rec: string | undefined, norm: (v: string) => string, eq: (a: string, b: string) => boolean,
  reasons: readonly ReasonInstance[]): ComparisonRow {
  const rejectedBy = reasons.filter((x) => x.fields.some((f) => f === field || f.startsWith(`${field}.`) || field.startsWith(`${f}.`)))
    .map((x) => ({ code: x.code, carrierNativeCode: x.carrierNativeCode, text: x.text }));
  return {
    field, submitted: sub, record: rec,
    normalizedSubmitted: sub === undefined ? undefined : norm(sub), normalizedRecord: rec === undefined ? undefined : norm(rec),
    match: sub === undefined || rec === undefined ? 'unknown' : eq(sub, rec), rejectedBy,
  };
}

/** Field-by-field comparison of what we submitted, the carrier's account record and the current reject reasons. */
export function compareThreeWay(r: PortRequest): ComparisonRow[] {
  const s = r.submitted;
  const rec = r.accountRecord;
  const reasons = r.currentReasons;
  const same = (a: string, b: string): boolean => a === b;
  const tnList = r.lines.filter((l) => l.status !== 'REMOVED').map((l) => l.tn);
  const recordName = rec?.authorizedNames.find((n) => namesMatch(n, s.authorizedName, 'ADDRESS_NORMALIZED')) ?? rec?.authorizedNames[0];
  return [
    row('submitted.accountNumber', s.accountNumber, rec?.accountNumber, (v) => normAccount(v), (a, b) => normAccount(a) === normAccount(b), reasons),
    row('submitted.authorizedName', s.authorizedName, recordName, (v) => normName(v), (a, b) => namesMatch(a, b, 'ADDRESS_NORMALIZED'), reasons),
    row('submitted.businessName', s.businessName, rec?.businessName, (v) => normName(v, true), (a, b) => namesMatch(a, b, 'LENIENT'), reasons),
    {
      ...row('submitted.serviceAddress', addr(s.serviceAddress), rec === undefined ? undefined : addr(rec.serviceAddress), (v) => v, same, reasons),
      normalizedSubmitted: normAddr(s.serviceAddress),
      normalizedRecord: rec === undefined ? undefined : normAddr(rec.serviceAddress),
      match: rec === undefined ? 'unknown' : addressesMatch(s.serviceAddress, rec.serviceAddress, 'ADDRESS_NORMALIZED'),
    },
    row('submitted.serviceAddress.postalCode', s.serviceAddress.postalCode, rec?.serviceAddress.postalCode, normZip, (a, b) => normZip(a) === normZip(b), reasons),
    row('submitted.btn', s.btn, rec?.btn, (v) => normTn(v) ?? v, (a, b) => normTn(a) === normTn(b), reasons),
    row('lines', tnList.join(' '), rec?.tns.join(' '), (v) => v, (a, b) => a.split(' ').every((tn) => b.split(' ').includes(tn)), reasons),
  ];
}
