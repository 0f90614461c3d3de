import type { DueSpec, PortKind } from './port-kind.js';
import type { PortCustomerData, PortRequest } from './port-request.js';

/** What a correction or due-date supplement changes. */
export interface SupplementChanges {
  readonly submitted?: Partial<PortCustomerData>;
  readonly requestedDue?: DueSpec;
  readonly kind?: PortKind;
  readonly partialPort?: boolean;
  readonly remainingTnDisposition?: 'KEEP_WITH_OLD_PROVIDER' | 'DISCONNECT';
  readonly newBtn?: string;
  /** TNs dropped from the request (split off or removed). */
  readonly removeTns?: readonly string[];
}

/** Canonical field paths a change touches (used by G-SUPP and sent as `changedFields`). */
export function changedFieldsOf(c: SupplementChanges): string[] {
  const fields = Object.keys(c.submitted ?? {}).map((k) => `submitted.${k}`);
  if (c.requestedDue !== undefined) fields.push('requestedDue');
  if (c.kind !== undefined) fields.push('kind');
  if (c.partialPort !== undefined) fields.push('partialPort');
  if (c.remainingTnDisposition !== undefined) fields.push('remainingTnDisposition');
  if (c.newBtn !== undefined) fields.push('newBtn');
  if (c.removeTns !== undefined && c.removeTns.length > 0) fields.push('lines');
  return fields;
}

/** Applies changes to a request (no version or state change here). */
export function applyChanges(r: PortRequest, c: SupplementChanges): PortRequest {
  const removed = new Set(c.removeTns ?? []);
  return {
    ...r,
    submitted: { ...r.submitted, ...c.submitted },
    requestedDue: c.requestedDue ?? r.requestedDue,
    kind: c.kind ?? r.kind,
    partialPort: c.partialPort ?? r.partialPort,
    remainingTnDisposition: c.remainingTnDisposition ?? r.remainingTnDisposition,
    newBtn: c.newBtn ?? r.newBtn,
    lines: r.lines.map((l) => (removed.has(l.tn) ? { ...l, status: 'REMOVED' as const } : l)),
  };
}
