import { activationProblem } from './port-guards.js';
import { liveLines, type PortLine } from './port-request.js';
import {
  clearJeopardy, clearTimers, confirmedDueStart, move, notify, openCase, raise, sendNpac, setTimer, updateLines, type PortStep,
} from './port-step.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function svActivatable(l: PortLine): boolean {
  return l.sv !== undefined && l.sv.status === 'pending' && (l.sv.concurred || l.sv.activatable);
}

/** Sets the due-time timers of a scheduled request (auto-activation, readiness check, due passed). */
export function scheduleTimers(step: PortStep): void {
  const start = confirmedDueStart(step.req);
  if (start === undefined) return;
  const p = step.req.policy;
  setTimer(step, 'DUE_START', Math.max(start, step.now));
  if (start - p.networkReadyLeadHours * HOUR > step.now) setTimer(step, 'NETWORK_READY_CHECK', start - p.networkReadyLeadHours * HOUR);
  setTimer(step, 'DUE_PASSED', start + p.activationGraceDays * DAY);
}

/** T15/T18: moves to SCHEDULED when every live line's SV is pending and activatable. */
export function scheduleIfReady(step: PortStep): void {
  const from = step.req.state;
  if (from !== 'FOC_CONFIRMED' && from !== 'CONFLICT') return;
  const lines = liveLines(step.req);
  if (lines.some((l) => l.sv?.status === 'conflict')) return;
  if (!lines.every(svActivatable)) {
    if (from === 'CONFLICT' && lines.every((l) => l.sv?.status === 'pending')) move(step, 'FOC_CONFIRMED');
    return;
  }
  clearJeopardy(step, 'SV_TIMERS_RUNNING', 'SV_CONFLICT');
  move(step, 'SCHEDULED');
  updateLines(step, (l) => l.status !== 'REMOVED', (l) => ({ ...l, status: 'SV_PENDING' }));
  scheduleTimers(step);
  notify(step, 'SCHEDULED');
}

/** T21: activation through G-ACTIVATE; returns the refusal reason, or null when activation was sent. */
export function tryActivate(step: PortStep): string | null {
  if (step.req.state !== 'SCHEDULED') return `cannot activate in ${step.req.state}`;
  const problem = activationProblem(step.req, step.now);
  if (problem !== null) return problem;
  move(step, 'ACTIVATING');
  clearTimers(step, 'DUE_START', 'NETWORK_READY_CHECK');
  sendActivation(step, liveLines(step.req).map((l) => l.tn));
  return null;
}

/** Sends SvActivate for the given TNs, counting one attempt per line. */
export function sendActivation(step: PortStep, tns: readonly string[]): void {
  if (tns.length === 0) return;
  updateLines(step, (l) => tns.includes(l.tn), (l) => ({ ...l, status: 'ACTIVATING', activationAttempts: l.activationAttempts + 1 }));
  const attempt = Math.max(...step.req.lines.filter((l) => tns.includes(l.tn)).map((l) => l.activationAttempts));
  sendNpac(step, { type: 'SvActivate', pon: step.req.pon, tns }, `${tns.join(',')}:a${attempt}`);
}

function finishPorted(step: PortStep): void {
  move(step, 'PORTED');
  step.req = { ...step.req, portedAt: new Date(step.now).toISOString() };
  clearTimers(step, 'DUE_PASSED', 'PENDING_PURGE');
  clearJeopardy(step, 'BROADCAST_PARTIAL_FAILURE', 'DUE_PASSED_NOT_ACTIVATED', 'NETWORK_NOT_READY');
  step.commands.push({ kind: 'activateNumbers', tns: liveLines(step.req).map((l) => l.tn) });
  setTimer(step, 'SNAPBACK_WINDOW_END', step.now + step.req.policy.snapbackWindowHours * HOUR);
  notify(step, 'PORTED');
}

/** §6.5 roll-up while ACTIVATING: PORTED, automatic resend of failed lines, or PARTIALLY_PORTED / ACTIVATION_FAILED. */
export function rollUpActivation(step: PortStep): void {
  if (step.req.state !== 'ACTIVATING') return;
  const lines = liveLines(step.req);
  if (lines.some((l) => l.status === 'ACTIVATING')) return;
  if (lines.every((l) => l.status === 'ACTIVE')) return finishPorted(step);
  const budget = step.req.policy.activationAttemptBudget;
  const retry = lines.filter((l) => l.status === 'ACTIVATION_FAILED' && l.activationAttempts < budget).map((l) => l.tn);
  if (retry.length > 0) return sendActivation(step, retry);
  const partial = lines.filter((l) => l.status === 'ACTIVE_BROADCAST_PARTIAL');
  const failed = lines.filter((l) => l.status === 'ACTIVATION_FAILED');
  if (partial.length > 0) {
    raise(step, 'BROADCAST_PARTIAL_FAILURE', `${partial.map((l) => l.tn).join(', ')} partially broadcast`);
    openCase(step, 'NETWORK', partial.map((l) => svReason('SV_BROADCAST_PARTIAL_FAILURE', l, step.req.version)), 'resend activation or accept');
  }
  if (failed.length === 0) return;
  const active = lines.filter((l) => l.status === 'ACTIVE' || l.status === 'ACTIVE_BROADCAST_PARTIAL');
  const reasons = failed.map((l) => svReason('SV_ACTIVATION_FAILED', l, step.req.version));
  if (active.length > 0) {
    move(step, 'PARTIALLY_PORTED');
    step.commands.push({ kind: 'activateNumbers', tns: active.map((l) => l.tn) });
    notify(step, 'PARTIALLY_PORTED');
    openCase(step, 'NETWORK', reasons, 'activation failed for some numbers: resend or split them off');
  } else {
    move(step, 'ACTIVATION_FAILED');
    notify(step, 'ACTIVATION_FAILED');
    openCase(step, 'NETWORK', reasons, 'activation failed: escalate to the NPAC help desk');
  }
}

function svReason(code: 'SV_BROADCAST_PARTIAL_FAILURE' | 'SV_ACTIVATION_FAILED', l: PortLine, version: number) {
  return { code, fields: [], tn: l.tn, fixableBy: 'NETWORK' as const, version, text: l.sv?.failedLsms?.join(', ') };
}

/** T31: our cancel ends once the carrier acknowledged and no SV is still alive. */
export function finishCancelIfDone(step: PortStep): void {
  const r = step.req;
  if (r.state !== 'CANCEL_PENDING' || r.cancelInitiator !== 'NEW' || r.carrierCancelAcked !== true) return;
  const svAlive = liveLines(r).some((l) => l.sv !== undefined && l.sv.status !== 'canceled' && l.sv.status !== 'old');
  if (svAlive) return;
  endAsCancelled(step);
}

/** Moves to CANCELLED and stops every timer. */
export function endAsCancelled(step: PortStep): void {
  move(step, 'CANCELLED');
  updateLines(step, (l) => l.status !== 'REMOVED', (l) => ({ ...l, status: 'CANCELLED' }));
  clearTimers(step, ...step.req.timers.map((t) => t.name));
  notify(step, 'CANCELLED');
}
