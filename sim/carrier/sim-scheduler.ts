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
}

/** A time-ordered event queue for the simulated world, driven by an injected clock. */
export class SimScheduler {
  private events: SimEvent[] = [];
  private seq = 0;

  constructor(readonly clock: SimClock) {}

  /** Schedules `run` at `at` (ms); events at the same instant run in scheduling order. */
  at(at: number, label: string, run: () => void): void {
    this.events.push({ at, seq: this.seq++, label, run });
    this.events.sort((a, b) => a.at - b.at || a.seq - b.seq);
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
      e.run();
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
