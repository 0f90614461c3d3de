import { submitProblem } from '../../domain/porting/port-guards.js';
import type { PortInput } from '../../domain/porting/port-reducer.js';
import { heldNumbers, liveLines, type NewPortRequest, type PortRequest, type PostPortCheck } from '../../domain/porting/port-request.js';
import type { PortPolicy } from '../../domain/porting/port-policy.js';
import type { PortRefusal } from '../../domain/porting/port-step.js';
import type { Clock } from '../../ports/clock.js';
import type { NumberPortIn } from '../../ports/number-port-in.js';
import type { OpenPortOfNumber, StoredPortRequest } from '../../ports/port-request-store.js';
import { SouthboundError } from '../../ports/southbound-error.js';
import { CarrierGatewayError } from '../carrier/carrier-gateway-error.js';
import { portInRequest, requestedDue } from './port-in-request.js';
import type { NewProvider, PortInCustomer, PortingCarrier } from './porting-carrier.js';

type PortInRequest = Parameters<NumberPortIn['requestPortIn']>[0];
type PortInAnswer = Awaited<ReturnType<NumberPortIn['requestPortIn']>>;

/** What the adapter needs from the port coordinator (app/porting's PortCoordinator satisfies it). */
export interface PortRequestDriver {
  /** `input` is called only when the task has no request yet. */
  create(taskKey: string, input: () => NewPortRequest): Promise<StoredPortRequest>;
  apply(id: string, input: PortInput): Promise<{ readonly record: StoredPortRequest; readonly refusal?: PortRefusal }>;
  syncInbound(): Promise<number>;
  fireDueTimers(id: string): Promise<StoredPortRequest | undefined>;
  /** The request a provisioning task made, by the task's idempotency key. */
  byTaskKey(taskKey: string): Promise<StoredPortRequest | undefined>;
  /** A stored request by id (a holder of the numbers, to see whether it is being cancelled). */
  byId(id: string): Promise<StoredPortRequest | undefined>;
  /** The other open requests holding one of these numbers. */
  openPortsFor(tns: readonly string[], exceptId: string): Promise<readonly OpenPortOfNumber[]>;
}

/** Options of the coordinated port-in. */
export interface CoordinatedPortInOptions {
  readonly driver: PortRequestDriver;
  readonly clock: Clock;
  readonly policy: PortPolicy;
  readonly provider: NewProvider;
  /** The losing carrier by the name (or SPID) on the order. */
  readonly carrierOf: (nameOrSpid: string) => PortingCarrier | undefined;
  /** The customer's LOA details for a task (by idempotency key and number). */
  readonly customerOf: (req: PortInRequest) => Promise<PortInCustomer | undefined>;
  /** Longest wait between two re-checks while nothing is scheduled (default 15 minutes). */
  readonly pollEveryMs?: number;
  /**
   * When the losing carrier (or the clearinghouse) can next send something about a PON, when it
   * runs in this process: a re-check wakes then rather than only at the poll.
   */
  readonly carrierNextAt?: (pon: string) => number | undefined;
}

const PORTED_STATES: readonly PortRequest['state'][] = ['PORTED', 'COMPLETED'];
const DEAD_STATES: readonly PortRequest['state'][] = ['CANCELLED', 'ABANDONED', 'RESTORED', 'ACTIVATION_FAILED'];
/**
 * How long a port-in waits for a port that holds its numbers to finish being cancelled before it
 * falls out: a carrier confirms a cancel within hours; after two days a person looks.
 */
const CANCEL_WAIT_MS = 48 * 3_600_000;
/** States in which a refused cancel leaves nothing to do: being cancelled, or ended without porting. */
const NOTHING_TO_CANCEL: readonly PortRequest['state'][] = ['CANCEL_PENDING', 'CANCELLED', 'ABANDONED', 'RESTORED'];

/** Which open port orders hold which numbers, for a fallout text. */
function heldText(held: readonly OpenPortOfNumber[]): string {
  const tns = [...new Set(held.map((o) => o.tn))];
  return `${tns.join(', ')} ${tns.length === 1 ? 'is' : 'are'} already in another open port order (open port orders: ${[...new Set(held.map((o) => `${o.tn} in ${o.pon}`))].join(', ')})`;
}

/** Permanent porting failure with a stable reason code (the engine opens a fallout case for the porting queue). */
function fail(code: string, text: string): never {
  throw new SouthboundError(false, code, 'porting', text);
}

/** A failed call to the carrier gateway as the engine understands it: retryable or not, with a stable code. */
function gatewayFailure(e: unknown): never {
  if (e instanceof CarrierGatewayError) throw new SouthboundError(e.retryable, 'CARRIER_GATEWAY_FAILED', 'porting', e.message);
  throw e;
}

/** Stable reason code and text of a rejected request. */
function rejectText(req: PortRequest): { code: string; text: string } {
  const codes = req.currentReasons.map((r) => r.code);
  return { code: codes[0] ?? 'PORT_REJECTED', text: `port ${req.pon} v${req.version} rejected by ${req.losingCarrier.name}: ${codes.join(', ') || 'no reason given'}` };
}

/**
 * NumberPortIn backed by the porting domain. The first call for a task creates a port request (one
 * line per TN, version 1) in the PortRequestStore, validates and submits it; every later call (the
 * engine's re-check at `checkAgainAt`) feeds inbound messages and due timers to the reducer and
 * answers: still waiting, ported, or a permanent failure with the carrier's canonical reason.
 */
export class CoordinatedNumberPortIn implements NumberPortIn {
  constructor(private readonly opts: CoordinatedPortInOptions) {}

  /** Starts the port-in (once per key) or reports its progress; an unreachable carrier gateway is a retryable failure. */
  async requestPortIn(req: PortInRequest): Promise<PortInAnswer> {
    return this.progress(req).catch(gatewayFailure);
  }

  private async progress(req: PortInRequest): Promise<PortInAnswer> {
    const { driver } = this.opts;
    const started = await this.start(req);
    if ('cancelling' in started) return { checkAgainAt: this.nextCheckAtAny(started.cancelling) };
    await driver.syncInbound();
    await driver.fireDueTimers(started.request.id);
    await driver.syncInbound();
    const record = (await driver.fireDueTimers(started.request.id)) ?? started;
    return this.answer(record.request);
  }

  /**
   * Cancels the task's port request unless the numbers are already ours: withdrawn here when it was
   * never sent, cancelled at the carrier otherwise; nothing when the task made no request or it has
   * ended already.
   */
  async cancelPortIn(req: { readonly idempotencyKey: string; readonly portTaskKey: string; readonly portRequestId?: string }): Promise<void> {
    const { driver } = this.opts;
    const id = req.portRequestId ?? (await driver.byTaskKey(req.portTaskKey))?.request.id;
    if (id === undefined) return;
    const out = await driver.apply(id, { kind: 'action', action: { type: 'cancel', overrideNote: `provisioning task ${req.idempotencyKey} compensated` } }).catch(gatewayFailure);
    if (out.refusal !== undefined && !NOTHING_TO_CANCEL.includes(out.record.request.state)) {
      fail('PORT_CANCEL_REFUSED', `port ${out.record.request.pon} cannot be cancelled: ${out.refusal.reason}`);
    }
  }

  async portedNumbers(portTaskKey: string): Promise<readonly string[] | undefined> {
    const r = (await this.opts.driver.byTaskKey(portTaskKey))?.request;
    if (r === undefined || !PORTED_STATES.includes(r.state)) return undefined;
    return liveLines(r).map((l) => l.tn);
  }

  /** Applies each passed check not yet recorded; the reducer completes the request once every check has passed. */
  async recordPostPortChecks(portTaskKey: string, passed: readonly PostPortCheck[]): Promise<void> {
    const record = await this.opts.driver.byTaskKey(portTaskKey);
    if (record === undefined || record.request.state !== 'PORTED') return;
    for (const check of passed) {
      if (record.request.postPort[check]) continue;
      await this.opts.driver.apply(record.request.id, { kind: 'action', action: { type: 'postPortCheckPassed', check } });
    }
  }

  private answer(r: PortRequest): PortInAnswer {
    if (PORTED_STATES.includes(r.state)) {
      const activated = r.lines.flatMap((l) => (l.activatedAt === undefined ? [] : [Date.parse(l.activatedAt)]));
      return { portRequestId: r.id, portedAt: r.portedAt !== undefined ? Date.parse(r.portedAt) : Math.max(this.opts.clock.now(), ...activated) };
    }
    if (r.state === 'REJECTED') {
      const { code, text } = rejectText(r);
      fail(code, text);
    }
    if (DEAD_STATES.includes(r.state)) fail(`PORT_${r.state}`, `port ${r.pon} ended ${r.state}`);
    return { portRequestId: r.id, checkAgainAt: this.nextCheckAt(r) };
  }

  /** The earliest of the next checks of these requests. */
  private nextCheckAtAny(rs: readonly PortRequest[]): number {
    return Math.min(...rs.map((r) => this.nextCheckAt(r)));
  }

  /** The earliest of: the poll, the request's next timer (deadlines, jeopardy) and the carrier's next event for its PON. */
  private nextCheckAt(r: PortRequest): number {
    const now = this.opts.clock.now();
    const poll = now + (this.opts.pollEveryMs ?? 15 * 60_000);
    const timers = r.timers.map((t) => Date.parse(t.at)).filter((t) => t > now);
    const carrier = this.opts.carrierNextAt?.(r.pon);
    return Math.min(poll, ...timers, carrier === undefined ? poll : Math.max(carrier, now));
  }

  /**
   * Creates, validates and submits the request on the first call; later calls return it as stored.
   * While the numbers are held only by requests being cancelled (for at most CANCEL_WAIT_MS), makes
   * none yet and returns those.
   */
  private async start(req: PortInRequest): Promise<StoredPortRequest | { readonly cancelling: readonly PortRequest[] }> {
    const { driver, clock } = this.opts;
    const carrier = this.opts.carrierOf(req.losingCarrier) ?? fail('UNKNOWN_CARRIER', `no losing carrier named ${req.losingCarrier}`);
    const customer = (await this.opts.customerOf(req)) ?? fail('PORT_CUSTOMER_UNKNOWN', `no authorising customer for ${req.idempotencyKey}`);
    let record = await driver.byTaskKey(req.idempotencyKey);
    if (record === undefined) {
      // A number is in one open port order at a time (I6): a port-in whose numbers another open
      // request holds falls out before it makes a request of its own (a refused draft would hold the
      // numbers against every later order).
      const fresh = portInRequest(req, carrier, customer, { provider: this.opts.provider, policy: this.opts.policy, now: clock.now() });
      const tns = [...new Set(fresh.lines.map((l) => l.tn))];
      let held = await driver.openPortsFor(tns, '');
      // the holder may have ended meanwhile (its cancel confirmed by the carrier) without anyone applying that yet
      if (held.length > 0 && (await driver.syncInbound()) > 0) held = await driver.openPortsFor(tns, '');
      if (held.length > 0) {
        // held by ports being cancelled (the customer's earlier order, or this item before a revision): wait for the carrier
        const holders = await Promise.all([...new Set(held.map((h) => h.id))].map((id) => driver.byId(id)));
        const cancelling = holders.flatMap((h) => (h !== undefined && h.request.state === 'CANCEL_PENDING' ? [h.request] : []));
        const recent = cancelling.every((r) => clock.now() - Date.parse(r.lastActivityAt) < CANCEL_WAIT_MS);
        if (cancelling.length === holders.length && recent) return { cancelling };
        fail('PORT_VALIDATION_FAILED', `port-in ${req.idempotencyKey} not started: ${heldText(held)}`);
      }
      record = await driver.create(req.idempotencyKey, () => fresh);
    }
    if (record.request.state !== 'DRAFT') return record;
    // A draft kept from an earlier attempt (an operator retry after a fallout) may carry a due date
    // that is past by now: it takes the earliest the carrier allows now (or the customer's, if later).
    if (submitProblem(record.request, clock.now()) !== null) {
      const due = requestedDue(record.request.kind, carrier, clock.now(), req.desiredAt, record.request.partialPort);
      const redated = await driver.apply(record.request.id, { kind: 'action', action: { type: 'changeDueDate', due } });
      record = redated.record;
    }
    // Checked again against the requests that claimed the numbers first: of two port-ins started at
    // once for one number, the second stops here.
    const others = await driver.openPortsFor(heldNumbers(record.request), record.request.id);
    const validated = await driver.apply(record.request.id, { kind: 'action', action: { type: 'validate', pinRequired: carrier.pinRequired, tnsInOtherOpenOrders: others.map((o) => o.tn) } });
    if (validated.refusal !== undefined) {
      const holders = others.length === 0 ? '' : ` (${heldText(others)})`;
      fail('PORT_VALIDATION_FAILED', `port ${record.request.pon} not submitted: ${validated.refusal.reason}${holders}`);
    }
    const submitted = await driver.apply(record.request.id, { kind: 'action', action: { type: 'submit' } });
    if (submitted.refusal !== undefined) fail('PORT_SUBMIT_REFUSED', `port ${record.request.pon} not submitted: ${submitted.refusal.reason}`);
    return submitted.record;
  }
}
