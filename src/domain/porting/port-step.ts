import { dueStart } from './business-calendar.js';
import type { PortCommand } from './port-command.js';
import type { OutboundCarrierMessage, OutboundNpacMessage, PortRequestBody } from './port-message.js';
import type { PortMilestone } from './port-milestone.js';
import type { PortTimerName } from './port-policy.js';
import type { PortLine, PortRequest } from './port-request.js';
import { canMovePort, type PortState } from './port-state.js';
import type { FixableBy, JeopardyCode, ReasonInstance } from './reason-code.js';

/** Why the reducer refused an action (a business refusal, returned, not thrown). */
export interface PortRefusal {
  readonly guard: string;
  readonly reason: string;
}

/** What one reducer call returns: the next request, the commands to run, and any refusal. */
export interface PortReduction {
  readonly request: PortRequest;
  readonly commands: readonly PortCommand[];
  readonly refusal?: PortRefusal;
}

/** Accumulates the next request and its commands during one reducer call. */
export interface PortStep {
  req: PortRequest;
  readonly commands: PortCommand[];
  readonly now: number;
}

/** Starts a step. */
export function beginStep(req: PortRequest, now: number): PortStep {
  return { req, commands: [], now };
}

/** Ends a step as a reduction. */
export function endStep(step: PortStep, refusal?: PortRefusal): PortReduction {
  return refusal === undefined ? { request: step.req, commands: step.commands } : { request: step.req, commands: [], refusal };
}

/** A refusal with the request unchanged. */
export function refuse(req: PortRequest, guard: string, reason: string): PortReduction {
  return { request: req, commands: [], refusal: { guard, reason } };
}

/** ISO text of the step's `now`. */
export function iso(step: PortStep): string {
  return new Date(step.now).toISOString();
}

/** Moves the request to a new state through the transition table; an illegal move is a bug. */
export function move(step: PortStep, to: PortState): void {
  const from = step.req.state;
  const legal = canMovePort(from, to) || (from === 'CANCEL_PENDING' && to === step.req.priorState && canMovePort(from, 'prior'));
  if (!legal) throw new Error(`port ${step.req.id}: illegal transition ${from} -> ${to}`);
  step.req = { ...step.req, state: to, lastActivityAt: iso(step) };
}

/** Sets (or replaces) a timer for the current version. */
export function setTimer(step: PortStep, name: PortTimerName, atMs: number): void {
  const timer = { name, at: new Date(atMs).toISOString(), version: step.req.version };
  step.req = { ...step.req, timers: [...step.req.timers.filter((t) => t.name !== name), timer] };
  step.commands.push({ kind: 'setTimer', timer });
}

/** Clears timers by name (only those that are set). */
export function clearTimers(step: PortStep, ...names: PortTimerName[]): void {
  for (const name of names) {
    if (!step.req.timers.some((t) => t.name === name)) continue;
    step.req = { ...step.req, timers: step.req.timers.filter((t) => t.name !== name) };
    step.commands.push({ kind: 'clearTimer', name });
  }
}

/** Raises a jeopardy flag once (a second raise of the same code only updates nothing). */
export function raise(step: PortStep, code: JeopardyCode, detail: string): void {
  if (step.req.jeopardies.some((j) => j.code === code)) return;
  step.req = { ...step.req, jeopardies: [...step.req.jeopardies, { code, raisedAt: iso(step), detail }] };
  step.commands.push({ kind: 'raiseJeopardy', code, detail });
}

/** Clears a jeopardy flag (no command: the flag simply disappears from the request). */
export function clearJeopardy(step: PortStep, ...codes: JeopardyCode[]): void {
  step.req = { ...step.req, jeopardies: step.req.jeopardies.filter((j) => !codes.includes(j.code)) };
}

/** Asks for a fallout case. */
export function openCase(step: PortStep, fixableBy: FixableBy, reasons: readonly ReasonInstance[], summary: string): void {
  step.commands.push({ kind: 'openFalloutCase', fixableBy, reasons, summary });
}

/** Notifies the parent item of a milestone. */
export function notify(step: PortStep, milestone: PortMilestone): void {
  step.commands.push({ kind: 'notifyParent', milestone });
}

/** Sends a carrier message keyed by request id, version and type. */
export function sendCarrier(step: PortStep, message: OutboundCarrierMessage): void {
  const r = step.req;
  step.commands.push({ kind: 'sendCarrier', message, idempotencyKey: `${r.id}:${r.pon}:v${r.version}:${message.type}` });
}

/** Sends a clearinghouse message; `discriminator` separates repeated sends (e.g. activation attempts). */
export function sendNpac(step: PortStep, message: OutboundNpacMessage, discriminator: string): void {
  const r = step.req;
  step.commands.push({ kind: 'sendNpac', message, idempotencyKey: `${r.id}:${message.type}:${discriminator}` });
}

/** Replaces lines matching a predicate. */
export function updateLines(step: PortStep, pick: (l: PortLine) => boolean, change: (l: PortLine) => PortLine): void {
  step.req = { ...step.req, lines: step.req.lines.map((l) => (pick(l) ? change(l) : l)) };
}

/** The complete request body for the current version. */
export function requestBody(r: PortRequest): PortRequestBody {
  const s = r.submitted;
  return {
    pon: r.pon, version: r.version, kind: r.kind, tns: r.lines.filter((l) => l.status !== 'REMOVED').map((l) => l.tn),
    accountNumber: s.accountNumber, pin: s.pin, ssnLast4: s.ssnLast4, taxId: s.taxId, authorizedName: s.authorizedName,
    businessName: s.businessName, serviceAddress: s.serviceAddress, btn: s.btn, requestedDue: r.requestedDue,
    newSpid: r.newProvider.spid, oldSpid: r.losingCarrier.spid, companyCode: r.newProvider.companyCode,
    partialPort: r.partialPort, remainingTnDisposition: r.remainingTnDisposition, newBtn: r.newBtn, loaSignedAt: r.loa?.signedAt,
  };
}

/** Activation start of the confirmed due date, or undefined before a confirmation. */
export function confirmedDueStart(r: PortRequest): number | undefined {
  return r.confirmedDue === undefined ? undefined : dueStart(r.confirmedDue, r.calendar);
}
