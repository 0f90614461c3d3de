import type { Clock } from '../../ports/clock.js';

/** A clock that only moves when told: simulations jump from event to event, so a month runs in seconds. */
export class VirtualClock implements Clock {
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  /** Moves the clock forward to `ms` (never backwards). */
  advanceTo(ms: number): void {
    if (ms > this.current) this.current = ms;
  }

  /** Moves the clock forward by `ms`. */
  advanceBy(ms: number): void {
    this.current += Math.max(0, ms);
  }
}
