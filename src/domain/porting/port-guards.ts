import { dueDateProblem } from './business-calendar.js';
import { isSimpleKind } from './port-kind.js';
import type { PortRequest } from './port-request.js';
import { liveLines } from './port-request.js';
import { confirmedDueStart } from './port-step.js';
import { invalidTns, missingFields } from './required-fields.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Problems found by G-VAL (§6.3): TN format, required fields, kind vs features, open orders for the TN (I6). */
export function validationProblems(r: PortRequest, pinRequired: boolean, tnsInOtherOpenOrders: readonly string[]): string[] {
  const tns = liveLines(r).map((l) => l.tn);
  const problems: string[] = [];
  if (tns.length === 0) problems.push('no telephone numbers');
  for (const tn of invalidTns(tns)) problems.push(`${tn} is not a 10-digit NANP number`);
  for (const f of missingFields(r.kind, r.submitted, pinRequired)) problems.push(`missing ${f}`);
  for (const tn of tns.filter((t) => tnsInOtherOpenOrders.includes(t))) problems.push(`${tn} is already in another open port order`);
  if (isSimpleKind(r.kind) && tns.length > 1) problems.push('a simple port has a single line');
  if (r.partialPort && r.remainingTnDisposition === undefined) problems.push('partial port without a disposition for the remaining numbers');
  return problems;
}

/** G-DOCS: a signed LOA whose signer matches the authorised name, not older than `maxAgeDays`. */
export function documentsProblem(r: PortRequest, now: number, maxAgeDays = 30): string | null {
  if (r.loa === undefined) return 'no signed LOA';
  if (r.loa.signer.trim().toUpperCase() !== r.submitted.authorizedName.trim().toUpperCase()) return 'LOA signer is not the authorised name';
  if (now - Date.parse(r.loa.signedAt) > maxAgeDays * DAY) return `LOA is older than ${maxAgeDays} days`;
  return null;
}

/** G-SUBMIT: the requested due date is allowed now. */
export function submitProblem(r: PortRequest, now: number): string | null {
  return dueDateProblem(r.requestedDue, r.kind, now, r.calendar, r.partialPort);
}

/** A freeze-window check before the confirmed due time; null when outside or overridden. */
export function freezeProblem(r: PortRequest, now: number, hours: number, overrideNote?: string): string | null {
  const start = confirmedDueStart(r);
  if (start === undefined || now < start - hours * HOUR) return null;
  if (overrideNote !== undefined && overrideNote.trim() !== '') return null;
  return `inside the ${hours} h freeze before the due time; a coordinator override with a note is required`;
}

/** G-SUPP: the change touches a field named by a current reason, unless overridden. */
export function suppProblem(r: PortRequest, changedFields: readonly string[], overrideNote?: string): string | null {
  if (overrideNote !== undefined && overrideNote.trim() !== '') return null;
  if (r.currentReasons.length === 0) return null;
  const named = r.currentReasons.flatMap((x) => x.fields);
  const touches = changedFields.some((f) => named.some((n) => f === n || f.startsWith(`${n}.`) || n.startsWith(`${f}.`)));
  return touches ? null : `the change touches none of the rejected fields (${named.join(', ')})`;
}

/** G-CONFLICT (§6.3): restriction elapsed, contact logged; restricted causes also need an override note. */
export function conflictRemovalProblem(r: PortRequest, tn: string, now: number, contactLogged: boolean, overrideNote?: string): string | null {
  const line = r.lines.find((l) => l.tn === tn);
  const sv = line?.sv;
  if (sv?.status !== 'conflict') return `${tn} is not in conflict`;
  const setAt = sv.conflictSetAt === undefined ? now : Date.parse(sv.conflictSetAt);
  if (now < setAt + r.policy.conflictNewSpRestrictionHours * HOUR) {
    return `conflict removal is restricted for ${r.policy.conflictNewSpRestrictionHours} h after it was set`;
  }
  if (!contactLogged) return 'record contact with the old provider first';
  const restricted = sv.conflictCause !== undefined && r.policy.restrictedConflictCauses.includes(sv.conflictCause);
  if (restricted && (overrideNote === undefined || overrideNote.trim() === '')) {
    return `conflict cause ${sv.conflictCause} is restricted: investigate and add a note`;
  }
  return null;
}

/** G-ACTIVATE (§6.3): due time reached, every SV activatable, no conflict, readiness done, within grace. */
export function activationProblem(r: PortRequest, now: number): string | null {
  const start = confirmedDueStart(r);
  if (start === undefined) return 'no confirmed due date';
  if (now < start) return `the due time ${new Date(start).toISOString()} has not been reached`;
  if (now > start + r.policy.activationGraceDays * DAY) return 'the due date has passed: ask the carrier to revalidate';
  for (const l of liveLines(r)) {
    if (l.sv === undefined) return `${l.tn} has no subscription version`;
    if (l.sv.status !== 'pending') return `${l.tn} subscription version is ${l.sv.status}`;
    if (!l.sv.concurred && !l.sv.activatable) return `${l.tn}: the old provider has not concurred and T2 has not expired`;
    const notReady = Object.entries(l.readiness).filter(([, done]) => !done).map(([k]) => k);
    if (notReady.length > 0) return `${l.tn} network readiness incomplete: ${notReady.join(', ')}`;
  }
  return null;
}
