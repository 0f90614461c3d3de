import type { CoordinatorAction } from './port-action.js';
import { sendActivation, tryActivate } from './port-flow-activation.js';
import { conflictRemovalProblem } from './port-guards.js';
import { POST_PORT_CHECKS, liveLines } from './port-request.js';
import { move, notify, sendNpac, updateLines, type PortRefusal, type PortStep } from './port-step.js';

type Handler<T extends CoordinatorAction['type']> = (step: PortStep, a: Extract<CoordinatorAction, { type: T }>) => PortRefusal | null;

const HOUR = 3_600_000;

const removeFromConflict: Handler<'removeFromConflict'> = (step, a) => {
  if (step.req.state !== 'CONFLICT') return { guard: 'G-CONFLICT', reason: `not in conflict (${step.req.state})` };
  const problem = conflictRemovalProblem(step.req, a.tn, step.now, a.contactLogged, a.overrideNote);
  if (problem !== null) return { guard: 'G-CONFLICT', reason: problem };
  step.req = { ...step.req, notes: [...step.req.notes, `conflict removal requested for ${a.tn}${a.overrideNote ? `: ${a.overrideNote}` : ''}`] };
  // the state follows the clearinghouse: SvStatusChanged(pending) moves CONFLICT -> SCHEDULED / FOC_CONFIRMED
  sendNpac(step, { type: 'SvRemoveFromConflict', pon: step.req.pon, tn: a.tn }, `${a.tn}:${step.now}`);
  return null;
};

const activate: Handler<'activate'> = (step) => {
  const problem = tryActivate(step);
  return problem === null ? null : { guard: 'G-ACTIVATE', reason: problem };
};

const resendActivation: Handler<'resendActivation'> = (step) => {
  const s = step.req.state;
  if (s !== 'PARTIALLY_PORTED' && s !== 'ACTIVATION_FAILED' && s !== 'ACTIVATING') {
    return { guard: 'G-RESEND', reason: `nothing to resend in ${s}` };
  }
  const tns = liveLines(step.req).filter((l) => l.status === 'ACTIVATION_FAILED' || l.status === 'ACTIVE_BROADCAST_PARTIAL').map((l) => l.tn);
  if (tns.length === 0) return { guard: 'G-RESEND', reason: 'no line is failed or partially broadcast' };
  if (s !== 'ACTIVATING') move(step, 'ACTIVATING');
  sendActivation(step, tns);
  return null;
};

const splitOff: Handler<'splitOff'> = (step, a) => {
  const s = step.req.state;
  if (s !== 'PARTIALLY_PORTED' && s !== 'REJECTED' && s !== 'DRAFT') return { guard: 'G-SPLIT', reason: `cannot split in ${s}` };
  updateLines(step, (l) => a.tns.includes(l.tn), (l) => ({ ...l, status: 'REMOVED' }));
  step.req = { ...step.req, notes: [...step.req.notes, `split off ${a.tns.join(', ')}`] };
  if (s === 'PARTIALLY_PORTED' && liveLines(step.req).every((l) => l.status === 'ACTIVE')) {
    move(step, 'PORTED');
    notify(step, 'PORTED');
  }
  return null;
};

const readinessDone: Handler<'readinessDone'> = (step, a) => {
  updateLines(step, (l) => a.tns === undefined || a.tns.includes(l.tn), (l) => ({ ...l, readiness: { ...l.readiness, [a.step]: true } }));
  if (step.req.state === 'SCHEDULED' && step.req.policy.autoActivate && !step.req.timers.some((t) => t.name === 'DUE_START')) {
    tryActivate(step);
  }
  return null;
};

const postPortCheckPassed: Handler<'postPortCheckPassed'> = (step, a) => {
  step.req = { ...step.req, postPort: { ...step.req.postPort, [a.check]: true } };
  if (step.req.state === 'PORTED' && POST_PORT_CHECKS.every((c) => step.req.postPort[c])) {
    move(step, 'COMPLETED');
    notify(step, 'COMPLETED');
  }
  return null;
};

const requestSnapback: Handler<'requestSnapback'> = (step, a) => {
  const r = step.req;
  if (r.state !== 'PORTED' && r.state !== 'COMPLETED') return { guard: 'G-SNAPBACK', reason: `nothing to snap back in ${r.state}` };
  const windowEnd = Date.parse(r.portedAt ?? '') + r.policy.snapbackWindowHours * HOUR;
  if (!(step.now <= windowEnd)) return { guard: 'G-SNAPBACK', reason: 'the snap-back window has closed: escalation to the carrier desk only' };
  move(step, 'SNAPBACK_IN_PROGRESS');
  const tns = liveLines(r).map((l) => l.tn);
  step.commands.push({ kind: 'sendCarrier', message: { type: 'SnapbackRequest', pon: r.pon, tns, reason: a.reason },
    idempotencyKey: `${r.id}:${r.pon}:snapback` });
  return null;
};

/** Handlers of the activation-side coordinator actions. */
export const ACTIVATION_ACTIONS = {
  removeFromConflict, activate, resendActivation, splitOff, readinessDone, postPortCheckPassed, requestSnapback,
};
