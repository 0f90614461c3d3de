import type { PortCommand } from '../../domain/porting/port-command.js';
import type { OutboundPortMessage } from '../../domain/porting/port-message.js';
import { reducePort, type PortInput } from '../../domain/porting/port-reducer.js';
import { newPortRequest, type NewPortRequest, type PortRequest } from '../../domain/porting/port-request.js';
import type { PortRefusal } from '../../domain/porting/port-step.js';
import type { Clock } from '../../ports/clock.js';
import { sendThroughGateway, type PortingGateway } from '../../ports/porting-gateway.js';
import type { OpenPortOfNumber, PortRequestStore, PortTimelineEntry, StoredPortRequest } from '../../ports/port-request-store.js';

/** What applying one input to a stored port request gave. */
export interface PortApplication {
  readonly record: StoredPortRequest;
  readonly refusal?: PortRefusal;
}

const TIMELINE_KEPT = 400;
const SAVE_ATTEMPTS = 3;

function redact(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'pin' || k === 'ssnLast4' || k === 'taxId' ? '***' : v))) as unknown;
}

function outbound(c: PortCommand): OutboundPortMessage | undefined {
  return c.kind === 'sendCarrier' || c.kind === 'sendNpac' ? c.message : undefined;
}

function inputType(input: PortInput): string {
  switch (input.kind) {
    case 'message': return input.message.type;
    case 'timerFired': return `timer:${input.name}`;
    case 'action': return input.action.type;
  }
}

function inputEntry(input: PortInput, before: PortRequest, after: PortRequest, at: string, refusal?: PortRefusal): PortTimelineEntry {
  const raw = input.kind === 'message' ? input.message : input.kind === 'action' ? input.action : { name: input.name, version: input.version };
  return {
    at, direction: input.kind === 'message' ? 'IN' : input.kind === 'action' ? 'ACTION' : 'NOTE', type: inputType(input), version: before.version,
    raw: redact(raw),
    normalised: { from: before.state, to: after.state, reasons: after.currentReasons.map((r) => r.code), ...(refusal === undefined ? {} : { refusal }) },
  };
}

function commandEntry(c: PortCommand, version: number, at: string): PortTimelineEntry | undefined {
  const m = outbound(c);
  if (m !== undefined) return { at, direction: 'OUT', type: m.type, version, raw: redact(m), normalised: { idempotencyKey: 'idempotencyKey' in c ? c.idempotencyKey : undefined } };
  if (c.kind === 'setTimer' || c.kind === 'clearTimer') return undefined;
  return { at, direction: 'NOTE', type: c.kind, version, raw: redact(c), normalised: null };
}

/**
 * Runs port requests the way porting.md describes: feeds inbound messages, fired timers and
 * coordinator actions to the pure reducer, sends its messages through the PortingGateway, and stores
 * the next request with its timeline. Sends go out before the save: a crash in between resends
 * with the same idempotency key, which the carrier answers once.
 */
export class PortCoordinator {
  private cursor: string | undefined;
  /** The last input applied (or queued) per request: inputs to one request run one after another in this process. */
  private readonly applying = new Map<string, Promise<unknown>>();
  /** The last inbound sync run (or queued): syncs run one after another, each from the cursor the previous left. */
  private syncing: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: { readonly store: PortRequestStore; readonly gateway: PortingGateway; readonly clock: Clock }) {}

  /**
   * Stores a new request in DRAFT for a provisioning task, or returns the one the task already made;
   * `input` may be a function, called only when the request is new.
   */
  async create(taskKey: string, input: NewPortRequest | (() => NewPortRequest)): Promise<StoredPortRequest> {
    const seen = await this.deps.store.byTaskKey(taskKey);
    if (seen !== undefined) return seen;
    const request = newPortRequest(typeof input === 'function' ? input() : input, this.deps.clock.now());
    const record: StoredPortRequest = { taskKey, request, timeline: [], revision: 0 };
    if ((await this.deps.store.save(record, 0)) === 'saved') return { ...record, revision: 1 };
    const raced = await this.deps.store.byTaskKey(taskKey);
    if (raced === undefined) throw new Error(`port request for ${taskKey} could not be stored`);
    return raced;
  }

  /** The request a provisioning task made, by the task's idempotency key. */
  byTaskKey(taskKey: string): Promise<StoredPortRequest | undefined> {
    return this.deps.store.byTaskKey(taskKey);
  }

  /** A stored request by id. */
  byId(id: string): Promise<StoredPortRequest | undefined> {
    return this.deps.store.byId(id);
  }

  /** The other open requests holding one of these numbers (a number is in one open port order at a time). */
  openPortsFor(tns: readonly string[], exceptId: string): Promise<readonly OpenPortOfNumber[]> {
    return this.deps.store.openPortsFor(tns, exceptId);
  }

  /**
   * Applies one input to a stored request, runs its commands and saves; a refusal changes nothing.
   * Several provisioning tasks re-check their ports at once: their inputs to one request are queued
   * here, so only another process's update can make a save retry.
   */
  async apply(id: string, input: PortInput): Promise<PortApplication> {
    const run = (this.applying.get(id) ?? Promise.resolve()).catch(() => undefined).then(() => this.applyOnce(id, input));
    this.applying.set(id, run);
    try {
      return await run;
    } finally {
      if (this.applying.get(id) === run) this.applying.delete(id);
    }
  }

  private async applyOnce(id: string, input: PortInput): Promise<PortApplication> {
    for (let attempt = 1; ; attempt++) {
      const record = await this.deps.store.byId(id);
      if (record === undefined) throw new Error(`port request ${id} not found`);
      const now = this.deps.clock.now();
      const at = new Date(now).toISOString();
      const out = reducePort(record.request, input, now);
      if (out.refusal !== undefined) return { record, refusal: out.refusal };
      for (const c of out.commands) {
        const m = outbound(c);
        if (m !== undefined && 'idempotencyKey' in c) await sendThroughGateway(this.deps.gateway, m, c.idempotencyKey);
      }
      const entries = [inputEntry(input, record.request, out.request, at), ...out.commands.flatMap((c) => commandEntry(c, out.request.version, at) ?? [])];
      const next: StoredPortRequest = { ...record, request: out.request, timeline: [...record.timeline, ...entries].slice(-TIMELINE_KEPT) };
      if ((await this.deps.store.save(next, record.revision)) === 'saved') return { record: { ...next, revision: record.revision + 1 } };
      if (attempt >= SAVE_ATTEMPTS) throw new Error(`port request ${id}: concurrent updates, gave up after ${attempt} attempts`);
    }
  }

  /** Polls every inbound message, applies each to its request by PON and acknowledges it; returns how many applied. */
  async syncInbound(): Promise<number> {
    // two syncs at once would poll from the same cursor and apply the same message twice
    const run = this.syncing.catch(() => undefined).then(() => this.syncOnce());
    this.syncing = run;
    return run;
  }

  private async syncOnce(): Promise<number> {
    let applied = 0;
    for (let guard = 0; guard < 1_000; guard++) {
      const page = await this.deps.gateway.poll(this.cursor);
      this.cursor = page.cursor;
      if (page.messages.length === 0) return applied;
      const done: string[] = [];
      for (const m of page.messages) {
        const record = await this.deps.store.byPon(m.pon);
        // a message for a PON this store does not hold belongs to another Provisio instance: leave it
        if (record === undefined) continue;
        await this.apply(record.request.id, { kind: 'message', message: m });
        done.push(m.messageId);
        applied++;
      }
      await this.deps.gateway.acknowledge(done);
    }
    return applied;
  }

  /** Fires every timer of a request that is due now, earliest first. */
  async fireDueTimers(id: string): Promise<StoredPortRequest | undefined> {
    for (let guard = 0; guard < 50; guard++) {
      const record = await this.deps.store.byId(id);
      const due = record?.request.timers.filter((t) => Date.parse(t.at) <= this.deps.clock.now()).sort((a, b) => a.at.localeCompare(b.at))[0];
      if (record === undefined || due === undefined) return record;
      await this.apply(id, { kind: 'timerFired', name: due.name, version: due.version });
    }
    return this.deps.store.byId(id);
  }
}

/** The earliest pending timer of a request (ms), if any. */
export function nextTimerAt(req: PortRequest): number | undefined {
  const ats = req.timers.map((t) => Date.parse(t.at));
  return ats.length === 0 ? undefined : Math.min(...ats);
}
