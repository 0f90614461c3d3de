import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeSqliteDatabase, openSqliteConnection, openSqliteDatabase } from '../../src/adapters/sqlite/sqlite-database.js';
import { CommitNotDurable, SqliteGroupCommitter, type ChangeWriterFactory } from '../../src/adapters/sqlite/sqlite-group-commit.js';
import { openSqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { WalSync } from '../../src/adapters/sqlite/wal-sync.js';
import { aProductOrder } from '../fixtures/product-order-builder.js';

const noteWriter: ChangeWriterFactory<number> = (db) => {
  const insert = db.prepare('INSERT INTO note (id) VALUES (?)');
  return { write: (id) => void insert.run(id) };
};

/** A flush the test completes by hand, recording which calls were made. */
function manualFlush() {
  const pending: ((err: Error | null) => void)[] = [];
  return {
    pending,
    flushFile: (_fd: number, done: (err: Error | null) => void) => void pending.push(done),
  };
}

describe('commits made durable off the event loop', () => {
  let dir: string;
  let db: Database;
  let commitDb: Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'provisio-walsync-'));
    db = openSqliteDatabase({ path: join(dir, 'n.db'), migrations: [] });
    db.exec('CREATE TABLE note (id INTEGER PRIMARY KEY)');
    commitDb = openSqliteConnection({ path: join(dir, 'n.db'), synchronous: 'NORMAL' });
  });
  afterEach(() => {
    commitDb.close();
    closeSqliteDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });
  const tick = () => new Promise((r) => setImmediate(r));

  it('acknowledges a change set only after the WAL flush that follows its COMMIT', async () => {
    const flush = manualFlush();
    const committer = new SqliteGroupCommitter<number>(commitDb, [noteWriter], { durability: new WalSync(join(dir, 'n.db-wal'), flush.flushFile) });
    let acked = false;
    const done = committer.commit(1).then(() => (acked = true));
    await tick();
    // Committed (another connection reads it) but not yet acknowledged: the flush has not finished.
    expect(db.prepare('SELECT count(*) FROM note').pluck().get()).toBe(1);
    expect(flush.pending).toHaveLength(1);
    expect(acked).toBe(false);
    flush.pending[0]!(null);
    await done;
    expect(acked).toBe(true);
  });

  it('groups the commits made while a flush runs into the next flush', async () => {
    const flush = manualFlush();
    const committer = new SqliteGroupCommitter<number>(commitDb, [noteWriter], { durability: new WalSync(join(dir, 'n.db-wal'), flush.flushFile) });
    const first = committer.commit(1);
    await tick();
    const later = [2, 3, 4].map(async (id) => {
      const p = committer.commit(id);
      await tick();
      return p;
    });
    await Promise.all(later.map(() => tick()));
    // Three more transactions committed during the first flush; they wait for one more flush, not three.
    expect(flush.pending).toHaveLength(1);
    flush.pending[0]!(null);
    await first;
    await tick();
    expect(flush.pending).toHaveLength(2);
    flush.pending[1]!(null);
    await Promise.all(later);
    expect(db.prepare('SELECT count(*) FROM note').pluck().get()).toBe(4);
  });

  it('writes the change sets that arrive during a flush in one transaction once it ends', async () => {
    const flush = manualFlush();
    const batches: number[] = [];
    const committer = new SqliteGroupCommitter<number>(commitDb, [noteWriter], {
      durability: new WalSync(join(dir, 'n.db-wal'), flush.flushFile),
      onBatch: (b) => batches.push(b.size),
    });
    const first = committer.commit(1);
    await tick();
    // Three change sets on three later turns of the event loop, while the first flush runs.
    const later: Promise<void>[] = [];
    for (const id of [2, 3, 4]) {
      later.push(committer.commit(id));
      await tick();
    }
    // Not written yet: they could not be acknowledged before the next flush anyway.
    expect(batches).toEqual([1]);
    expect(db.prepare('SELECT count(*) FROM note').pluck().get()).toBe(1);
    flush.pending[0]!(null);
    await first;
    // The flush ended: the three went in one transaction, and one more flush makes them durable.
    expect(batches).toEqual([1, 3]);
    expect(db.prepare('SELECT count(*) FROM note').pluck().get()).toBe(4);
    expect(flush.pending).toHaveLength(2);
    let acked = 0;
    for (const p of later) void p.then(() => acked++);
    await tick();
    expect(acked).toBe(0);
    flush.pending[1]!(null);
    await Promise.all(later);
    expect(acked).toBe(3);
  });

  it('refuses to acknowledge a commit whose flush failed, and says so', async () => {
    const failing = (_fd: number, done: (err: Error | null) => void) => done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    const committer = new SqliteGroupCommitter<number>(commitDb, [noteWriter], { durability: new WalSync(join(dir, 'n.db-wal'), failing) });
    await expect(committer.commit(1)).rejects.toBeInstanceOf(CommitNotDurable);
    await expect(committer.commit(2)).rejects.toThrow(/not flushed to disk: EIO/);
  });

  it('waits for the flush in flight when drained', async () => {
    const flush = manualFlush();
    const committer = new SqliteGroupCommitter<number>(commitDb, [noteWriter], { durability: new WalSync(join(dir, 'n.db-wal'), flush.flushFile) });
    void committer.commit(1);
    let drained = false;
    const draining = committer.drain().then(() => (drained = true));
    await tick();
    await tick();
    expect(drained).toBe(false);
    flush.pending[0]!(null);
    await draining;
    expect(drained).toBe(true);
  });
});

describe('the embedded stores with FULL durability', () => {
  it('store orders through the background flush and read them back after a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'provisio-walsync-'));
    try {
      const path = join(dir, 'provisio.db');
      const stores = openSqliteStores({ path });
      const orders = Array.from({ length: 50 }, (_, i) => aProductOrder({ id: `W-${i}` }));
      await Promise.all(orders.map((o) => stores.orders.commit({ orders: [{ record: o, expectedVersion: null }] })));
      await stores.close();
      const again = openSqliteStores({ path });
      expect((await again.orders.listOrders({ filters: [], offset: 0, limit: 100 })).total).toBe(50);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
