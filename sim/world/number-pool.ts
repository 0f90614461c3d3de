import { streamFor, type Seed } from '../random/index.js';
import type { Region } from './region.js';

/** A block of telephone numbers (NPA-NXX-XXXX range) the operator holds in a region. */
export interface NumberBlock {
  readonly regionId: string;
  readonly npa: string;
  readonly nxx: string;
  /** First and last line number of the block (0000-9999). */
  readonly from: number;
  readonly to: number;
}

/** Builds each region's MSISDN blocks: one thousands-block per area code. */
export function buildNumberBlocks(seed: Seed, regions: readonly Region[]): NumberBlock[] {
  return regions.flatMap((region) =>
    region.areaCodes.map((npa, i) => {
      const rng = streamFor(seed, 'number-block', region.id, i);
      const thousands = rng.int(1, 8);
      return { regionId: region.id, npa, nxx: String(rng.int(201, 989)), from: thousands * 1000, to: thousands * 1000 + 999 };
    }),
  );
}

const DAY_MS = 86_400_000;
const REPLENISH_DAYS = 30;

/**
 * Free numbers a region can assign on the day of `at`. Pools drain through each month and are
 * replenished when the operator gets a new block; a few region-months run short (under 20).
 */
export function numbersFree(seed: Seed, regionId: string, at: Date): number {
  const day = Math.floor(at.getTime() / DAY_MS);
  const cycle = Math.floor(day / REPLENISH_DAYS);
  const intoCycle = (day % REPLENISH_DAYS) / REPLENISH_DAYS;
  const grant = streamFor(seed, 'number-grant', regionId, cycle);
  const start = grant.bernoulli(0.15) ? grant.int(40, 120) : grant.int(400, 1200);
  return Math.max(0, Math.round(start * (1 - 0.85 * intoCycle)));
}
