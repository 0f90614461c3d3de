import type { InboundPortMessage, OutboundCarrierMessage, OutboundNpacMessage } from '../domain/porting/port-message.js';

/** What the gateway answers when it accepted an outbound message (the answer itself arrives later, inbound). */
export interface GatewayReceipt {
  /** Correlation id the carrier or clearinghouse gave the message. */
  readonly carrierRef: string;
  /** True when the idempotency key was seen before and nothing was sent again. */
  readonly duplicate: boolean;
}

/** What the losing carrier currently holds for a PON (for reconciliation and coordinator screens). */
export interface PortQueryResult {
  readonly pon: string;
  readonly latestVersion: number;
  readonly status: 'UNKNOWN' | 'RECEIVED' | 'CONFIRMED' | 'REJECTED' | 'DELAYED' | 'CANCELLED';
  readonly svs: readonly { readonly tn: string; readonly svId: string; readonly status: string }[];
}

/** A page of inbound messages after a cursor. */
export interface InboundPage {
  readonly messages: readonly InboundPortMessage[];
  readonly cursor: string;
}

/**
 * The port Provisio uses to talk to a losing carrier and the number-portability clearinghouse.
 * Every send carries an idempotency key: a retried send with the same key has one effect.
 * Inbound messages arrive by `subscribe` (push) or `poll` (pull) and must be acknowledged.
 */
export interface PortingGateway {
  /** Sends a new port request (LSR/WPR version 1). */
  submit(message: OutboundCarrierMessage & { type: 'PortRequest' }, idempotencyKey: string): Promise<GatewayReceipt>;
  /** Sends a supplement (correction, due-date change, cancel-undo reinstatement) with version+1. */
  supplement(message: OutboundCarrierMessage & { type: 'PortSupplement' }, idempotencyKey: string): Promise<GatewayReceipt>;
  /** Cancels the port request at the carrier (a CANCEL supplement). */
  cancel(message: OutboundCarrierMessage & { type: 'PortSupplement' }, idempotencyKey: string): Promise<GatewayReceipt>;
  /** Asks the losing carrier for an emergency reverse port. */
  requestSnapback(message: OutboundCarrierMessage & { type: 'SnapbackRequest' }, idempotencyKey: string): Promise<GatewayReceipt>;
  /** Sends a clearinghouse (SOA) message: SV create, modify, activate, cancel, cancel-ack, cancel-undo, remove-from-conflict. */
  sendClearinghouse(message: OutboundNpacMessage, idempotencyKey: string): Promise<GatewayReceipt>;
  /** What the carrier and the clearinghouse hold for a PON. */
  query(pon: string): Promise<PortQueryResult>;
  /** Inbound messages after a cursor (start with undefined); unacknowledged messages are redelivered. */
  poll(cursor: string | undefined, limit?: number): Promise<InboundPage>;
  /** Acknowledges consumed inbound messages so they are not redelivered. */
  acknowledge(messageIds: readonly string[]): Promise<void>;
  /** Pushes inbound messages to a handler as they arrive; returns an unsubscribe function. */
  subscribe(handler: (message: InboundPortMessage) => Promise<void> | void): () => void;
}

/** Routes an outbound message to the matching gateway method. */
export function sendThroughGateway(
  gateway: PortingGateway,
  message: OutboundCarrierMessage | OutboundNpacMessage,
  idempotencyKey: string,
): Promise<GatewayReceipt> {
  switch (message.type) {
    case 'PortRequest':
      return gateway.submit(message, idempotencyKey);
    case 'PortSupplement':
      return message.supType === 'CANCEL' ? gateway.cancel(message, idempotencyKey) : gateway.supplement(message, idempotencyKey);
    case 'SnapbackRequest':
      return gateway.requestSnapback(message, idempotencyKey);
    case 'SvCreate':
    case 'SvModify':
    case 'SvActivate':
    case 'SvCancel':
    case 'SvCancelAck':
    case 'SvCancelUndo':
    case 'SvRemoveFromConflict':
      return gateway.sendClearinghouse(message, idempotencyKey);
  }
}
