import type { CoordinatorAction } from './port-action.js';
import { isCarrierMessage, type InboundPortMessage } from './port-message.js';
import type { PortTimerName } from './port-policy.js';
import type { PortRequest } from './port-request.js';
import { beginStep, endStep, refuse, type PortReduction, type PortRefusal } from './port-step.js';
import { ACTIVATION_ACTIONS } from './reduce-action-activation.js';
import { REQUEST_ACTIONS } from './reduce-action-request.js';
import { reduceCarrierMessage } from './reduce-carrier-message.js';
import { reduceNpacMessage } from './reduce-npac-message.js';
import { reduceTimer } from './reduce-timer.js';

/** What can happen to a port request: an inbound message, a fired timer, or a coordinator action. */
export type PortInput =
  | { readonly kind: 'message'; readonly message: InboundPortMessage }
  | { readonly kind: 'timerFired'; readonly name: PortTimerName; readonly version: number }
  | { readonly kind: 'action'; readonly action: CoordinatorAction };

const SEEN_KEYS_KEPT = 500;

// a coordinator action without a handler is a compile error
const ACTION_HANDLERS = { ...REQUEST_ACTIONS, ...ACTIVATION_ACTIONS } satisfies Record<CoordinatorAction['type'], unknown>;

function reduceMessage(req: PortRequest, m: InboundPortMessage, now: number): PortReduction {
  // T38: duplicates and answers to older versions are stored as stale and have no effect
  if (req.seenKeys.includes(m.idempotencyKey)) {
    return { request: req, commands: [{ kind: 'recordStale', messageId: m.messageId, why: 'DUPLICATE' }] };
  }
  const seen = { ...req, seenKeys: [...req.seenKeys, m.idempotencyKey].slice(-SEEN_KEYS_KEPT) };
  if (isCarrierMessage(m) && m.version !== undefined && m.version < req.version) {
    return { request: seen, commands: [{ kind: 'recordStale', messageId: m.messageId, why: 'OLDER_VERSION' }] };
  }
  const step = beginStep(seen, now);
  if (isCarrierMessage(m)) reduceCarrierMessage(step, m);
  else reduceNpacMessage(step, m);
  return endStep(step);
}

function reduceTimerInput(req: PortRequest, name: PortTimerName, version: number, now: number): PortReduction {
  const timer = req.timers.find((t) => t.name === name);
  if (timer?.version !== version) return { request: req, commands: [] };
  const step = beginStep({ ...req, timers: req.timers.filter((t) => t !== timer) }, now);
  reduceTimer(step, name);
  return endStep(step);
}

function reduceAction(req: PortRequest, action: CoordinatorAction, now: number): PortReduction {
  const step = beginStep(req, now);
  const handler = ACTION_HANDLERS[action.type] as (s: typeof step, a: CoordinatorAction) => PortRefusal | null;
  const refusal = handler(step, action);
  return refusal === null ? endStep(step) : refuse(req, refusal.guard, refusal.reason);
}

/**
 * The port request reducer: (request, input, now) -> next request + commands (or a typed refusal).
 * Pure: no I/O, no clock; every effect is a command for the engine to run.
 */
export function reducePort(req: PortRequest, input: PortInput, now: number): PortReduction {
  switch (input.kind) {
    case 'message':
      return reduceMessage(req, input.message, now);
    case 'timerFired':
      return reduceTimerInput(req, input.name, input.version, now);
    case 'action':
      return reduceAction(req, input.action, now);
  }
}
