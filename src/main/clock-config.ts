import type { ClockScale } from '../adapters/clock/scaled-clock.js';

/** Flags of the scaled clock, shared by `serve`, `worker` and `carrier-sim`. */
export const CLOCK_FLAGS = {
  'clock-start': { type: 'string' },
  'clock-rate': { type: 'string' },
  'clock-anchor': { type: 'string' },
} as const;

/** Usage text of the clock flags. */
export const CLOCK_USAGE =
  '[--clock-start ISO] [--clock-rate N] [--clock-anchor EPOCH_MS]  (env PROVISIO_CLOCK_START, PROVISIO_CLOCK_RATE, PROVISIO_CLOCK_ANCHOR)';

/**
 * Reads the scaled clock: undefined (the wall clock) unless a start or a rate is given. The anchor
 * defaults to now; give two processes the same anchor and they read the same time.
 */
export function readClockScale(
  values: { readonly 'clock-start'?: string; readonly 'clock-rate'?: string; readonly 'clock-anchor'?: string },
  env: NodeJS.ProcessEnv,
  now: number,
): ClockScale | undefined {
  const startText = values['clock-start'] ?? env.PROVISIO_CLOCK_START;
  const rateText = values['clock-rate'] ?? env.PROVISIO_CLOCK_RATE;
  const anchorText = values['clock-anchor'] ?? env.PROVISIO_CLOCK_ANCHOR;
  if (startText === undefined && rateText === undefined) return undefined;
  const startAt = startText === undefined ? now : Date.parse(startText);
  if (Number.isNaN(startAt)) throw new Error(`clock start must be an ISO date-time, got "${startText}"`);
  const rate = rateText === undefined ? 1 : Number(rateText);
  if (!(Number.isFinite(rate) && rate > 0 && rate <= 1_000_000)) throw new Error(`clock rate must be a number above 0 (at most 1000000), got "${rateText}"`);
  const anchor = anchorText === undefined ? now : Number(anchorText);
  if (!Number.isInteger(anchor) || anchor < 0) throw new Error(`clock anchor must be epoch milliseconds, got "${anchorText}"`);
  return { startAt, rate, anchor };
}
