import { addBusinessDays, addBusinessHours, addHoursExcludingNonBusinessDays, dueLaterThan, dueStart, effectiveReceipt } from './business-calendar.js';
import { proposeCorrection } from './auto-correction.js';
import { isSimpleKind, type DueSpec } from './port-kind.js';
import type { CarrierReason } from './port-message.js';
import type { SupplementType } from './port-message.js';
import { scheduleIfReady } from './port-flow-activation.js';
import {
  clearJeopardy, clearTimers, move, notify, openCase, raise, requestBody, sendCarrier, sendNpac, setTimer, updateLines, type PortStep,
} from './port-step.js';
import { REJECT_REASONS, isRejectReason, type FixableBy, type ReasonInstance } from './reason-code.js';
import { applyChanges, changedFieldsOf, type SupplementChanges } from './supplement-changes.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Starts the carrier response deadline and the FOC_DUE_SOON warning for the current version. */
export function startResponseTimers(step: PortStep): void {
  const r = step.req;
  const p = r.policy;
  const deadline =
    r.kind === 'WIRELESS' ? step.now + p.wirelessResponseMinutes * MINUTE
    : isSimpleKind(r.kind) ? addBusinessHours(step.now, p.simpleResponseBusinessHours, r.calendar)
    : addHoursExcludingNonBusinessDays(step.now, p.nonSimpleResponseHours, r.calendar);
  setTimer(step, 'CARRIER_RESPONSE_DUE', deadline);
  setTimer(step, 'FOC_DUE_SOON', step.now + Math.round((deadline - step.now) * p.focDueSoonFraction));
}

/** Stops the response deadlines after an answer. */
export function stopResponseTimers(step: PortStep): void {
  clearTimers(step, 'CARRIER_RESPONSE_DUE', 'FOC_DUE_SOON', 'DELAY_ANSWER_DUE');
  clearJeopardy(step, 'OSP_IRRESPONSIVE', 'FOC_DUE_SOON');
}

/** Sends version v+1 with the changes and waits for the answer (T12, T20). */
export function sendSupplement(step: PortStep, supType: SupplementType, changes: SupplementChanges): void {
  const changedFields = changedFieldsOf(changes);
  step.req = { ...applyChanges(step.req, changes), version: step.req.version + 1, currentReasons: [] };
  clearTimers(step, 'REJECT_ABANDON', 'DUE_START', 'NETWORK_READY_CHECK', 'DUE_PASSED');
  move(step, 'SUBMITTED');
  updateLines(step, (l) => l.status === 'REJECTED' || l.status === 'NEW' || l.status === 'VALIDATED', (l) => ({ ...l, status: 'REQUESTED' }));
  sendCarrier(step, { type: 'PortSupplement', supType, body: requestBody(step.req), changedFields });
  startResponseTimers(step);
}

/** Flags a confirmed date later than requested, and one beyond any regulatory interval. */
function flagCounterDate(step: PortStep, focDue: DueSpec): void {
  const r = step.req;
  if (!dueLaterThan(focDue, r.requestedDue, r.calendar)) return;
  raise(step, 'COUNTER_DATE', `confirmed ${describe(focDue)}, requested ${describe(r.requestedDue)}`);
  if (focDue.kind !== 'DATE' || r.submittedAt === undefined) return;
  const receipt = effectiveReceipt(Date.parse(r.submittedAt), r.calendar).date;
  const ceiling = addBusinessDays(receipt, r.policy.exceedsRuleBusinessDays, r.calendar);
  if (focDue.date > ceiling) raise(step, 'COUNTER_DATE_EXCEEDS_RULE', `confirmed ${focDue.date} is after ${ceiling}`);
}

function describe(d: DueSpec): string {
  return d.kind === 'DATE' ? d.date : d.at;
}

/** T08: confirmation of the current version; creates (or modifies, I2) the SVs. */
export function onConfirm(step: PortStep, focDue: DueSpec): void {
  stopResponseTimers(step);
  flagCounterDate(step, focDue);
  const previous = step.req.confirmedDue;
  step.req = { ...step.req, confirmedDue: focDue, currentReasons: [] };
  move(step, 'FOC_CONFIRMED');
  const r = step.req;
  const timerSet = r.kind === 'WIRELESS' ? 'SHORT' : isSimpleKind(r.kind) ? 'MEDIUM' : 'LONG';
  for (const l of r.lines) {
    if (l.status === 'REMOVED') continue;
    const svLive = l.sv !== undefined && l.sv.status !== 'canceled' && l.sv.status !== 'old';
    if (!svLive) {
      sendNpac(step, { type: 'SvCreate', pon: r.pon, tn: l.tn, lrn: r.newProvider.lrn, newSpid: r.newProvider.spid,
        oldSpid: r.losingCarrier.spid, due: focDue, timerSet }, `${l.tn}:v${r.version}`);
    } else if (previous === undefined || describe(previous) !== describe(focDue)) {
      sendNpac(step, { type: 'SvModify', pon: r.pon, tn: l.tn, due: focDue }, `${l.tn}:v${r.version}`);
    }
  }
  updateLines(step, (l) => l.status === 'REQUESTED' || l.status === 'REJECTED', (l) => ({ ...l, status: 'CONFIRMED' }));
  setTimer(step, 'PENDING_PURGE', dueStart(focDue, r.calendar) + r.policy.pendingPurgeDays * DAY);
  notify(step, 'FOC_CONFIRMED');
  scheduleIfReady(step);
}

/** Turns carrier reasons into reason instances of the current version. */
export function toReasons(reasons: readonly CarrierReason[], version: number): ReasonInstance[] {
  return reasons.map((x) => {
    const def = isRejectReason(x.code) ? REJECT_REASONS[x.code] : undefined;
    return { ...x, fields: x.fields.length > 0 ? x.fields : def?.fields ?? [], fixableBy: x.fixableBy ?? def?.fixableBy ?? 'COORDINATOR', version };
  });
}

function caseOwner(reasons: readonly ReasonInstance[]): FixableBy {
  return reasons.some((x) => x.fixableBy === 'CUSTOMER') ? 'CUSTOMER' : reasons[0]?.fixableBy ?? 'COORDINATOR';
}

/** T07/T09/T36: a reject; counts PIN failures, then corrects automatically or opens a fallout case. */
export function onReject(step: PortStep, reasons: readonly ReasonInstance[], now: number): void {
  stopResponseTimers(step);
  clearTimers(step, 'DUE_START', 'NETWORK_READY_CHECK', 'DUE_PASSED', 'PENDING_PURGE');
  const pinFailures = step.req.pinFailures + reasons.filter((x) => x.code === 'PIN_INVALID').length;
  step.req = { ...step.req, currentReasons: reasons, pinFailures };
  const locked = reasons.some((x) => x.code === 'PORT_OUT_LOCKED');
  if (pinFailures >= step.req.policy.fraudPinFailures || (locked && pinFailures > 0)) {
    raise(step, 'FRAUD_SIGNAL', `${pinFailures} PIN failure(s)${locked ? ', then a port-out lock' : ''}`);
  }
  move(step, 'REJECTED');
  updateLines(step, (l) => l.status !== 'REMOVED', (l) => ({ ...l, status: 'REJECTED' }));
  setTimer(step, 'REJECT_ABANDON', now + step.req.policy.rejectAbandonDays * DAY);
  const fix = proposeCorrection(step.req, reasons, now);
  if (step.req.policy.autoCorrect && fix.unfixed.length === 0 && fix.fixes.length > 0 && step.req.autoCorrections < 3) {
    step.req = { ...step.req, autoCorrections: step.req.autoCorrections + 1,
      notes: [...step.req.notes, `automatic correction: ${fix.fixes.map((f) => `${f.code} (${f.rule})`).join('; ')}`] };
    sendSupplement(step, fix.supType, fix.changes);
    return;
  }
  const codes = reasons.map((x) => x.code).join(', ');
  openCase(step, caseOwner(reasons), reasons, `port ${step.req.pon} v${step.req.version} rejected: ${codes}`);
}
