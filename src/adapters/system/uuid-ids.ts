import { randomFillSync } from 'node:crypto';
import type { Ids } from '../../ports/ids.js';

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
const DASH = 0x2d;
const text = Buffer.alloc(36);
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
  // The 16 bytes, written as hex into one text buffer: one string per id, no concatenation.
  const bytes = [
    Math.floor(ms / 0x10000000000), Math.floor(ms / 0x100000000), Math.floor(ms / 0x1000000), Math.floor(ms / 0x10000), Math.floor(ms / 0x100), ms,
    0x70 | (sequence >>> 8), sequence, 0x80 | ((pool[r] as number) & 0x3f),
  ];
  let at = 0;
  for (let i = 0; i < 16; i++) {
    const b = (i < bytes.length ? (bytes[i] as number) : (pool[r + i - bytes.length + 1] as number)) & 0xff;
    if (i === 4 || i === 6 || i === 8 || i === 10) text[at++] = DASH;
    text[at++] = HEX_DIGITS[b >>> 4] as number;
    text[at++] = HEX_DIGITS[b & 0xf] as number;
  }
  return text.toString('latin1');
}

/** Time-ordered UUID v7 identifiers (see uuidV7). */
export const uuidIds: Ids = { next: () => uuidV7() };
