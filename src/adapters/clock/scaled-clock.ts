import type { Clock } from '../../ports/clock.js';

/** Where a scaled clock starts and how fast it runs. */
export interface ClockScale {
  /** The time the clock reads at the wall-clock instant `anchor` (ms since the epoch). */
  readonly startAt: number;
  /** Simulated milliseconds per wall-clock millisecond (1 = real time). */
  readonly rate: number;
  /** The wall-clock instant (ms) at which the clock reads `startAt`; processes given the same anchor agree on the time. */
  readonly anchor: number;
}

/**
 * A clock that runs `rate` times faster than the wall clock from a chosen start: a server and a
 * carrier simulator started with the same scale read the same time, so a port that takes hours of
 * carrier time completes in seconds. It never goes backwards.
 */
export function scaledClock(scale: ClockScale, wall: () => number = Date.now): Clock {
  return { now: () => Math.floor(scale.startAt + Math.max(0, wall() - scale.anchor) * scale.rate) };
}
