import { dueStart, fromLocal, isBusinessDay, addDays, type CarrierCalendar } from '../../src/domain/porting/business-calendar.js';
import type { DueSpec } from '../../src/domain/porting/port-kind.js';
import type { InboundNpacMessage } from '../../src/domain/porting/port-message.js';
import type { SvStatus } from '../../src/domain/porting/port-state.js';
import type { SimScheduler } from './sim-scheduler.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A subscription version held by the mini-NPAC (porting.md §14.1). */
export interface SimSv {
  readonly svId: string;
  readonly tn: string;
  readonly pon: string;
  status: SvStatus;
  prevStatus?: SvStatus;
  readonly newSpid: string;
  readonly oldSpid: string;
  due: DueSpec;
  readonly calendar: CarrierCalendar;
  readonly wireline: boolean;
  concurred: boolean;
  activatable: boolean;
  conflictCause?: number;
  conflictSetAt?: number;
  cancelInitiator?: 'NEW' | 'OLD';
  activatedAt?: number;
  /** Bumped on every status change so that stale timers do nothing. */
  gen: number;
}

/** Per-TN broadcast faults: the next `attempts` activations end in `status`. */
export interface LsmsFault {
  status: 'partial-failure' | 'failed';
  attempts: number;
}

/** A small NPAC-like clearinghouse: SV states (§7), T1/T2, conflict and cancel windows, broadcasts. */
export class MiniNpac {
  readonly svs = new Map<string, SimSv>();
  readonly lsmsFaults = new Map<string, LsmsFault>();
  private readonly portedNpaNxx = new Set<string>();
  private seq = 0;

  constructor(
    private readonly scheduler: SimScheduler,
    private readonly notify: (pon: string, body: InboundNpacMessage) => void,
    readonly cancelWindowHours = 9,
  ) {}

  private now(): number {
    return this.scheduler.clock.now();
  }

  /** The live SV of a TN for a PON. */
  find(pon: string, tn: string): SimSv | undefined {
    return [...this.svs.values()].reverse().find((s) => s.pon === pon && s.tn === tn && s.newSpid !== s.oldSpid);
  }

  /** Sets a status and tells the new provider. */
  setStatus(sv: SimSv, status: SvStatus, extra: { failedLsms?: string[] } = {}): void {
    sv.prevStatus = sv.status;
    sv.status = status;
    sv.gen++;
    this.notify(sv.pon, { type: 'SvStatusChanged', tn: sv.tn, svId: sv.svId, status, newSpid: sv.newSpid, concurred: sv.concurred,
      cause: status === 'conflict' ? sv.conflictCause : undefined, failedLsms: extra.failedLsms });
  }

  /** New-SP create (§14.2 validation); returns the SV or a refusal text. */
  create(input: { pon: string; tn: string; newSpid: string; oldSpid: string; due: DueSpec; calendar: CarrierCalendar; wireline: boolean;
    t1Hours: number; t2Hours: number }): SimSv | string {
    if (input.newSpid === input.oldSpid) return 'new SPID equals the current SPID';
    if (dueStart(input.due, input.calendar) < this.now() - DAY) return 'due date in the past';
    if (input.wireline && input.due.kind !== 'DATE') return 'wireline SVs need a date-only due date';
    const open = [...this.svs.values()].find((s) => s.tn === input.tn && ['pending', 'conflict', 'cancel-pending'].includes(s.status) && s.pon !== input.pon);
    if (open !== undefined) return `TN ${input.tn} already has an open SV`;
    const sv: SimSv = { svId: `SV${++this.seq}`, tn: input.tn, pon: input.pon, status: 'pending', newSpid: input.newSpid, oldSpid: input.oldSpid,
      due: input.due, calendar: input.calendar, wireline: input.wireline, concurred: false, activatable: false, gen: 0 };
    this.svs.set(sv.svId, sv);
    this.setStatus(sv, 'pending');
    this.startConcurrenceTimers(sv, input.t1Hours, input.t2Hours);
    this.scheduler.at(dueStart(sv.due, sv.calendar) + 30 * DAY, `purge ${sv.svId}`, () => {
      if (sv.status === 'pending') this.setStatus(sv, 'canceled');
    });
    return sv;
  }

  private startConcurrenceTimers(sv: SimSv, t1: number, t2: number): void {
    this.scheduler.after(t1 * HOUR, `T1 ${sv.svId}`, () => {
      if (sv.status !== 'pending' || sv.concurred) return;
      this.notify(sv.pon, { type: 'SvConcurrenceRequest', tn: sv.tn, svId: sv.svId });
      this.scheduler.after(t2 * HOUR, `T2 ${sv.svId}`, () => {
        if (sv.status !== 'pending' || sv.concurred) return;
        sv.activatable = true;
        this.notify(sv.pon, { type: 'SvFinalWindowExpired', tn: sv.tn, svId: sv.svId, silentParty: 'OLD' });
      });
    });
  }

  /** Old-SP matching create: concurrence. */
  concur(sv: SimSv): void {
    if (sv.status !== 'pending' || sv.concurred) return;
    sv.concurred = true;
    this.setStatus(sv, 'pending');
  }

  /** Old-SP conflict; refused for wireline after noon local on the business day before the due date (NANC 012). */
  conflict(sv: SimSv, cause: number): string | null {
    if (sv.status !== 'pending') return `SV is ${sv.status}`;
    if (sv.wireline && sv.due.kind === 'DATE') {
      let d = addDays(sv.due.date, -1);
      while (!isBusinessDay(d, sv.calendar)) d = addDays(d, -1);
      if (this.now() >= fromLocal(d, '12:00', sv.calendar.zone)) return 'conflict restriction window has passed';
    }
    sv.conflictCause = cause;
    sv.conflictSetAt = this.now();
    this.setStatus(sv, 'conflict');
    const gen = sv.gen;
    this.scheduler.after(30 * DAY, `conflict expiry ${sv.svId}`, () => {
      if (sv.gen === gen && sv.status === 'conflict') this.setStatus(sv, 'canceled');
    });
    return null;
  }

  /** Removal from conflict, by the new SP after the 6 h restriction, or by the old SP at any time. */
  removeFromConflict(sv: SimSv, by: 'NEW' | 'OLD'): string | null {
    if (sv.status !== 'conflict') return 'SV is not in conflict';
    if (by === 'NEW' && this.now() < (sv.conflictSetAt ?? 0) + 6 * HOUR) return 'new-SP conflict restriction (6 h) not elapsed';
    sv.conflictCause = undefined;
    this.setStatus(sv, 'pending');
    return null;
  }

  /** Activation: sending, then a broadcast result after `broadcastMs`. */
  activate(sv: SimSv, broadcastMs: number): string | null {
    const resend = sv.status === 'partial-failure' || sv.status === 'failed';
    if (!resend && sv.status !== 'pending') return `SV is ${sv.status}`;
    if (!resend && !sv.concurred && !sv.activatable) return 'no concurrence and T2 not expired';
    if (this.now() < dueStart(sv.due, sv.calendar)) return 'due time not reached';
    this.setStatus(sv, 'sending');
    this.scheduler.after(broadcastMs, `broadcast ${sv.svId}`, () => this.broadcastResult(sv));
    return null;
  }

  private broadcastResult(sv: SimSv): void {
    const fault = this.lsmsFaults.get(sv.tn);
    if (fault !== undefined && fault.attempts > 0) {
      fault.attempts--;
      this.setStatus(sv, fault.status, { failedLsms: fault.status === 'failed' ? ['ALL'] : ['LSMS-EAST', 'LSMS-WEST'] });
      return;
    }
    sv.activatedAt = this.now();
    this.setStatus(sv, 'active');
    const npaNxx = sv.tn.slice(0, 6);
    if (!this.portedNpaNxx.has(npaNxx)) {
      this.portedNpaNxx.add(npaNxx);
      this.notify(sv.pon, { type: 'NewNpaNxx', npaNxx });
    }
  }

  /** Cancel by either side (§7): unconcurred -> canceled; concurred -> cancel-pending with two windows. */
  cancel(sv: SimSv, by: 'NEW' | 'OLD', otherSideAcks: boolean): void {
    if (sv.status === 'conflict' && by === 'NEW') return this.setStatus(sv, 'canceled');
    if (sv.status !== 'pending') return;
    if (!sv.concurred) return this.setStatus(sv, 'canceled');
    sv.cancelInitiator = by;
    this.setStatus(sv, 'cancel-pending');
    const gen = sv.gen;
    const w = this.cancelWindowHours * HOUR;
    if (otherSideAcks) this.scheduler.after(10 * MIN, `cancel ack ${sv.svId}`, () => sv.gen === gen && this.setStatus(sv, 'canceled'));
    this.scheduler.after(w, `cancel window 1 ${sv.svId}`, () => {
      if (sv.gen === gen && by === 'OLD') this.notify(sv.pon, { type: 'SvCancelAckRequest', tn: sv.tn, svId: sv.svId });
    });
    this.scheduler.after(2 * w, `cancel window 2 ${sv.svId}`, () => {
      if (sv.gen !== gen) return;
      if (by === 'OLD') sv.conflictSetAt = this.now();
      this.setStatus(sv, by === 'NEW' ? 'canceled' : 'conflict');
    });
  }

  /** Acknowledges the other side's cancel. */
  cancelAck(sv: SimSv): void {
    if (sv.status === 'cancel-pending') this.setStatus(sv, 'canceled');
  }

  /** Cancel-undo by the initiator while cancel-pending. */
  cancelUndo(sv: SimSv): string | null {
    if (sv.status !== 'cancel-pending') return 'SV is not cancel-pending';
    sv.cancelInitiator = undefined;
    this.setStatus(sv, sv.prevStatus === 'cancel-pending' || sv.prevStatus === undefined ? 'pending' : sv.prevStatus);
    return null;
  }

  /** Snap-back: the original provider's own SV becomes active and ours old (a new port back, not an undo). */
  snapback(ours: SimSv): void {
    const theirs: SimSv = { ...ours, svId: `SV${++this.seq}`, newSpid: ours.oldSpid, oldSpid: ours.newSpid, status: 'active', gen: 0 };
    this.svs.set(theirs.svId, theirs);
    this.setStatus(ours, 'old');
    this.notify(ours.pon, { type: 'SvStatusChanged', tn: ours.tn, svId: theirs.svId, status: 'active', newSpid: theirs.newSpid });
  }
}
