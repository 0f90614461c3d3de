import { addBusinessDays, dueStart } from '../../src/domain/porting/business-calendar.js';
import type {
  InboundCarrierMessage, InboundNpacMessage, InboundPortMessage, OutboundCarrierMessage, OutboundNpacMessage, OutboundPortMessage, PortRequestBody,
} from '../../src/domain/porting/port-message.js';
import { decideRequest, type CarrierVerdict } from './carrier-decision.js';
import { CarrierOutbox } from './carrier-outbox.js';
import { CARRIER_PROFILES, type CarrierProfile, type MinutesRange } from './carrier-profile.js';
import { MiniNpac, type LsmsFault } from './mini-npac.js';
import type { SimAccount, TnRegistration } from './sim-account.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';
import { SimScheduler } from './sim-scheduler.js';
import { ponOf, redact, type CarrierWorldOptions, type LoggedMessage, type ScriptStep, type SimPortOrder } from './carrier-world-records.js';

export type { CarrierWorldOptions, LoggedMessage, ScriptStep } from './carrier-world-records.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** The simulated losing carriers plus the mini-NPAC, on an injected (virtual or real) clock. */
export class CarrierWorld {
  readonly scheduler: SimScheduler;
  readonly npac: MiniNpac;
  readonly registry = new Map<string, TnRegistration>();
  readonly accounts = new Map<string, SimAccount>();
  readonly log: LoggedMessage[] = [];
  private readonly outbox = new CarrierOutbox();
  private readonly listeners = new Set<(m: InboundPortMessage) => void>();
  private readonly receipts = new Map<string, string>();
  private readonly orders = new Map<string, SimPortOrder>();
  private readonly scripts = new Map<string, ScriptStep[]>();
  private readonly profiles: Map<string, CarrierProfile>;
  private readonly rng: SeededRandom;
  private seq = 0;

  constructor(private readonly opts: CarrierWorldOptions) {
    this.scheduler = new SimScheduler(opts.clock);
    this.rng = seededRandom(opts.seed);
    this.profiles = new Map((opts.profiles ?? Object.values(CARRIER_PROFILES)).map((p) => [p.spid, p]));
    this.npac = new MiniNpac(this.scheduler, (pon, body) => this.emit(pon, undefined, 'NPAC', body));
  }

  /** Current world time. */
  now(): number {
    return this.opts.clock.now();
  }

  /** Adds an account held by the carrier with the given SPID. */
  addAccount(spid: string, account: SimAccount): void {
    this.accounts.set(account.accountNumber, account);
    for (const t of account.tns) this.registry.set(t.tn, { tn: t.tn, spid, accountNumber: account.accountNumber });
  }

  /** Scripts the answers for a PON (test mode). */
  script(pon: string, steps: ScriptStep[]): void {
    this.scripts.set(pon, steps);
  }

  /** Makes the next `attempts` broadcasts for a TN fail (partial or total). */
  failLsms(tn: string, fault: LsmsFault): void {
    this.npac.lsmsFaults.set(tn, { ...fault });
  }

  /** Subscribes to messages for Provisio; returns an unsubscribe function. */
  onMessage(listener: (m: InboundPortMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Messages for Provisio after a cursor (the sequence number of the last one seen), unacknowledged only. */
  poll(cursor: number, limit = 100): { messages: InboundPortMessage[]; cursor: number } {
    return this.outbox.poll(cursor, limit);
  }

  /** Acknowledges delivered messages. */
  acknowledge(ids: readonly string[]): void {
    this.outbox.acknowledge(ids);
  }

  /** Re-emits an already delivered message unchanged (duplicate delivery, scenario X1). */
  redeliver(messageId: string): void {
    const m = this.log.find((e) => e.direction === 'OUT' && e.correlationId === messageId)?.normalized as InboundPortMessage | undefined;
    if (m !== undefined) for (const l of this.listeners) l(m);
  }

  /** What the world holds for a PON. */
  query(pon: string): { latestVersion: number; status: SimPortOrder['status'] | 'UNKNOWN'; svs: { tn: string; svId: string; status: string }[] } {
    const o = this.orders.get(pon);
    const svs = [...this.npac.svs.values()].filter((s) => s.pon === pon).map((s) => ({ tn: s.tn, svId: s.svId, status: s.status }));
    return { latestVersion: o?.versions.at(-1)?.version ?? 0, status: o?.status ?? 'UNKNOWN', svs };
  }

  /** Receives a message from Provisio, at most once per idempotency key; returns the correlation id and whether it was a duplicate. */
  receive(message: OutboundPortMessage, idempotencyKey: string): { carrierRef: string; duplicate: boolean } {
    const seen = this.receipts.get(idempotencyKey);
    if (seen !== undefined) return { carrierRef: seen, duplicate: true };
    const carrierRef = `CR${++this.seq}`;
    this.receipts.set(idempotencyKey, carrierRef);
    this.log.push({ at: new Date(this.now()).toISOString(), direction: 'IN', correlationId: carrierRef, idempotencyKey, raw: redact(message), normalized: message });
    this.scheduler.within(ponOf(message), () => {
      if (message.type === 'PortRequest' || message.type === 'PortSupplement' || message.type === 'SnapbackRequest') this.onCarrierMessage(message);
      else this.onNpacMessage(message);
    });
    return { carrierRef, duplicate: false };
  }

  /** When the world can next send something about `pon` on its own (its next event for that PON, or for anything), if ever. */
  nextEventAt(pon: string): number | undefined {
    return this.scheduler.nextAtFor(pon);
  }

  private emit(pon: string, version: number | undefined, exchange: 'CARRIER' | 'NPAC', body: InboundCarrierMessage | InboundNpacMessage): void {
    const id = `cs-${++this.seq}`;
    const m = { messageId: id, idempotencyKey: `${id}`, pon, version, sentAt: new Date(this.now()).toISOString(), exchange, ...body } as InboundPortMessage;
    this.outbox.push(m);
    this.log.push({ at: m.sentAt, direction: 'OUT', correlationId: id, idempotencyKey: id, raw: JSON.stringify(m), normalized: m });
    for (const l of this.listeners) l(m);
  }

  private draw(range: MinutesRange): number {
    return this.rng.int(range[0], range[1]) * MIN;
  }

  private onCarrierMessage(m: OutboundCarrierMessage): void {
    if (m.type === 'SnapbackRequest') return this.onSnapback(m.pon);
    const body = m.body;
    const profile = this.profiles.get(body.oldSpid);
    let order = this.orders.get(body.pon);
    if (order === undefined) {
      if (profile === undefined) return;
      order = { pon: body.pon, profile, receivedAt: this.now(), versions: [], status: 'RECEIVED' };
      this.orders.set(body.pon, order);
    }
    order.versions.push(body);
    if (m.type === 'PortSupplement' && m.supType === 'CANCEL') return this.onCancel(order, body.version);
    if (m.type === 'PortSupplement' && m.supType === 'CANCEL_UNDO') {
      order.status = 'CONFIRMED';
      const due = order.confirmedDue ?? body.requestedDue;
      this.scheduler.after(this.draw(order.profile.latency.ackMinutes), `reconfirm ${body.pon}`, () =>
        this.emit(body.pon, body.version, 'CARRIER', { type: 'PortResponse', response: 'CONFIRM', focDue: due }));
      return;
    }
    this.answer(order, body);
  }

  private scriptFor(pon: string, version: number): ScriptStep | undefined {
    return this.scripts.get(pon)?.find((s) => s.version === undefined || s.version === version);
  }

  private answer(order: SimPortOrder, body: PortRequestBody): void {
    const p = order.profile;
    const step = this.scriptFor(body.pon, body.version);
    const silent = step?.do === 'SILENCE' || (step === undefined && this.rng.chance(p.faults.silenceProbability));
    if (silent) return;
    const ackAt = this.draw(p.latency.ackMinutes);
    const verdict = this.decide(order, body);
    if (verdict.kind === 'SYNTAX_ERROR') {
      this.scheduler.after(ackAt, `ack ${body.pon}`, () => this.emit(body.pon, body.version, 'CARRIER', { type: 'PortRequestAck', result: 'SYNTAX_ERROR', errors: verdict.errors }));
      return;
    }
    this.scheduler.after(ackAt, `ack ${body.pon}`, () => this.emit(body.pon, body.version, 'CARRIER', { type: 'PortRequestAck', result: 'ACCEPTED_FOR_PROCESSING', errors: [] }));
    const respondAt = Math.max(ackAt, this.draw(p.latency.responseMinutes));
    const delay = step?.do === 'DELAY' ? step : step === undefined && this.rng.chance(p.faults.delayProbability) ? { do: 'DELAY' as const, answerAfterMinutes: this.draw(p.faults.delayAnswerMinutes) / MIN } : undefined;
    if (delay !== undefined) {
      const answerDueAt = new Date(this.now() + respondAt + delay.answerAfterMinutes * MIN).toISOString();
      this.scheduler.after(respondAt, `delay ${body.pon}`, () => {
        order.status = 'DELAYED';
        this.emit(body.pon, body.version, 'CARRIER', { type: 'PortResponse', response: 'DELAY', answerDueAt, delayReason: p.faults.delayReason });
      });
      if (delay.thenSilent === true) return;
      this.scheduler.at(Date.parse(answerDueAt) - MIN, `answer ${body.pon}`, () => this.respond(order, body, verdict));
      return;
    }
    this.scheduler.after(respondAt, `answer ${body.pon}`, () => this.respond(order, body, verdict));
  }

  private decide(order: SimPortOrder, body: PortRequestBody): CarrierVerdict {
    const step = this.scriptFor(body.pon, body.version);
    if (step?.do === 'REJECT') return { kind: 'REJECT', reasons: step.codes.map((code) => ({ code, fields: [] })) };
    const others = new Set([...this.orders.values()].filter((o) => o.pon !== body.pon && o.status !== 'CANCELLED' && o.status !== 'REJECTED').flatMap((o) => o.versions.at(-1)?.tns ?? []));
    const verdict = decideRequest(body, { profile: order.profile, registry: this.registry, accounts: this.accounts, tnsInOtherRequests: others, now: this.now(), receivedAt: order.receivedAt });
    if (step?.do === 'COUNTER' && verdict.kind === 'CONFIRM' && verdict.focDue.kind === 'DATE') {
      return { ...verdict, focDue: { kind: 'DATE', date: addBusinessDays(verdict.focDue.date, step.extraBusinessDays, order.profile.calendar) }, counter: true };
    }
    return verdict;
  }

  private respond(order: SimPortOrder, body: PortRequestBody, verdict: CarrierVerdict): void {
    if (order.versions.at(-1)?.version !== body.version || order.status === 'CANCELLED') return;
    if (verdict.kind === 'REJECT') {
      order.status = 'REJECTED';
      this.emit(body.pon, body.version, 'CARRIER', { type: 'PortResponse', response: 'REJECT', reasons: verdict.reasons });
      return;
    }
    if (verdict.kind !== 'CONFIRM') return;
    order.status = 'CONFIRMED';
    order.confirmedDue = verdict.focDue;
    this.emit(body.pon, body.version, 'CARRIER', { type: 'PortResponse', response: 'CONFIRM', focDue: verdict.focDue });
    if (order.profile.faults.revokeFocIfNotActivated) this.scheduleFocRevocation(order, body.version);
  }

  private scheduleFocRevocation(order: SimPortOrder, version: number): void {
    const due = order.confirmedDue;
    if (due === undefined) return;
    const at = dueStart(due, order.profile.calendar) + order.profile.faults.revokeAfterHours * HOUR;
    this.scheduler.at(at, `revoke FOC ${order.pon}`, () => {
      const active = [...this.npac.svs.values()].some((s) => s.pon === order.pon && (s.status === 'active' || s.status === 'sending'));
      if (active || order.status !== 'CONFIRMED' || order.versions.at(-1)?.version !== version) return;
      order.status = 'REJECTED';
      this.emit(order.pon, version, 'CARRIER', { type: 'FocRevoked', text: 'due date missed' });
    });
  }

  private onCancel(order: SimPortOrder, version: number): void {
    order.status = 'CANCELLED';
    this.scheduler.after(this.draw(order.profile.latency.ackMinutes), `cancel ack ${order.pon}`, () =>
      this.emit(order.pon, version, 'CARRIER', { type: 'PortRequestAck', result: 'ACCEPTED_FOR_PROCESSING', errors: [] }));
  }

  /** Losing-side cancel (retention save): CancelNotice plus an old-SP SV cancel (scenario N5). */
  retentionCancel(pon: string): void {
    const order = this.orders.get(pon);
    if (order === undefined) return;
    const version = order.versions.at(-1)?.version ?? 1;
    this.emit(pon, version, 'CARRIER', { type: 'CancelNotice', text: 'customer retained' });
    for (const sv of this.npac.svs.values()) if (sv.pon === pon) this.npac.cancel(sv, 'OLD', false);
  }

  /** The old provider tries to put the PON's SVs in conflict; returns the mini-NPAC's refusal, if any. */
  oldSpConflict(pon: string, cause: number): string | null {
    for (const sv of this.npac.svs.values()) {
      if (sv.pon !== pon) continue;
      const refused = this.npac.conflict(sv, cause);
      if (refused !== null) return refused;
    }
    return null;
  }

  private onSnapback(pon: string): void {
    const order = this.orders.get(pon);
    if (order === undefined) return;
    const p = order.profile.snapback;
    const svs = [...this.npac.svs.values()].filter((s) => s.pon === pon && s.status === 'active' && s.newSpid !== order.profile.spid);
    const inWindow = svs.every((s) => this.now() <= (s.activatedAt ?? 0) + p.windowHours * HOUR);
    const accepted = p.accepts && svs.length > 0 && inWindow;
    this.emit(pon, undefined, 'CARRIER', { type: 'SnapbackResponse', accepted });
    if (accepted) this.scheduler.after(this.draw(p.executesMinutes), `snapback ${pon}`, () => svs.forEach((s) => this.npac.snapback(s)));
  }

  private onNpacMessage(m: OutboundNpacMessage): void {
    const order = this.orders.get(m.pon);
    if (order === undefined) return;
    switch (m.type) {
      case 'SvCreate':
        return this.onSvCreate(order, m);
      case 'SvModify': {
        const sv = this.npac.find(m.pon, m.tn);
        if (sv !== undefined) sv.due = m.due;
        return;
      }
      case 'SvActivate':
        for (const tn of m.tns) {
          const sv = this.npac.find(m.pon, tn);
          if (sv !== undefined) this.npac.activate(sv, this.opts.broadcastMs ?? 5_000);
        }
        return;
      case 'SvCancel':
        return m.tns.forEach((tn) => this.withSv(m.pon, tn, (sv) => this.npac.cancel(sv, 'NEW', order.profile.npac.cancelAck === 'ACK')));
      case 'SvCancelAck':
        return m.tns.forEach((tn) => this.withSv(m.pon, tn, (sv) => this.npac.cancelAck(sv)));
      case 'SvCancelUndo':
        return m.tns.forEach((tn) => this.withSv(m.pon, tn, (sv) => this.npac.cancelUndo(sv)));
      case 'SvRemoveFromConflict':
        return this.withSv(m.pon, m.tn, (sv) => this.npac.removeFromConflict(sv, 'NEW'));
    }
  }

  private withSv(pon: string, tn: string, f: (sv: NonNullable<ReturnType<MiniNpac['find']>>) => unknown): void {
    const sv = this.npac.find(pon, tn);
    if (sv !== undefined) f(sv);
  }

  private onSvCreate(order: SimPortOrder, m: OutboundNpacMessage & { type: 'SvCreate' }): void {
    const p = order.profile;
    const sv = this.npac.create({ pon: m.pon, tn: m.tn, newSpid: m.newSpid, oldSpid: m.oldSpid, due: m.due, calendar: p.calendar,
      wireline: m.due.kind === 'DATE', t1Hours: p.npac.timerSetHours.t1, t2Hours: p.npac.timerSetHours.t2 });
    if (typeof sv === 'string') return;
    const lsrHeld = order.status === 'CONFIRMED' && (order.versions.at(-1)?.tns.includes(m.tn) ?? false);
    if (!lsrHeld && p.npac.conflictOnMissingLsr) {
      this.scheduler.after(MIN, `conflict 50 ${sv.svId}`, () => this.npac.conflict(sv, 50));
      return;
    }
    if (p.npac.sendsOldSpCreate) this.scheduler.after(this.draw(p.npac.concurMinutes), `concur ${sv.svId}`, () => this.npac.concur(sv));
  }

  /** A snapshot of the world for debugging and the dumpState test hook. */
  dumpState(): unknown {
    return { now: new Date(this.now()).toISOString(), orders: [...this.orders.values()].map((o) => ({ pon: o.pon, status: o.status, versions: o.versions.length })),
      svs: [...this.npac.svs.values()].map((s) => ({ svId: s.svId, tn: s.tn, status: s.status })), pending: this.scheduler.pending() };
  }
}
