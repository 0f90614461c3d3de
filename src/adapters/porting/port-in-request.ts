import { createHash } from 'node:crypto';
import { dueLaterThan, earliestDue, isBusinessDay, nextBusinessDay, toLocal } from '../../domain/porting/business-calendar.js';
import { normTn } from '../../domain/porting/normalisation.js';
import { classifyPort, type DueSpec, type PortKind } from '../../domain/porting/port-kind.js';
import type { PortPolicy } from '../../domain/porting/port-policy.js';
import type { NewPortRequest } from '../../domain/porting/port-request.js';
import type { NumberPortIn } from '../../ports/number-port-in.js';
import type { NewProvider, PortInCustomer, PortingCarrier } from './porting-carrier.js';

type PortInTask = Parameters<NumberPortIn['requestPortIn']>[0];

// The request is created, validated and sent in separate steps (and again after a crash): a due date
// asked for as if received this much later is still allowed when it is sent.
const SEND_MARGIN_MS = 15 * 60_000;

/** The numbers that move, the task's number first, one line each; the billing number is marked when known. */
function portLines(msisdn: string, customer: PortInCustomer): NewPortRequest['lines'] {
  const first = normTn(msisdn) ?? msisdn;
  const tns = [...new Set([first, ...(customer.additionalTns ?? [])])];
  const btn = customer.btn ?? (tns.length === 1 ? first : undefined);
  return tns.map((tn) => ({ tn, isBtn: tn === btn }));
}

/** Wireless, wireline or intermodal (by the losing network), non-simple once the account has more than one line (§4). */
function portKind(carrier: PortingCarrier, accountLineCount: number): PortKind {
  const newNetwork = carrier.network === 'WIRELINE' ? 'WIRELINE' : 'WIRELESS';
  return classifyPort({ newNetwork, oldNetwork: carrier.network, lineFeatures: [], accountLineCount, resellerInvolved: false }).kind;
}

/** The customer's desired due, moved to a business day in the carrier's calendar, unless earlier than the carrier allows. */
export function requestedDue(kind: PortKind, carrier: PortingCarrier, now: number, desiredAt: string | undefined, partial: boolean): DueSpec {
  const cal = carrier.calendar;
  const earliest = earliestDue(kind, now + SEND_MARGIN_MS, cal, partial);
  const ms = desiredAt === undefined ? Number.NaN : Date.parse(desiredAt);
  if (Number.isNaN(ms)) return earliest;
  const day = toLocal(ms, cal.zone).date;
  const desired: DueSpec = kind === 'WIRELESS'
    ? { kind: 'DATETIME', at: new Date(ms).toISOString() }
    : { kind: 'DATE', date: cal.allowWeekendDue || isBusinessDay(day, cal) ? day : nextBusinessDay(day, cal) };
  return dueLaterThan(desired, earliest, cal) ? desired : earliest;
}

/** Stable id part of a task's port request (PON and id). */
function shortId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16).toUpperCase();
}

/**
 * The port request a port-in task starts: one line per number of the item (same account, same
 * losing carrier), the account details the order carries (BTN, partial-port disposition, new BTN),
 * the kind classified from them, and a due date the carrier's calendar allows.
 */
export function portInRequest(
  task: PortInTask, carrier: PortingCarrier, customer: PortInCustomer,
  o: { readonly provider: NewProvider; readonly policy: PortPolicy; readonly now: number },
): NewPortRequest {
  const { additionalTns: _more, remainingTnDisposition, newBtn, ...person } = customer;
  const lines = portLines(task.msisdn, customer);
  const partial = remainingTnDisposition !== undefined;
  const kind = portKind(carrier, lines.length + (partial ? 1 : 0));
  const id = shortId(task.idempotencyKey);
  return {
    id: `port-${id.toLowerCase()}`, pon: `PON-${id}`, kind,
    losingCarrier: { name: carrier.name, spid: carrier.spid, profileId: carrier.profileId, ...(carrier.accountNumberPattern === undefined ? {} : { accountNumberPattern: carrier.accountNumberPattern }) },
    newProvider: o.provider, calendar: carrier.calendar, policy: o.policy,
    submitted: { accountNumber: task.accountNumber, ...(task.pin === undefined ? {} : { pin: task.pin }), ...person },
    lines, partialPort: partial,
    ...(remainingTnDisposition === undefined ? {} : { remainingTnDisposition }), ...(newBtn === undefined ? {} : { newBtn }),
    requestedDue: requestedDue(kind, carrier, o.now, task.desiredAt, partial),
    loa: { signer: customer.authorizedName, signedAt: new Date(o.now).toISOString() }, networkReady: true,
  };
}
