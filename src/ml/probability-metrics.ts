/** Probabilities are clipped to [LOG_LOSS_EPS, 1 − LOG_LOSS_EPS] in the log-loss. */
export const LOG_LOSS_EPS = 1e-15;

/** Brier score: mean (p − y)². */
export function brierScore(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i]! - y[i]!) ** 2;
  return s / p.length;
}

/** Binary log-loss: −mean[y·ln p + (1 − y)·ln(1 − p)], p clipped to [1e-15, 1 − 1e-15]. */
export function logLoss(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, p[i]!));
    s -= y[i]! > 0.5 ? Math.log(q) : Math.log(1 - q);
  }
  return s / p.length;
}

/** One bin of a reliability table. */
export interface ReliabilityBin {
  readonly count: number;
  readonly meanPredicted: number;
  readonly observedRate: number;
}

/**
 * Equal-frequency reliability bins: rows sorted by p (ties by row order), bin b holds sorted rows
 * [⌊b·n/B⌋, ⌊(b+1)·n/B⌋).
 */
export function reliabilityBins(p: ArrayLike<number>, y: ArrayLike<number>, bins = 10): ReliabilityBin[] {
  const n = p.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a]! - p[b]! || a - b);
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const lo = Math.floor((b * n) / bins);
    const hi = Math.floor(((b + 1) * n) / bins);
    if (hi <= lo) continue;
    let sp = 0;
    let sy = 0;
    for (let i = lo; i < hi; i++) {
      sp += p[order[i]!]!;
      sy += y[order[i]!]!;
    }
    out.push({ count: hi - lo, meanPredicted: sp / (hi - lo), observedRate: sy / (hi - lo) });
  }
  return out;
}

/** Expected calibration error: Σ_b (n_b/N)·|ȳ_b − p̄_b| over equal-frequency bins. */
export function expectedCalibrationError(p: ArrayLike<number>, y: ArrayLike<number>, bins = 10): number {
  return reliabilityBins(p, y, bins).reduce((s, b) => s + (b.count / p.length) * Math.abs(b.observedRate - b.meanPredicted), 0);
}
