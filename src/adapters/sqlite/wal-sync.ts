import { closeSync, fdatasync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Flushes a file descriptor to stable storage off the event loop (node:fs `fdatasync` by default). */
export type FlushFile = (fd: number, done: (err: Error | null) => void) => void;

/**
 * Makes commits of a `synchronous=NORMAL` WAL connection durable off the event loop.
 *
 * In WAL mode a commit is an append of frames to `<db>-wal`; `synchronous=FULL` then fsyncs that file
 * inside COMMIT, blocking the thread for the whole disk flush. Here COMMIT only writes the frames, and
 * `flush` asks for one fdatasync of the WAL file on the libuv thread pool: every caller waiting when
 * the flush starts is told once it is on disk, and callers arriving meanwhile share the next flush
 * (a group fsync). SQLite itself syncs the WAL before every checkpoint and the database file after
 * it, so frames are never overwritten before they are durable. Durability is that of FULL: a
 * change set's promise resolves only after its frames reached stable storage.
 */
export class WalSync {
  private fd: number | undefined;
  private flushing = false;
  private waiting: ((err: Error | null) => void)[] = [];
  private idle: (() => void)[] = [];

  constructor(
    private readonly walPath: string,
    private readonly flushFile: FlushFile = fdatasync,
  ) {}

  /** Calls `done` once every frame written before this call is on stable storage. */
  flush(done: (err: Error | null) => void): void {
    this.waiting.push(done);
    if (!this.flushing) this.start();
  }

  /** Resolves when no flush is running or waiting. */
  drain(): Promise<void> {
    if (!this.flushing && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Closes the WAL file descriptor (after `drain`). */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private start(): void {
    const callers = this.waiting.splice(0);
    let fd: number;
    try {
      fd = this.walFd();
    } catch (err) {
      this.finish(callers, err instanceof Error ? err : new Error(String(err)));
      return;
    }
    this.flushing = true;
    this.flushFile(fd, (err) => {
      this.flushing = false;
      this.finish(callers, err);
    });
  }

  private finish(callers: readonly ((err: Error | null) => void)[], err: Error | null): void {
    for (const done of callers) done(err);
    if (this.waiting.length > 0) this.start();
    else if (!this.flushing) for (const resolve of this.idle.splice(0)) resolve();
  }

  // SQLite keeps the WAL file (same inode: reset and truncated in place, never replaced) while any
  // connection is open, and the commit connection outlives this object: one descriptor serves
  // every flush. The folder is synced once so that the file's entry is durable too.
  private walFd(): number {
    if (this.fd !== undefined) return this.fd;
    this.fd = openSync(this.walPath, 'r');
    syncFolder(dirname(this.walPath));
    return this.fd;
  }
}

function syncFolder(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
