import { tryActivate } from './port-flow-activation.js';
import type { PortTimerName } from './port-policy.js';
import { liveLines } from './port-request.js';
import { clearTimers, move, notify, openCase, raise, type PortStep } from './port-step.js';

function readinessIncomplete(step: PortStep): string[] {
  return liveLines(step.req).filter((l) => Object.values(l.readiness).includes(false)).map((l) => l.tn);
}

function onDueStart(step: PortStep): void {
  if (step.req.state !== 'SCHEDULED' || !step.req.policy.autoActivate) return;
  const problem = tryActivate(step);
  if (problem === null) return;
  if (readinessIncomplete(step).length > 0) raise(step, 'NETWORK_NOT_READY', problem);
  step.req = { ...step.req, notes: [...step.req.notes, `automatic activation held: ${problem}`] };
}

function abandon(step: PortStep): void {
  move(step, 'ABANDONED');
  clearTimers(step, ...step.req.timers.map((t) => t.name));
  notify(step, 'ABANDONED');
}

/** Applies a fired timer of the current version (T11, T14, T21 automatic, T37, jeopardies). */
export function reduceTimer(step: PortStep, name: PortTimerName): void {
  const s = step.req.state;
  switch (name) {
    case 'CARRIER_RESPONSE_DUE':
      if (s !== 'SUBMITTED' && s !== 'DELAYED') return;
      raise(step, 'OSP_IRRESPONSIVE', `no answer to ${step.req.pon} v${step.req.version} by the response deadline`);
      return openCase(step, 'COORDINATOR', [], `carrier silent on ${step.req.pon}: resend (idempotent) or escalate to the carrier desk`);
    case 'FOC_DUE_SOON':
      if (s === 'SUBMITTED') raise(step, 'FOC_DUE_SOON', 'under 25% of the response window left');
      return;
    case 'DELAY_ANSWER_DUE':
      if (s === 'DELAYED') raise(step, 'OSP_IRRESPONSIVE', 'delayed answer not received by answerDueAt');
      return;
    case 'REJECT_ABANDON':
      if (s === 'REJECTED') abandon(step);
      return;
    case 'NETWORK_READY_CHECK': {
      const tns = readinessIncomplete(step);
      if (s === 'SCHEDULED' && tns.length > 0) {
        raise(step, 'NETWORK_NOT_READY', `readiness incomplete for ${tns.join(', ')}`);
        openCase(step, 'NETWORK', [], `finish routing/E911/CNAM/messaging for ${tns.join(', ')} before the due time`);
      }
      return;
    }
    case 'DUE_START':
      return onDueStart(step);
    case 'DUE_PASSED':
      if (s === 'SCHEDULED' || s === 'FOC_CONFIRMED' || s === 'CONFLICT') raise(step, 'DUE_PASSED_NOT_ACTIVATED', 'due date passed without activation');
      return;
    case 'PENDING_PURGE':
      if (s === 'SCHEDULED' || s === 'FOC_CONFIRMED') abandon(step);
      return;
    case 'SNAPBACK_WINDOW_END':
      return;
  }
}
