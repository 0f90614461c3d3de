import type { BinTree } from './bin-tree.js';
import type { BinMapper, FeatureBins } from './binning.js';
import type { GbdtParams, Objective } from './gbdt-params.js';

/** Version of the model JSON layout; bump on any incompatible change. */
export const MODEL_FORMAT_VERSION = 1;

/**
 * One tree in value space, as flat node arrays (index 0 = root; feature −1 = leaf). A numeric node
 * sends x left iff x ≤ threshold (float64); a categorical node iff x is in categoriesLeft. Missing
 * values, and category codes unknown to the feature's binning, follow defaultLeft.
 */
export interface ModelTree {
  readonly classIndex: number;
  readonly feature: readonly number[];
  readonly threshold: readonly number[];
  readonly categoriesLeft: readonly (readonly number[] | null)[];
  readonly left: readonly number[];
  readonly right: readonly number[];
  readonly defaultLeft: readonly (0 | 1)[];
  readonly value: readonly number[];
  /** Σ hessian of the training rows that reached the node (TreeSHAP needs it). */
  readonly cover: readonly number[];
  readonly gain: readonly number[];
}

/** A trained gradient-boosted tree ensemble as plain, JSON-serialisable data. */
export interface GbdtModel {
  readonly formatVersion: typeof MODEL_FORMAT_VERSION;
  readonly objective: Objective;
  readonly numClasses: number;
  /** One initial margin per output (1 for binary). */
  readonly baseMargin: readonly number[];
  readonly learningRate: number;
  readonly features: readonly FeatureBins[];
  /** Trees in boosting order; round i holds trees i·k … i·k + k − 1 for k outputs. */
  readonly trees: readonly ModelTree[];
  /** Rounds kept (after early stopping, the best validation round). */
  readonly bestIteration: number;
  readonly params: GbdtParams;
}

/** Converts a bin-space tree to value space using the fitted binning. */
export function toModelTree(t: BinTree, mapper: BinMapper, classIndex: number): ModelTree {
  const threshold: number[] = [];
  const categoriesLeft: (number[] | null)[] = [];
  const right: number[] = [];
  for (let n = 0; n < t.feature.length; n++) {
    const f = t.feature[n]!;
    const fb = f >= 0 ? mapper.features[f]! : undefined;
    const isCat = fb !== undefined && t.categorical[n] === true;
    threshold.push(fb && !isCat ? fb.cuts[t.bin[n]! - 1]! : 0);
    categoriesLeft.push(isCat ? fb.categories.filter((_, i) => t.leftMask[n]![i + 1] === 1) : null);
    right.push(f >= 0 ? t.left[n]! + 1 : -1);
  }
  return {
    classIndex,
    feature: [...t.feature],
    threshold,
    categoriesLeft,
    left: [...t.left],
    right,
    defaultLeft: t.defaultLeft.map((d) => (d ? 1 : 0)),
    value: [...t.value],
    cover: [...t.cover],
    gain: [...t.gain],
  };
}

/** Serialises a model to JSON text (float64 values round-trip exactly). */
export function serializeModel(model: GbdtModel): string {
  return JSON.stringify(model);
}

/** Parses model JSON, checking the format version and tree shapes. */
export function parseModel(text: string): GbdtModel {
  const m = JSON.parse(text) as GbdtModel;
  if (m.formatVersion !== MODEL_FORMAT_VERSION) throw new Error(`model: unsupported format version ${String(m.formatVersion)}`);
  if (!Array.isArray(m.trees) || !Array.isArray(m.features) || !Array.isArray(m.baseMargin)) throw new Error('model: missing trees, features or baseMargin');
  const trees: readonly ModelTree[] = m.trees;
  for (const t of trees) {
    const n = t.feature.length;
    const same = [t.threshold, t.categoriesLeft, t.left, t.right, t.defaultLeft, t.value, t.cover].every((a) => a.length === n);
    if (!same || n === 0) throw new Error('model: tree node arrays differ in length');
  }
  return m;
}
