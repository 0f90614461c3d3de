/** Platt scaling: p = σ(a·margin + b), fitted on a calibration slice. */
export interface PlattCalibration {
  readonly kind: 'platt';
  readonly a: number;
  readonly b: number;
}

function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function loss(m: ArrayLike<number>, t: Float64Array, a: number, b: number): number {
  let s = 0;
  for (let i = 0; i < t.length; i++) {
    const z = a * m[i]! + b;
    s += softplus(z) - t[i]! * z;
  }
  return s;
}

/** Platt's smoothed targets: (N₊+1)/(N₊+2) for positives, 1/(N₋+2) for negatives. */
function smoothedTargets(labels: ArrayLike<number>): { t: Float64Array; nPos: number; nNeg: number } {
  let nPos = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]! > 0.5) nPos++;
  const nNeg = labels.length - nPos;
  const hi = (nPos + 1) / (nPos + 2);
  const lo = 1 / (nNeg + 2);
  return { t: Float64Array.from({ length: labels.length }, (_, i) => (labels[i]! > 0.5 ? hi : lo)), nPos, nNeg };
}

/**
 * Fits Platt scaling by Newton's method with backtracking (Lin, Lin & Weng's robust variant) on
 * raw margins and 0/1 labels.
 */
export function fitPlatt(margins: ArrayLike<number>, labels: ArrayLike<number>, maxIter = 100): PlattCalibration {
  if (margins.length !== labels.length || margins.length === 0) throw new Error('platt: need equally long, non-empty inputs');
  const { t, nPos, nNeg } = smoothedTargets(labels);
  let a = 0;
  let b = Math.log((nPos + 1) / (nNeg + 1));
  let f = loss(margins, t, a, b);
  for (let it = 0; it < maxIter; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-12;
    let hab = 0;
    let hbb = 1e-12;
    for (let i = 0; i < t.length; i++) {
      const m = margins[i]!;
      const p = 1 / (1 + Math.exp(-(a * m + b)));
      const d = p - t[i]!;
      const w = p * (1 - p);
      ga += d * m;
      gb += d;
      haa += w * m * m;
      hab += w * m;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    // Newton decrement: the loss cannot drop by more than about this much.
    if (-(ga * da + gb * db) < 1e-12 * t.length) break;
    let step = 1;
    while (step > 1e-10 && loss(margins, t, a + step * da, b + step * db) > f + 1e-4 * step * (ga * da + gb * db)) step /= 2;
    if (step <= 1e-10) break;
    [a, b] = [a + step * da, b + step * db];
    f = loss(margins, t, a, b);
  }
  return { kind: 'platt', a, b };
}

/** Calibrated probability of one margin. */
export function applyPlatt(c: PlattCalibration, margin: number): number {
  return 1 / (1 + Math.exp(-(c.a * margin + c.b)));
}
