import { goesLeft, type CompiledModel } from './compiled-model.js';

/**
 * Path-dependent TreeSHAP (Lundberg, Erion & Lee, arXiv:1802.03888, Algorithm 2) over a compiled
 * model. Contributions are in margin (log-odds) units: for every row and output,
 * Σ_f φ_f + bias = raw margin.
 */
export interface TreeShapExplainer {
  readonly model: CompiledModel;
  /** Per output: base margin + Σ over its trees of the cover-weighted mean leaf value. */
  readonly bias: Float64Array;
  /** Path buffers, reused across rows (structure of arrays). */
  readonly pf: Int32Array;
  readonly pz: Float64Array;
  readonly po: Float64Array;
  readonly pw: Float64Array;
}

function expectedValue(cm: CompiledModel, n: number): number {
  if (cm.feature[n]! < 0) return cm.value[n]!;
  const l = cm.left[n]!;
  return (cm.cover[l]! * expectedValue(cm, l) + cm.cover[l + 1]! * expectedValue(cm, l + 1)) / cm.cover[n]!;
}

/** Prepares the biases and path buffers of a compiled model. */
export function createTreeShap(cm: CompiledModel): TreeShapExplainer {
  const bias = Float64Array.from(cm.baseMargin);
  for (let t = 0; t < cm.roots.length; t++) bias[cm.treeOutput[t]!]! += expectedValue(cm, cm.roots[t]!);
  const d = cm.maxDepth + 2;
  const size = ((d + 1) * (d + 2)) / 2 + 1;
  return { model: cm, bias, pf: new Int32Array(size), pz: new Float64Array(size), po: new Float64Array(size), pw: new Float64Array(size) };
}

function extendPath(e: TreeShapExplainer, at: number, depth: number, zero: number, one: number, feature: number): void {
  const { pf, pz, po, pw } = e;
  pf[at + depth] = feature;
  pz[at + depth] = zero;
  po[at + depth] = one;
  pw[at + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    pw[at + i + 1]! += (one * pw[at + i]! * (i + 1)) / (depth + 1);
    pw[at + i] = (zero * pw[at + i]! * (depth - i)) / (depth + 1);
  }
}

function unwindPath(e: TreeShapExplainer, at: number, depth: number, index: number): void {
  const { pf, pz, po, pw } = e;
  const one = po[at + index]!;
  const zero = pz[at + index]!;
  let next = pw[at + depth]!;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = pw[at + i]!;
      pw[at + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - (pw[at + i]! * zero * (depth - i)) / (depth + 1);
    } else {
      pw[at + i] = (pw[at + i]! * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    pf[at + i] = pf[at + i + 1]!;
    pz[at + i] = pz[at + i + 1]!;
    po[at + i] = po[at + i + 1]!;
  }
}

function unwoundPathSum(e: TreeShapExplainer, at: number, depth: number, index: number): number {
  const { pz, po, pw } = e;
  const one = po[at + index]!;
  const zero = pz[at + index]!;
  let next = pw[at + depth]!;
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = (next * (depth + 1)) / ((i + 1) * one);
      total += tmp;
      next = pw[at + i]! - (tmp * zero * (depth - i)) / (depth + 1);
    } else if (zero !== 0) {
      total += pw[at + i]! / zero / ((depth - i) / (depth + 1));
    }
  }
  return total;
}

function copyPath(e: TreeShapExplainer, from: number, to: number, count: number): void {
  const { pf, pz, po, pw } = e;
  for (let i = 0; i < count; i++) {
    pf[to + i] = pf[from + i]!;
    pz[to + i] = pz[from + i]!;
    po[to + i] = po[from + i]!;
    pw[to + i] = pw[from + i]!;
  }
}

interface Walk {
  readonly x: ArrayLike<number>;
  readonly phi: Float64Array;
  readonly phiOffset: number;
}

function recurse(e: TreeShapExplainer, w: Walk, n: number, parentAt: number, depth: number, zero: number, one: number, feature: number): void {
  const cm = e.model;
  const at = parentAt + depth + 1;
  copyPath(e, parentAt, at, depth + 1);
  extendPath(e, at, depth, zero, one, feature);
  const split = cm.feature[n]!;
  if (split < 0) {
    const v = cm.value[n]!;
    for (let i = 1; i <= depth; i++) {
      const s = unwoundPathSum(e, at, depth, i);
      w.phi[w.phiOffset + e.pf[at + i]!]! += s * (e.po[at + i]! - e.pz[at + i]!) * v;
    }
    return;
  }
  const l = cm.left[n]!;
  const hot = goesLeft(cm, n, w.x[split]!) ? l : l + 1;
  const cold = hot === l ? l + 1 : l;
  const c = cm.cover[n]!;
  let inZero = 1;
  let inOne = 1;
  let d = depth;
  let k = 1;
  while (k <= d && e.pf[at + k] !== split) k++;
  if (k <= d) {
    inZero = e.pz[at + k]!;
    inOne = e.po[at + k]!;
    unwindPath(e, at, d, k);
    d--;
  }
  recurse(e, w, hot, at, d + 1, (cm.cover[hot]! / c) * inZero, inOne, split);
  recurse(e, w, cold, at, d + 1, (cm.cover[cold]! / c) * inZero, 0, split);
}

/**
 * SHAP contributions of one row. Returns nOutputs × (nFeatures + 1) values, output-major; the last
 * entry of each output's block is its bias.
 */
export function shapRow(e: TreeShapExplainer, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  const cm = e.model;
  const width = cm.nFeatures + 1;
  const phi = out ?? new Float64Array(cm.nOutputs * width);
  phi.fill(0);
  for (let t = 0; t < cm.roots.length; t++) {
    const o = cm.treeOutput[t]!;
    recurse(e, { x, phi, phiOffset: o * width }, cm.roots[t]!, 0, 0, 1, 1, -1);
  }
  for (let o = 0; o < cm.nOutputs; o++) phi[o * width + cm.nFeatures] = e.bias[o]!;
  return phi;
}
