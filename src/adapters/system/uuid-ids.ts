import { randomFillSync } from 'node:crypto';
import type { Ids } from '../../ports/ids.js';

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
// Random bytes are drawn in blocks (as crypto.randomUUID does): per id, 8 for the random bits and
// one for the start of a new millisecond's sequence.
const ID_BYTES = 9;
const pool = Buffer.alloc(ID_BYTES * 512);
let poolAt = pool.length;
let lastMs = -1;
let sequence = 0;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit sequence, version and variant
 * bits, and 62 random bits. Ids made later sort later (the sequence counts within a millisecond
 * from a random start), so an order's rows are appended to the store's indexes instead of landing
 * at random places in them, which keeps inserts cheap as the store grows.
 */
export function uuidV7(nowMs: number = Date.now()): string {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  let ms = Math.max(nowMs, lastMs);
  const r = poolAt;
  poolAt += ID_BYTES;
  if (ms !== lastMs) sequence = (pool[r + 8] as number) << 3;
  else if (++sequence > 0xfff) {
    ms++;
    sequence = (pool[r + 8] as number) << 3;
  }
  lastMs = ms;
  const hi = Math.floor(ms / 0x10000);
  const lo = ms % 0x10000;
  const h = (n: number): string => HEX[n & 0xff] as string;
  return (
    h(hi >>> 24) + h(hi >>> 16) + h(hi >>> 8) + h(hi) + '-' + h(lo >>> 8) + h(lo) + '-' +
    h(0x70 | (sequence >>> 8)) + h(sequence) + '-' +
    h(0x80 | ((pool[r + 1] as number) & 0x3f)) + h(pool[r + 2] as number) + '-' +
    h(pool[r + 3] as number) + h(pool[r + 4] as number) + h(pool[r + 5] as number) + h(pool[r + 6] as number) + h(pool[r + 7] as number) + h(pool[r] as number)
  );
}

/** Time-ordered UUID v7 identifiers (see uuidV7). */
export const uuidIds: Ids = { next: () => uuidV7() };
