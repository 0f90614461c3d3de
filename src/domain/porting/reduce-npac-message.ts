import type { InboundEnvelope, InboundNpacMessage } from './port-message.js';
import { endAsCancelled, finishCancelIfDone, rollUpActivation, scheduleIfReady } from './port-flow-activation.js';
import { liveLines, type LineSv, type PortLine } from './port-request.js';
import type { LineState, SvStatus } from './port-state.js';
import { clearTimers, move, notify, openCase, raise, updateLines, type PortStep } from './port-step.js';

type NpacMessage = InboundEnvelope & InboundNpacMessage;
type StatusChange = NpacMessage & { type: 'SvStatusChanged' };

const LINE_FOR_STATUS: Partial<Record<SvStatus, LineState>> = {
  pending: 'SV_PENDING', conflict: 'SV_CONFLICT', 'cancel-pending': 'SV_CANCEL_PENDING', canceled: 'CANCELLED',
  active: 'ACTIVE', 'partial-failure': 'ACTIVE_BROADCAST_PARTIAL', failed: 'ACTIVATION_FAILED',
};

function nextSv(l: PortLine, m: StatusChange, nowIso: string): LineSv {
  const prev = l.sv;
  const enteringConflict = m.status === 'conflict' && prev?.status !== 'conflict';
  return {
    svId: m.svId, status: m.status, concurred: m.concurred ?? prev?.concurred ?? false, activatable: prev?.activatable ?? false,
    conflictCause: m.status === 'conflict' ? m.cause ?? prev?.conflictCause : undefined,
    conflictSetAt: m.status === 'conflict' ? (enteringConflict ? nowIso : prev?.conflictSetAt) : undefined,
    failedLsms: m.failedLsms,
  };
}

function enterConflict(step: PortStep, m: StatusChange): void {
  const r = step.req;
  const cancelAckMissing = r.state === 'CANCEL_PENDING' && r.cancelInitiator === 'OLD';
  if (r.state !== 'FOC_CONFIRMED' && r.state !== 'SCHEDULED' && !cancelAckMissing) return;
  move(step, 'CONFLICT');
  clearTimers(step, 'DUE_START', 'NETWORK_READY_CHECK');
  const code = cancelAckMissing ? 'SV_CANCEL_ACK_MISSING' : m.cause === 50 ? 'SV_CONFLICT_LSR_NOT_RECEIVED' : 'SV_CONFLICT_OTHER';
  raise(step, 'SV_CONFLICT', `${m.tn} in conflict (cause ${m.cause ?? 'none'})`);
  openCase(step, 'COORDINATOR', [{ code, fields: [], tn: m.tn, fixableBy: 'COORDINATOR', version: r.version, carrierNativeCode: m.cause?.toString() }],
    `${m.tn} conflict: contact the old provider; removal only by a coordinator after ${r.policy.conflictNewSpRestrictionHours} h`);
}

function onCanceled(step: PortStep): void {
  const r = step.req;
  if (r.state === 'CANCEL_PENDING') return finishCancelIfDone(step);
  const allCanceled = liveLines(r).every((l) => l.sv?.status === 'canceled');
  if (!allCanceled) return;
  if (r.state === 'CONFLICT') return endAsCancelled(step);
  if (r.state === 'FOC_CONFIRMED' || r.state === 'SCHEDULED') {
    // the clearinghouse purged SVs never activated (30 days after the due date)
    move(step, 'ABANDONED');
    clearTimers(step, ...step.req.timers.map((t) => t.name));
    notify(step, 'ABANDONED');
  }
}

function onSnapbackStatus(step: PortStep, m: StatusChange): void {
  const ours = m.newSpid === step.req.newProvider.spid;
  if ((ours && m.status === 'old') || (!ours && m.status === 'active')) {
    updateLines(step, (l) => l.tn === m.tn, (l) => ({ ...l, status: 'SNAPPED_BACK', sv: ours ? { ...(l.sv as LineSv), status: 'old' } : l.sv }));
  }
  if (liveLines(step.req).every((l) => l.status === 'SNAPPED_BACK')) {
    move(step, 'RESTORED');
    clearTimers(step, ...step.req.timers.map((t) => t.name));
    notify(step, 'RESTORED');
  }
}

function onStatusChanged(step: PortStep, m: StatusChange): void {
  if (step.req.state === 'SNAPBACK_IN_PROGRESS') return onSnapbackStatus(step, m);
  if (m.newSpid !== step.req.newProvider.spid) return;
  const nowIso = new Date(step.now).toISOString();
  const lineStatus = LINE_FOR_STATUS[m.status];
  updateLines(step, (l) => l.tn === m.tn && l.status !== 'REMOVED', (l) => ({
    ...l, sv: nextSv(l, m, nowIso), status: lineStatus ?? l.status, activatedAt: m.status === 'active' ? nowIso : l.activatedAt,
  }));
  switch (m.status) {
    case 'pending':
      return scheduleIfReady(step);
    case 'conflict':
      return enterConflict(step, m);
    case 'canceled':
      return onCanceled(step);
    case 'active':
    case 'partial-failure':
    case 'failed':
      return rollUpActivation(step);
    case 'cancel-pending':
    case 'sending':
    case 'old':
    case 'disconnect-pending':
      return;
  }
}

/** Applies a clearinghouse notification (T15-T19, T22-T24, T29, T31, T35). */
export function reduceNpacMessage(step: PortStep, m: NpacMessage): void {
  switch (m.type) {
    case 'SvStatusChanged':
      return onStatusChanged(step, m);
    case 'SvFinalWindowExpired':
      if (m.silentParty !== 'OLD') return;
      updateLines(step, (l) => l.tn === m.tn && l.sv !== undefined, (l) => ({ ...l, sv: { ...(l.sv as LineSv), activatable: true } }));
      return scheduleIfReady(step);
    case 'SvConcurrenceRequest':
      return raise(step, 'SV_TIMERS_RUNNING', `old provider has not concurred on ${m.tn}; T2 running`);
    case 'SvCancelAckRequest':
    case 'SvCreateRequest':
    case 'NewNpaNxx':
      return;
  }
}
