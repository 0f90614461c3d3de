// Records the simulated carrier world keeps: scripted answers, its message log, its port orders.
import type { DueSpec } from '../../src/domain/porting/port-kind.js';
import type { OutboundPortMessage, PortRequestBody } from '../../src/domain/porting/port-message.js';
import type { RejectReason } from '../../src/domain/porting/reason-code.js';
import type { CarrierProfile } from './carrier-profile.js';
import type { SimClock } from './sim-scheduler.js';

/** A scripted override of the carrier's answer to one version (porting.md §13.1 script mode). */
export type ScriptStep =
  | { readonly version?: number; readonly do: 'SILENCE' }
  | { readonly version?: number; readonly do: 'DELAY'; readonly answerAfterMinutes: number; readonly thenSilent?: boolean }
  | { readonly version?: number; readonly do: 'COUNTER'; readonly extraBusinessDays: number }
  | { readonly version?: number; readonly do: 'REJECT'; readonly codes: readonly RejectReason[] };

/** A message in the world's log, raw (secrets redacted) and normalised. */
export interface LoggedMessage {
  readonly at: string;
  readonly direction: 'IN' | 'OUT';
  readonly correlationId: string;
  readonly idempotencyKey: string;
  readonly raw: string;
  readonly normalized: unknown;
}

/** A port order as the simulated losing carrier holds it. */
export interface SimPortOrder {
  readonly pon: string;
  readonly profile: CarrierProfile;
  readonly receivedAt: number;
  versions: PortRequestBody[];
  status: 'RECEIVED' | 'CONFIRMED' | 'REJECTED' | 'DELAYED' | 'CANCELLED';
  confirmedDue?: DueSpec;
}

/** The raw form of an outbound message for the log, with secrets masked. */
export function redact(m: OutboundPortMessage): string {
  return JSON.stringify(m, (k, v: unknown) => (k === 'pin' || k === 'ssnLast4' || k === 'taxId' ? '***' : v));
}

/** Options of a simulated losing-carrier world. */
export interface CarrierWorldOptions {
  readonly seed: number;
  readonly clock: SimClock;
  readonly profiles?: readonly CarrierProfile[];
  readonly broadcastMs?: number;
}

/** The PON a message from Provisio is about. */
export function ponOf(m: OutboundPortMessage): string {
  return m.type === 'PortRequest' || m.type === 'PortSupplement' ? m.body.pon : m.pon;
}
