import type { BinaryJob, BinMapper, BinnedMatrix, GbdtModel, SharedBins } from '../../ml/index.js';

/** One binned matrix with its byte columns laid end to end in one SharedArrayBuffer. */
interface PackedMatrix {
  readonly nRows: number;
  readonly nBins: Int32Array;
  readonly bytes: Uint8Array;
}

/** The shared bins as sent to every worker: the columns are shared memory, not copies. */
export interface PackedBins {
  readonly mapper: BinMapper;
  readonly train: PackedMatrix;
  readonly valid: PackedMatrix | null;
}

/** A job sent to a worker. */
export interface JobMessage {
  readonly id: number;
  readonly job: BinaryJob;
}

/** A worker's answer: the model, or the error it hit. */
export type ResultMessage = { readonly id: number; readonly model: GbdtModel } | { readonly id: number; readonly error: string };

function pack(m: BinnedMatrix): PackedMatrix {
  const bytes = new Uint8Array(new SharedArrayBuffer(m.nRows * m.columns.length));
  m.columns.forEach((c, f) => bytes.set(c, f * m.nRows));
  return { nRows: m.nRows, nBins: m.nBins, bytes };
}

function unpack(p: PackedMatrix): BinnedMatrix {
  const columns = Array.from({ length: p.nBins.length }, (_, f) => p.bytes.subarray(f * p.nRows, (f + 1) * p.nRows));
  return { nRows: p.nRows, nBins: p.nBins, columns };
}

/** Copies the binned columns once into shared memory that every worker reads. */
export function packSharedBins(s: SharedBins): PackedBins {
  return { mapper: s.mapper, train: pack(s.train), valid: s.valid ? pack(s.valid) : null };
}

/** Views over the shared memory, in the shape the trainer takes. */
export function unpackSharedBins(p: PackedBins): SharedBins {
  return { mapper: p.mapper, train: unpack(p.train), valid: p.valid ? unpack(p.valid) : undefined };
}
