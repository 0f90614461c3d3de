import type { PortRequest } from '../domain/porting/port-request.js';

/** Directions of a port timeline entry: a message in or out, a coordinator action, or a note. */
export const PORT_TIMELINE_DIRECTIONS = ['IN', 'OUT', 'ACTION', 'NOTE'] as const;
/** A port timeline direction. */
export type PortTimelineDirection = (typeof PORT_TIMELINE_DIRECTIONS)[number];

/** One entry of a port request's timeline: the message as exchanged and what it meant. */
export interface PortTimelineEntry {
  readonly at: string;
  readonly direction: PortTimelineDirection;
  /** Message type, action type or note kind. */
  readonly type: string;
  /** The request version the entry belongs to. */
  readonly version: number;
  /** The message or action as exchanged (secrets redacted). */
  readonly raw: unknown;
  /** What Provisio made of it: state after, reasons, refusal. */
  readonly normalised: unknown;
}

/** A number held by an open port request. */
export interface OpenPortOfNumber {
  readonly tn: string;
  /** The request holding it. */
  readonly id: string;
  readonly pon: string;
}

/** A port request as stored: the reducer's state, the provisioning task key that created it, and its timeline. */
export interface StoredPortRequest {
  /** Idempotency key of the provisioning task that created the request. */
  readonly taskKey: string;
  readonly request: PortRequest;
  readonly timeline: readonly PortTimelineEntry[];
  /** Optimistic-concurrency counter, +1 on every save. */
  readonly revision: number;
}

/**
 * Durable port requests (porting.md: sub-order per losing carrier). Saves are guarded by revision so
 * two processes never overwrite each other's reduction.
 */
export interface PortRequestStore {
  /** The request created by a provisioning task, by the task's idempotency key. */
  byTaskKey(taskKey: string): Promise<StoredPortRequest | undefined>;
  /** A request by id. */
  byId(id: string): Promise<StoredPortRequest | undefined>;
  /** A request by purchase order number (inbound messages carry it). */
  byPon(pon: string): Promise<StoredPortRequest | undefined>;
  /** Inserts (revision 0 expected) or updates a request; 'conflict' when the stored revision moved on. */
  save(record: StoredPortRequest, expectedRevision: number): Promise<'saved' | 'conflict'>;
  /** Every request (the coordinator's list sorts and filters it). */
  list(): Promise<readonly StoredPortRequest[]>;
  /**
   * The other requests with a live port (see heldNumbers) and a prior claim on one of these numbers on a
   * live line: a number must not be in two open port orders (porting.md I6). A request claims its
   * numbers when first saved; requests past DRAFT always count, drafts only when they claimed the
   * number before `exceptId` did (of two drafts racing for a number, the first goes on).
   */
  openPortsFor(tns: readonly string[], exceptId: string): Promise<readonly OpenPortOfNumber[]>;
}
