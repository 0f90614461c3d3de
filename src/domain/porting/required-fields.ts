import { normTn } from './normalisation.js';
import type { PortKind } from './port-kind.js';
import type { PortCustomerData } from './port-request.js';

/** Customer fields each kind requires (§5.4, BP 33); `accountOrSsn` means one of the three. */
export const REQUIRED_FIELDS = {
  WIRELESS: ['accountOrSsn', 'authorizedName', 'serviceAddress.postalCode'],
  WIRELINE_SIMPLE: ['accountNumber', 'authorizedName', 'serviceAddress.postalCode', 'serviceAddress.line1'],
  WIRELINE_NON_SIMPLE: ['accountNumber', 'authorizedName', 'serviceAddress.postalCode', 'serviceAddress.line1', 'btn'],
  INTERMODAL_SIMPLE: ['accountNumber', 'authorizedName', 'serviceAddress.postalCode', 'serviceAddress.line1'],
  INTERMODAL_NON_SIMPLE: ['accountNumber', 'authorizedName', 'serviceAddress.postalCode', 'serviceAddress.line1', 'btn'],
} as const satisfies Record<PortKind, readonly string[]>;

function blank(v: string | undefined): boolean {
  return v === undefined || v.trim() === '';
}

/** Required fields missing for a kind (plus the PIN when the carrier requires one). */
export function missingFields(kind: PortKind, data: PortCustomerData, pinRequired: boolean): string[] {
  const missing: string[] = [];
  for (const f of REQUIRED_FIELDS[kind]) {
    const absent =
      f === 'accountOrSsn' ? blank(data.accountNumber) && blank(data.ssnLast4) && blank(data.taxId)
      : f === 'accountNumber' ? blank(data.accountNumber)
      : f === 'authorizedName' ? blank(data.authorizedName)
      : f === 'btn' ? blank(data.btn)
      : f === 'serviceAddress.line1' ? blank(data.serviceAddress.line1)
      : blank(data.serviceAddress.postalCode);
    if (absent) missing.push(f);
  }
  if (pinRequired && blank(data.pin)) missing.push('pin');
  return missing;
}

/** TNs that are not valid 10-digit NANP numbers. */
export function invalidTns(tns: readonly string[]): string[] {
  return tns.filter((t) => normTn(t) !== t);
}
