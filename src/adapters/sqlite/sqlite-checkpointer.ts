import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How the background checkpointer runs. */
export interface CheckpointerOptions {
  /** Database file. */
  readonly path: string;
  /** Pause between two passive checkpoints, in ms (default 100). */
  readonly intervalMs?: number;
}

/** What the checkpointer has done so far. */
export interface CheckpointReport {
  /** Checkpoints run. */
  readonly checkpoints: number;
  /** WAL frames copied back into the database file. */
  readonly framesCopied: number;
}

/** A running background checkpointer. */
export interface Checkpointer {
  /** What it has done (as of its last message). */
  report(): CheckpointReport;
  /** Runs one more checkpoint and stops the thread. */
  stop(): Promise<void>;
}

/** WAL pages after which a writing connection checkpoints by itself, as a safety net (~80 MB). */
export const FOREGROUND_CHECKPOINT_PAGES = 20_000;

// The thread's program, plain CommonJS so that it runs the same from sources and from the build.
// It owns one connection and runs PASSIVE checkpoints: they copy committed WAL frames back into the
// database file (syncing the WAL before and the file after) without ever taking the write lock, so
// they neither wait for nor block the writers on the main thread.
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 0');
db.pragma('synchronous = FULL');
db.pragma('cache_size = -2000');
let checkpoints = 0, framesCopied = 0, copiedBefore = 0;
const checkpoint = () => {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    checkpoints++;
    const copied = row && row.checkpointed > 0 ? row.checkpointed : 0;
    framesCopied += copied < copiedBefore ? copied : copied - copiedBefore;
    copiedBefore = copied;
  } catch (err) {
    // SQLITE_BUSY and the like: the next round tries again.
  }
  parentPort.postMessage({ checkpoints, framesCopied });
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * Moves WAL checkpoints off the event loop: a worker thread checkpoints every `intervalMs`. Writing
 * connections should raise their `wal_autocheckpoint` to FOREGROUND_CHECKPOINT_PAGES, so that they
 * checkpoint themselves only if the thread falls far behind (it cannot finish while commits keep
 * arriving; the foreground checkpoint then has little left to copy and lets the WAL start over).
 */
export function startCheckpointer(options: CheckpointerOptions): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(PROGRAM, { eval: true, workerData: { path: options.path, driver, intervalMs: options.intervalMs ?? 100 } });
  let last: CheckpointReport = { checkpoints: 0, framesCopied: 0 };
  worker.on('message', (m: CheckpointReport) => (last = m));
  // A failed thread only means checkpoints happen in the foreground again.
  worker.on('error', () => undefined);
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    report: () => last,
    async stop() {
      // Unreferenced, the thread would not keep the process alive while we wait for it: a caller
      // awaiting close() on an otherwise idle event loop would see the process exit mid-close.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
