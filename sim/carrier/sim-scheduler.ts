import type { Clock } from '../../src/ports/clock.js';

/** A clock the simulator may move forward (virtual time); a real clock leaves `advanceTo` out. */
export interface SimClock extends Clock {
  advanceTo?(ms: number): void;
}

/** A virtual clock that jumps from event to event. */
export class VirtualClock implements SimClock {
  constructor(private t: number) {}
  /** Current virtual time in ms. */
  now(): number {
    return this.t;
  }
  /** Moves time forward (never backwards). */
  advanceTo(ms: number): void {
    if (ms > this.t) this.t = ms;
  }
}

interface SimEvent {
  readonly at: number;
  readonly seq: number;
  readonly label: string;
  readonly run: () => void;
  /** What the event concerns (a PON), inherited from the work that scheduled it; undefined: anything. */
  readonly key: string | undefined;
}

/** A time-ordered event queue for the simulated world, driven by an injected clock. */
export class SimScheduler {
  private events: SimEvent[] = [];
  private seq = 0;
  /** The key of the work running now (an event or a message received): events it schedules carry it. */
  private context: string | undefined;

  constructor(readonly clock: SimClock) {}

  /** Schedules `run` at `at` (ms); events at the same instant run in scheduling order. */
  at(at: number, label: string, run: () => void): void {
    // after every event due at or before `at`: same-instant events keep their scheduling order
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.events[mid]?.at ?? 0) <= at) lo = mid + 1;
      else hi = mid;
    }
    this.events.splice(lo, 0, { at, seq: this.seq++, label, run, key: this.context });
  }

  /** Runs `f` as work about `key`: the events it schedules (and theirs, in turn) carry the key. */
  within<T>(key: string, f: () => T): T {
    const outer = this.context;
    this.context = key;
    try {
      return f();
    } finally {
      this.context = outer;
    }
  }

  /** When the next event about `key` (or scheduled outside any keyed work) is due, or undefined when none is pending. */
  nextAtFor(key: string): number | undefined {
    return this.events.find((e) => e.key === key || e.key === undefined)?.at;
  }

  /** Schedules `run` after `ms` from now. */
  after(ms: number, label: string, run: () => void): void {
    this.at(this.clock.now() + ms, label, run);
  }

  /** When the next event is due, or undefined when idle. */
  nextAt(): number | undefined {
    return this.events[0]?.at;
  }

  /** Runs every event due by `until`, moving a virtual clock to each event's time; returns how many ran. */
  runUntil(until: number): number {
    let n = 0;
    for (let e = this.events[0]; e !== undefined && e.at <= until; e = this.events[0]) {
      this.events.shift();
      this.clock.advanceTo?.(e.at);
      const outer = this.context;
      this.context = e.key;
      try {
        e.run();
      } finally {
        this.context = outer;
      }
      n++;
    }
    this.clock.advanceTo?.(until);
    return n;
  }

  /** Pending events (for dumpState). */
  pending(): { at: string; label: string }[] {
    return this.events.map((e) => ({ at: new Date(e.at).toISOString(), label: e.label }));
  }
}
