import type { PortMilestone } from './port-milestone.js';
import type { OutboundCarrierMessage, OutboundNpacMessage } from './port-message.js';
import type { PortTimer, PortTimerName } from './port-policy.js';
import type { FixableBy, JeopardyCode, ReasonInstance } from './reason-code.js';

/** Effects the reducer asks for, as data; the engine runs them (xstate-style actions). */
export type PortCommand =
  /** Send to the losing carrier through the PortingGateway; `idempotencyKey` is stable across retries. */
  | { readonly kind: 'sendCarrier'; readonly message: OutboundCarrierMessage; readonly idempotencyKey: string }
  /** Send to the clearinghouse through the PortingGateway. */
  | { readonly kind: 'sendNpac'; readonly message: OutboundNpacMessage; readonly idempotencyKey: string }
  /** Store the timer (replacing one of the same name) and fire it back at `timer.at`. */
  | { readonly kind: 'setTimer'; readonly timer: PortTimer }
  /** Drop a stored timer. */
  | { readonly kind: 'clearTimer'; readonly name: PortTimerName }
  /** A jeopardy flag was raised: notify the work queue / KPIs. */
  | { readonly kind: 'raiseJeopardy'; readonly code: JeopardyCode; readonly detail: string }
  /** Open a fallout case for a person to work. */
  | { readonly kind: 'openFalloutCase'; readonly fixableBy: FixableBy; readonly reasons: readonly ReasonInstance[]; readonly summary: string }
  /** The numbers are ours now: route them in our network and mark them in inventory. */
  | { readonly kind: 'activateNumbers'; readonly tns: readonly string[] }
  /** Tell the parent order item that the port reached a milestone. */
  | { readonly kind: 'notifyParent'; readonly milestone: PortMilestone }
  /** An inbound message was stale or a duplicate: store it marked stale, nothing else. */
  | { readonly kind: 'recordStale'; readonly messageId: string; readonly why: 'DUPLICATE' | 'OLDER_VERSION' };
