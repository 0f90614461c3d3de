import type { CoordinatorAction } from './port-action.js';
import { endAsCancelled } from './port-flow-activation.js';
import { scheduleTimers } from './port-flow-activation.js';
import { sendSupplement, startResponseTimers, stopResponseTimers } from './port-flow-request.js';
import { documentsProblem, freezeProblem, submitProblem, suppProblem, validationProblems } from './port-guards.js';
import { liveLines } from './port-request.js';
import { clearTimers, iso, move, notify, requestBody, sendCarrier, sendNpac, updateLines, type PortRefusal, type PortStep } from './port-step.js';
import { CANCELLABLE_STATES } from './port-state.js';
import { changedFieldsOf } from './supplement-changes.js';

type Handler<T extends CoordinatorAction['type']> = (step: PortStep, a: Extract<CoordinatorAction, { type: T }>) => PortRefusal | null;

function inState(step: PortStep, guard: string, ...states: string[]): PortRefusal | null {
  return states.includes(step.req.state) ? null : { guard, reason: `not allowed in ${step.req.state}` };
}

const validate: Handler<'validate'> = (step, a) => {
  const bad = inState(step, 'G-VAL', 'DRAFT');
  if (bad !== null) return bad;
  const problems = validationProblems(step.req, a.pinRequired, a.tnsInOtherOpenOrders);
  if (problems.length > 0) return { guard: 'G-VAL', reason: problems.join('; ') };
  move(step, 'VALIDATING');
  updateLines(step, () => true, (l) => ({ ...l, status: 'VALIDATED' }));
  move(step, documentsProblem(step.req, step.now) === null ? 'READY' : 'AWAITING_AUTHORIZATION');
  return null;
};

const loaSigned: Handler<'loaSigned'> = (step, a) => {
  step.req = { ...step.req, loa: { signer: a.signer, signedAt: a.signedAt } };
  if (step.req.state !== 'AWAITING_AUTHORIZATION') return null;
  const problem = documentsProblem(step.req, step.now);
  if (problem !== null) return { guard: 'G-DOCS', reason: problem };
  move(step, 'READY');
  return null;
};

const submit: Handler<'submit'> = (step) => {
  const bad = inState(step, 'G-SUBMIT', 'READY');
  if (bad !== null) return bad;
  const problem = submitProblem(step.req, step.now);
  if (problem !== null) return { guard: 'G-SUBMIT', reason: problem };
  step.req = { ...step.req, submittedAt: iso(step) };
  move(step, 'SUBMITTED');
  updateLines(step, (l) => l.status !== 'REMOVED', (l) => ({ ...l, status: 'REQUESTED' }));
  sendCarrier(step, { type: 'PortRequest', body: requestBody(step.req) });
  startResponseTimers(step);
  notify(step, 'SUBMITTED');
  return null;
};

const resend: Handler<'resend'> = (step) => {
  const bad = inState(step, 'RESEND', 'SUBMITTED', 'DELAYED');
  if (bad !== null) return bad;
  const body = requestBody(step.req);
  // same version, same idempotency key: the carrier applies it at most once
  if (step.req.version === 1) sendCarrier(step, { type: 'PortRequest', body });
  else sendCarrier(step, { type: 'PortSupplement', supType: 'CORRECTION', body, changedFields: [] });
  return null;
};

const correct: Handler<'correct'> = (step, a) => {
  const bad = inState(step, 'G-SUPP', 'REJECTED');
  if (bad !== null) return bad;
  const problem = suppProblem(step.req, changedFieldsOf(a.changes), a.overrideNote);
  if (problem !== null) return { guard: 'G-SUPP', reason: problem };
  if (a.overrideNote !== undefined) step.req = { ...step.req, notes: [...step.req.notes, `override: ${a.overrideNote}`] };
  sendSupplement(step, 'CORRECTION', a.changes);
  return null;
};

const changeDueDate: Handler<'changeDueDate'> = (step, a) => {
  // Not yet sent to the carrier: the request simply takes the new due date (no supplement).
  if (['DRAFT', 'AWAITING_AUTHORIZATION', 'READY'].includes(step.req.state)) {
    step.req = { ...step.req, requestedDue: a.due, ...(a.overrideNote === undefined ? {} : { notes: [...step.req.notes, `override: ${a.overrideNote}`] }) };
    return null;
  }
  const bad = inState(step, 'G-SUPP', 'REJECTED', 'FOC_CONFIRMED', 'SCHEDULED', 'CONFLICT');
  if (bad !== null) return bad;
  const frozen = freezeProblem(step.req, step.now, step.req.policy.suppFreezeHours, a.overrideNote);
  if (frozen !== null) return { guard: 'G-FREEZE', reason: frozen };
  if (a.overrideNote !== undefined) step.req = { ...step.req, notes: [...step.req.notes, `override: ${a.overrideNote}`] };
  sendSupplement(step, 'DUE_DATE_CHANGE', { requestedDue: a.due });
  return null;
};

function svTns(step: PortStep, ...statuses: string[]): string[] {
  return liveLines(step.req).filter((l) => l.sv !== undefined && statuses.includes(l.sv.status)).map((l) => l.tn);
}

/** States of a request never sent to the carrier: a cancel withdraws it here, with nothing to send. */
const UNSENT_STATES: readonly string[] = ['DRAFT', 'AWAITING_AUTHORIZATION', 'READY'];

const cancel: Handler<'cancel'> = (step, a) => {
  const r = step.req;
  if (UNSENT_STATES.includes(r.state)) {
    // Withdrawn before submission (its order was cancelled or failed): the carrier never saw it, and
    // a request left in DRAFT would hold its numbers against every later port order (I6).
    step.req = { ...r, notes: [...r.notes, `withdrawn before submission${a.overrideNote === undefined ? '' : `: ${a.overrideNote}`}`] };
    endAsCancelled(step);
    return null;
  }
  if (r.state === 'REJECTED') {
    step.req = { ...r, version: r.version + 1 };
    sendCarrier(step, { type: 'PortSupplement', supType: 'CANCEL', body: requestBody(step.req), changedFields: [] });
    endAsCancelled(step);
    return null;
  }
  const bad = inState(step, 'G-FREEZE', ...CANCELLABLE_STATES);
  if (bad !== null) return bad;
  const frozen = freezeProblem(r, step.now, r.policy.cancelFreezeHours, a.overrideNote);
  if (frozen !== null) return { guard: 'G-FREEZE', reason: frozen };
  step.req = { ...r, priorState: r.state, cancelInitiator: 'NEW', carrierCancelAcked: false, version: r.version + 1 };
  move(step, 'CANCEL_PENDING');
  stopResponseTimers(step);
  clearTimers(step, 'DUE_START', 'NETWORK_READY_CHECK', 'DUE_PASSED');
  sendCarrier(step, { type: 'PortSupplement', supType: 'CANCEL', body: requestBody(step.req), changedFields: [] });
  const tns = svTns(step, 'pending', 'conflict');
  if (tns.length > 0) sendNpac(step, { type: 'SvCancel', pon: r.pon, tns }, `v${step.req.version}`);
  return null;
};

const cancelUndo: Handler<'cancelUndo'> = (step) => {
  const r = step.req;
  if (r.state !== 'CANCEL_PENDING' || r.cancelInitiator !== 'NEW' || r.priorState === undefined) {
    return { guard: 'G-CANCEL-UNDO', reason: 'only a cancel we started can be undone' };
  }
  const tns = svTns(step, 'cancel-pending');
  if (tns.length === 0 && r.confirmedDue !== undefined) return { guard: 'G-CANCEL-UNDO', reason: 'no subscription version is still cancel-pending' };
  move(step, r.priorState);
  step.req = { ...step.req, version: r.version + 1, cancelInitiator: undefined, priorState: undefined, carrierCancelAcked: undefined };
  if (tns.length > 0) sendNpac(step, { type: 'SvCancelUndo', pon: r.pon, tns }, `v${step.req.version}`);
  sendCarrier(step, { type: 'PortSupplement', supType: 'CANCEL_UNDO', body: requestBody(step.req), changedFields: [] });
  if (step.req.state === 'SCHEDULED') scheduleTimers(step);
  if (step.req.state === 'SUBMITTED' || step.req.state === 'DELAYED') startResponseTimers(step);
  return null;
};

const acknowledgeCancel: Handler<'acknowledgeCancel'> = (step) => {
  const r = step.req;
  if (r.state !== 'CANCEL_PENDING' || r.cancelInitiator !== 'OLD') return { guard: 'G-CANCEL-ACK', reason: 'no losing-side cancel to acknowledge' };
  const tns = svTns(step, 'cancel-pending', 'pending');
  if (tns.length > 0) sendNpac(step, { type: 'SvCancelAck', pon: r.pon, tns }, `v${r.version}`);
  endAsCancelled(step);
  return null;
};

const disputeCancel: Handler<'disputeCancel'> = (step, a) => {
  if (step.req.cancelInitiator !== 'OLD') return { guard: 'G-CANCEL-ACK', reason: 'no losing-side cancel to dispute' };
  step.req = { ...step.req, notes: [...step.req.notes, `cancel disputed: ${a.note}`] };
  return null;
};

/** Handlers of the request-side coordinator actions. */
export const REQUEST_ACTIONS = {
  validate, loaSigned, submit, resend, correct, changeDueDate, cancel, cancelUndo, acknowledgeCancel, disputeCancel,
};
