/**
 * Gradient quantisation for histogram building (after LightGBM's quantised training): each row's
 * gradient and hessian become small integers packed into one float64, qg·2^26 + qh, so a histogram
 * update is one addition instead of two. Integer sums stay exact below 2^53, which bounds the
 * levels by the row count. Split search uses the decoded sums; leaf values are refitted exactly.
 */
export interface QuantizedGradients {
  readonly packed: Float64Array;
  readonly gScale: number;
  readonly hScale: number;
}

/** Multiplier of qg in a packed value; hessian sums must stay below it. */
export const PACK = 2 ** 26;

/** Packs the gradients of the given rows (other rows are left as they were). */
export function quantizeGradients(g: Float64Array, h: Float64Array, rows: Int32Array, packed: Float64Array): QuantizedGradients {
  const n = rows.length;
  const gLevels = Math.max(1, Math.min(127, Math.floor(PACK / 2 / n)));
  const hLevels = Math.max(1, Math.min(255, Math.floor((PACK - 1) / n)));
  let gMax = 0;
  let hMax = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    gMax = Math.max(gMax, Math.abs(g[r]!));
    hMax = Math.max(hMax, h[r]!);
  }
  const gScale = gMax > 0 ? gMax / gLevels : 1;
  const hScale = hMax > 0 ? hMax / hLevels : 1;
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    // Every row keeps a hessian of at least one level, so a non-empty bin never looks empty.
    const qh = Math.max(1, Math.round(h[r]! / hScale));
    packed[r] = Math.round(g[r]! / gScale) * PACK + qh;
  }
  return { packed, gScale, hScale };
}

/** Turns packed sums at out[2b] into Σg at 2b and Σh at 2b + 1, for bins [from, to). */
export function decodeSums(out: Float64Array, from: number, to: number, q: QuantizedGradients): void {
  for (let b = from; b < to; b++) {
    const s = out[2 * b]!;
    const qh = s - PACK * Math.floor(s / PACK);
    out[2 * b] = ((s - qh) / PACK) * q.gScale;
    out[2 * b + 1] = qh * q.hScale;
  }
}
