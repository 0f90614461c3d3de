/**
 * A regression tree in bin space, as grown by the trainer. Node i is a leaf iff feature[i] = −1.
 * An internal node sends a row left iff leftMask[i][bin of the row] = 1 (bin 0 = missing), so
 * numeric, categorical and missing-value routing share one rule. Children are adjacent: right = left + 1.
 */
export interface BinTree {
  readonly feature: number[];
  readonly left: number[];
  readonly leftMask: (Uint8Array | null)[];
  /** Numeric splits: the last bin that goes left (0 for categorical splits and leaves). */
  readonly bin: number[];
  readonly categorical: boolean[];
  readonly defaultLeft: boolean[];
  readonly value: number[];
  /** Σ hessian of the training rows that reached the node. */
  readonly cover: number[];
  readonly gain: number[];
}

/** An empty tree ready to receive nodes. */
export function emptyBinTree(): BinTree {
  return { feature: [], left: [], leftMask: [], bin: [], categorical: [], defaultLeft: [], value: [], cover: [], gain: [] };
}

/** Appends a leaf and returns its index. */
export function addLeaf(t: BinTree, value: number, cover: number): number {
  t.feature.push(-1);
  t.left.push(-1);
  t.leftMask.push(null);
  t.bin.push(0);
  t.categorical.push(false);
  t.defaultLeft.push(false);
  t.value.push(value);
  t.cover.push(cover);
  t.gain.push(0);
  return t.feature.length - 1;
}

/** Leaf index reached by row r of a column-major binned matrix. */
export function binTreeLeaf(t: BinTree, columns: readonly Uint8Array[], r: number): number {
  let n = 0;
  let f = t.feature[0]!;
  while (f >= 0) {
    n = t.leftMask[n]![columns[f]![r]!] === 1 ? t.left[n]! : t.left[n]! + 1;
    f = t.feature[n]!;
  }
  return n;
}

/** Adds the tree's output to margins[r] for each row r in rows (all rows when rows is null). */
export function addBinTreeOutput(t: BinTree, columns: readonly Uint8Array[], nRows: number, margins: Float64Array, rows: Int32Array | null): void {
  const m = rows ? rows.length : nRows;
  for (let i = 0; i < m; i++) {
    const r = rows ? rows[i]! : i;
    margins[r]! += t.value[binTreeLeaf(t, columns, r)]!;
  }
}
