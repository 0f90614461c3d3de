import type { InboundPortMessage, OutboundPortMessage } from '../../domain/porting/port-message.js';

/** What the carrier-simulator routes need from the simulated world (implemented in sim/carrier). */
export interface CarrierSimService {
  /** Receives a Provisio message at most once per idempotency key. */
  receive(message: OutboundPortMessage, idempotencyKey: string): { carrierRef: string; duplicate: boolean };
  /** What the carrier and the mini-NPAC hold for a PON. */
  query(pon: string): { latestVersion: number; status: string; svs: { tn: string; svId: string; status: string }[] };
  /** Unacknowledged messages for Provisio after a cursor. */
  poll(cursor: number, limit?: number): { messages: InboundPortMessage[]; cursor: number };
  /** Acknowledges delivered messages. */
  acknowledge(ids: readonly string[]): void;
  /** Listens to messages for Provisio (used for callbacks). */
  onMessage(listener: (m: InboundPortMessage) => void): () => void;
  /** Every message stored raw (redacted) and normalised, with correlation ids. */
  messageLog(): readonly unknown[];
  /** Test hook: moves a virtual clock forward and runs due events; returns the new time. */
  advance(ms: number): number;
  /** Test hook: adds an account to a carrier. */
  addAccount(spid: string, account: unknown): void;
  /** Test hook: the world state. */
  dumpState(): unknown;
}

/** Message types the simulator accepts from Provisio. */
export const ACCEPTED_MESSAGE_TYPES = [
  'PortRequest', 'PortSupplement', 'SnapbackRequest', 'SvCreate', 'SvModify', 'SvActivate', 'SvCancel', 'SvCancelAck', 'SvCancelUndo', 'SvRemoveFromConflict',
] as const satisfies readonly OutboundPortMessage['type'][];
