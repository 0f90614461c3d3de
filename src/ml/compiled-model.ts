import type { GbdtModel, ModelTree } from './gbdt-model.js';
import { outputCount } from './objective.js';

/** Bit set in CompiledModel.split for categorical nodes. */
export const CATEGORICAL_SPLIT = 1 << 30;

/** Routing states in a categorical node's lookup table. */
const CAT_UNKNOWN = 0;
const CAT_LEFT = 1;
const CAT_RIGHT = 2;

/**
 * A model flattened into typed arrays for fast scoring and TreeSHAP. All trees share one node
 * space; the right child of node n is left[n] + 1. Categorical nodes index catPool through
 * catOffset (−1 for numeric nodes): 1 = left, 2 = right, 0 = unknown code (follows defaultLeft).
 */
export interface CompiledModel {
  readonly nFeatures: number;
  readonly nOutputs: number;
  readonly baseMargin: Float64Array;
  readonly roots: Int32Array;
  readonly treeOutput: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly defaultLeft: Uint8Array;
  readonly value: Float64Array;
  readonly cover: Float64Array;
  readonly catOffset: Int32Array;
  readonly catSize: Int32Array;
  readonly catPool: Uint8Array;
  /** Scoring key per node: feature index for numeric nodes, feature | CATEGORICAL_SPLIT for categorical ones, −1 for leaves. */
  readonly split: Int32Array;
  /** Deepest root-to-leaf path (edges) over all trees. */
  readonly maxDepth: number;
}

/** Breadth-first order in which sibling pairs are adjacent; returns old index per new index. */
function layoutOrder(t: ModelTree): number[] {
  const order = [0];
  for (let i = 0; i < order.length; i++) {
    const n = order[i]!;
    if (t.feature[n]! >= 0) order.push(t.left[n]!, t.right[n]!);
  }
  return order;
}

function depthOf(t: ModelTree, n: number): number {
  return t.feature[n]! < 0 ? 0 : 1 + Math.max(depthOf(t, t.left[n]!), depthOf(t, t.right[n]!));
}

function categoryTable(vocabulary: readonly number[], leftSet: readonly number[]): Uint8Array {
  const size = vocabulary.length === 0 ? 0 : Math.max(...vocabulary) + 1;
  const table = new Uint8Array(size).fill(CAT_UNKNOWN);
  for (const c of vocabulary) table[c] = CAT_RIGHT;
  for (const c of leftSet) table[c] = CAT_LEFT;
  return table;
}

interface NodeArrays {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly defaultLeft: Uint8Array;
  readonly value: Float64Array;
  readonly cover: Float64Array;
  readonly catOffset: Int32Array;
  readonly catSize: Int32Array;
  readonly tables: Uint8Array[];
  poolSize: number;
}

function nodeArrays(total: number): NodeArrays {
  return {
    feature: new Int32Array(total), threshold: new Float64Array(total), left: new Int32Array(total).fill(-1),
    defaultLeft: new Uint8Array(total), value: new Float64Array(total), cover: new Float64Array(total),
    catOffset: new Int32Array(total).fill(-1), catSize: new Int32Array(total), tables: [], poolSize: 0,
  };
}

/** Copies one tree into the shared node arrays from index base on; returns its node count. */
function copyTree(a: NodeArrays, model: GbdtModel, t: ModelTree, base: number): number {
  const order = layoutOrder(t);
  const newIndex = new Map(order.map((old, i) => [old, base + i]));
  order.forEach((old, i) => {
    const n = base + i;
    const f = t.feature[old]!;
    a.feature[n] = f;
    a.threshold[n] = t.threshold[old]!;
    a.value[n] = t.value[old]!;
    a.cover[n] = t.cover[old]!;
    a.defaultLeft[n] = t.defaultLeft[old]!;
    if (f >= 0) a.left[n] = newIndex.get(t.left[old]!)!;
    const cats = t.categoriesLeft[old];
    if (f < 0 || !cats) return;
    const table = categoryTable(model.features[f]!.categories, cats);
    a.catOffset[n] = a.poolSize;
    a.catSize[n] = table.length;
    a.tables.push(table);
    a.poolSize += table.length;
  });
  return order.length;
}

/** Flattens a model for scoring; the model object itself is left untouched. */
export function compileModel(model: GbdtModel): CompiledModel {
  const a = nodeArrays(model.trees.reduce((s, t) => s + t.feature.length, 0));
  const roots = new Int32Array(model.trees.length);
  let base = 0;
  model.trees.forEach((t, ti) => {
    roots[ti] = base;
    base += copyTree(a, model, t, base);
  });
  const catPool = new Uint8Array(a.poolSize);
  let off = 0;
  for (const tb of a.tables) {
    catPool.set(tb, off);
    off += tb.length;
  }
  const { feature, threshold, left, defaultLeft, value, cover, catOffset, catSize } = a;
  return {
    nFeatures: model.features.length,
    nOutputs: outputCount(model.objective, model.numClasses),
    baseMargin: Float64Array.from(model.baseMargin),
    roots,
    treeOutput: Int32Array.from(model.trees.map((t) => t.classIndex)),
    feature, threshold, left, defaultLeft, value, cover, catOffset, catSize, catPool,
    split: feature.map((f, n) => (f >= 0 && catOffset[n]! >= 0 ? f | CATEGORICAL_SPLIT : f)),
    maxDepth: model.trees.reduce((d, t) => Math.max(d, depthOf(t, 0)), 0),
  };
}

/** True when the row value x goes to the left child of internal node n. */
export function goesLeft(cm: CompiledModel, n: number, x: number): boolean {
  if (x !== x) return cm.defaultLeft[n] === 1;
  const c = cm.catOffset[n]!;
  if (c < 0) return x <= cm.threshold[n]!;
  const s = x >= 0 && x < cm.catSize[n]! && x === Math.floor(x) ? cm.catPool[c + x]! : CAT_UNKNOWN;
  return s === CAT_UNKNOWN ? cm.defaultLeft[n] === 1 : s === CAT_LEFT;
}

/** Index of the leaf that row x reaches from the given root. */
export function leafIndex(cm: CompiledModel, root: number, x: ArrayLike<number>): number {
  const feat = cm.feature;
  const left = cm.left;
  const thr = cm.threshold;
  const cat = cm.catOffset;
  let n = root;
  let f = feat[n]!;
  while (f >= 0) {
    const v = x[f]!;
    // Fast path: a present value at a numeric node.
    if (v === v && cat[n]! < 0) n = v <= thr[n]! ? left[n]! : left[n]! + 1;
    else n = goesLeft(cm, n, v) ? left[n]! : left[n]! + 1;
    f = feat[n]!;
  }
  return n;
}
