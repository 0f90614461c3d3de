import type { InboundCarrierMessage, InboundEnvelope } from './port-message.js';
import { finishCancelIfDone } from './port-flow-activation.js';
import { onConfirm, onReject, toReasons } from './port-flow-request.js';
import { liveLines } from './port-request.js';
import { clearTimers, move, openCase, raise, sendNpac, setTimer, type PortStep } from './port-step.js';
import { reason } from './reason-code.js';

type CarrierMessage = InboundEnvelope & InboundCarrierMessage;

function onAck(step: PortStep, m: CarrierMessage & { type: 'PortRequestAck' }): void {
  const r = step.req;
  if (r.state === 'CANCEL_PENDING' && r.cancelInitiator === 'NEW' && m.result === 'ACCEPTED_FOR_PROCESSING') {
    step.req = { ...r, carrierCancelAcked: true };
    return finishCancelIfDone(step);
  }
  if (m.result !== 'SYNTAX_ERROR' || r.state !== 'SUBMITTED') return;
  const errors = m.errors.length > 0 ? m.errors : [{ code: 'SYNTAX_ERROR' as const, fields: [] }];
  // a first-level edit failure is not a business decision: the coordinator fixes the data entry
  onReject(step, toReasons(errors, r.version).map((x) => ({ ...x, fixableBy: 'COORDINATOR' as const })), step.now);
}

function onConfirmMessage(step: PortStep, m: CarrierMessage & { type: 'PortResponse'; response: 'CONFIRM' }): void {
  const r = step.req;
  if (r.state === 'SUBMITTED' || r.state === 'DELAYED') return onConfirm(step, m.focDue);
  if (r.state === 'CANCEL_PENDING' && r.cancelInitiator === 'NEW') {
    step.req = { ...r, carrierCancelAcked: true };
    return finishCancelIfDone(step);
  }
  if (r.state !== 'FOC_CONFIRMED' && r.state !== 'SCHEDULED' && r.state !== 'CONFLICT') return;
  // reconfirmation of a reinstated version (after cancel-undo): keep the state, follow a changed date (I2)
  const changed = JSON.stringify(r.confirmedDue) !== JSON.stringify(m.focDue);
  step.req = { ...r, confirmedDue: m.focDue };
  if (!changed) return;
  for (const l of liveLines(step.req)) sendNpac(step, { type: 'SvModify', pon: r.pon, tn: l.tn, due: m.focDue }, `${l.tn}:v${r.version}`);
}

function onDelay(step: PortStep, m: CarrierMessage & { type: 'PortResponse'; response: 'DELAY' }): void {
  if (step.req.state !== 'SUBMITTED' && step.req.state !== 'DELAYED') return;
  clearTimers(step, 'CARRIER_RESPONSE_DUE', 'FOC_DUE_SOON');
  if (step.req.state === 'SUBMITTED') move(step, 'DELAYED');
  step.req = { ...step.req, notes: [...step.req.notes, `carrier delay ${m.delayReason}, answer due ${m.answerDueAt}`] };
  setTimer(step, 'DELAY_ANSWER_DUE', Date.parse(m.answerDueAt));
}

function onCancelNotice(step: PortStep, m: CarrierMessage & { type: 'CancelNotice' }): void {
  const r = step.req;
  if (r.state !== 'FOC_CONFIRMED' && r.state !== 'SCHEDULED') {
    openCase(step, 'COORDINATOR', [], `losing carrier cancelled ${r.pon} in ${r.state}: ${m.text ?? ''}`);
    return;
  }
  step.req = { ...r, priorState: r.state, cancelInitiator: 'OLD' };
  move(step, 'CANCEL_PENDING');
  clearTimers(step, 'DUE_START', 'NETWORK_READY_CHECK');
  openCase(step, 'COORDINATOR', [], `losing carrier cancelled ${r.pon} (${m.text ?? 'no reason given'}): acknowledge or dispute`);
}

function onFocRevoked(step: PortStep): void {
  const r = step.req;
  if (r.state !== 'FOC_CONFIRMED' && r.state !== 'SCHEDULED') return;
  onReject(step, [reason('FOC_EXPIRED', r.version, { text: 'FOC revoked by the losing carrier' })], step.now);
}

/** Applies a carrier message of the current version (T07-T11, T33, T36). */
export function reduceCarrierMessage(step: PortStep, m: CarrierMessage): void {
  switch (m.type) {
    case 'PortRequestAck':
      return onAck(step, m);
    case 'PortResponse':
      if (m.response === 'CONFIRM') return onConfirmMessage(step, m);
      if (m.response === 'DELAY') return onDelay(step, m);
      if (step.req.state === 'SUBMITTED' || step.req.state === 'DELAYED') onReject(step, toReasons(m.reasons, step.req.version), step.now);
      return;
    case 'CancelNotice':
      return onCancelNotice(step, m);
    case 'FocRevoked':
      return onFocRevoked(step);
    case 'PortOutCompleted':
      step.req = { ...step.req, notes: [...step.req.notes, `losing side disconnected; messaging release ${m.messagingReleaseAt ?? 'immediate'}`] };
      return;
    case 'SnapbackResponse':
      if (!m.accepted && step.req.state === 'SNAPBACK_IN_PROGRESS') {
        raise(step, 'OSP_IRRESPONSIVE', 'snap-back declined by the losing carrier');
        openCase(step, 'COORDINATOR', [], `snap-back of ${step.req.pon} declined: escalate`);
      }
      return;
  }
}

