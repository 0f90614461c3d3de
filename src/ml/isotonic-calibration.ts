/**
 * Isotonic calibration: a non-decreasing step map from margin to probability, stored as block
 * centres x (ascending) and block means y, linearly interpolated between centres.
 */
export interface IsotonicCalibration {
  readonly kind: 'isotonic';
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/** Predictions are clipped to [ISOTONIC_CLIP, 1 − ISOTONIC_CLIP]. */
export const ISOTONIC_CLIP = 1e-6;

interface Block {
  w: number;
  sy: number;
  sx: number;
}

function tiedBlocks(scores: ArrayLike<number>, labels: ArrayLike<number>): Block[] {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]! || a - b);
  const blocks: Block[] = [];
  let last = NaN;
  for (const i of order) {
    const s = scores[i]!;
    if (s !== last) blocks.push({ w: 0, sy: 0, sx: 0 });
    const b = blocks[blocks.length - 1]!;
    b.w += 1;
    b.sy += labels[i]!;
    b.sx += s;
    last = s;
  }
  return blocks;
}

/**
 * Fits isotonic regression by pool-adjacent-violators: tied scores are pooled first, then adjacent
 * blocks merge while a block's mean is ≥ its right neighbour's, leaving strictly increasing means.
 */
export function fitIsotonic(scores: ArrayLike<number>, labels: ArrayLike<number>): IsotonicCalibration {
  if (scores.length !== labels.length || scores.length === 0) throw new Error('isotonic: need equally long, non-empty inputs');
  const stack: Block[] = [];
  for (const b of tiedBlocks(scores, labels)) {
    stack.push(b);
    while (stack.length >= 2) {
      const r = stack[stack.length - 1]!;
      const l = stack[stack.length - 2]!;
      if (l.sy / l.w < r.sy / r.w) break;
      stack.pop();
      [l.w, l.sy, l.sx] = [l.w + r.w, l.sy + r.sy, l.sx + r.sx];
    }
  }
  return { kind: 'isotonic', x: stack.map((b) => b.sx / b.w), y: stack.map((b) => b.sy / b.w) };
}

/** Calibrated probability for a score: interpolated between block centres, flat outside them. */
export function applyIsotonic(c: IsotonicCalibration, score: number): number {
  const { x, y } = c;
  const n = x.length;
  const clip = (p: number): number => Math.min(1 - ISOTONIC_CLIP, Math.max(ISOTONIC_CLIP, p));
  if (score <= x[0]!) return clip(y[0]!);
  if (score >= x[n - 1]!) return clip(y[n - 1]!);
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= score) lo = mid;
    else hi = mid;
  }
  const t = (score - x[lo]!) / (x[hi]! - x[lo]!);
  return clip(y[lo]! + t * (y[hi]! - y[lo]!));
}
