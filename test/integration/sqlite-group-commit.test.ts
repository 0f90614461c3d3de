import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeSqliteDatabase, openSqliteDatabase } from '../../src/adapters/sqlite/sqlite-database.js';
import { SqliteGroupCommitter, type BatchReport, type ChangeWriterFactory } from '../../src/adapters/sqlite/sqlite-group-commit.js';

// A minimal change set and writer, to test the committer apart from any store.
interface Note {
  readonly id: number;
  readonly fail?: 'own' | 'whole-transaction';
}
const noteWriter: ChangeWriterFactory<Note> = (db) => {
  const insert = db.prepare('INSERT INTO note (id) VALUES (?)');
  return {
    write(note) {
      insert.run(note.id);
      if (note.fail === 'own') throw new Error(`note ${note.id} refused`);
      if (note.fail === 'whole-transaction') {
        db.exec('ROLLBACK'); // what SQLite does itself on e.g. a full disk
        throw new Error(`note ${note.id} broke the transaction`);
      }
    },
  };
};

describe('SQLite group commit', () => {
  let dir: string;
  let db: Database;
  let batches: BatchReport[];
  const committer = (maxBatch = 500) =>
    new SqliteGroupCommitter<Note>(db, [noteWriter], { maxBatch, onBatch: (b) => batches.push(b) });
  const stored = () => db.prepare('SELECT id FROM note ORDER BY id').pluck().all() as number[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'provisio-gc-'));
    db = openSqliteDatabase({ path: join(dir, 'gc.db'), migrations: [] });
    db.exec('CREATE TABLE note (id INTEGER PRIMARY KEY)');
    batches = [];
  });
  afterEach(() => {
    closeSqliteDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes commits of the same tick in as few transactions as the batch cap allows', async () => {
    const c = committer(500);
    await Promise.all(Array.from({ length: 1200 }, (_, i) => c.commit({ id: i })));
    expect(batches.map((b) => b.size)).toEqual([500, 500, 200]);
    expect(stored()).toHaveLength(1200);
  });

  it('resolves only once another connection can read the change', async () => {
    const c = committer();
    const reader = new BetterSqlite3(join(dir, 'gc.db'), { readonly: true });
    const seen: number[] = [];
    await Promise.all(
      [1, 2, 3].map((id) =>
        c.commit({ id }).then(() => seen.push(reader.prepare('SELECT count(*) FROM note WHERE id = ?').pluck().get(id) as number)),
      ),
    );
    reader.close();
    expect(seen).toEqual([1, 1, 1]);
  });

  it('rolls back only the change set that failed', async () => {
    const c = committer();
    const results = await Promise.allSettled([c.commit({ id: 1 }), c.commit({ id: 2, fail: 'own' }), c.commit({ id: 3 })]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(stored()).toEqual([1, 3]);
    expect(batches).toEqual([expect.objectContaining({ size: 3, failed: 1 })]);
  });

  it('writes a change set that comes alone in its own transaction, and rolls it back when it fails', async () => {
    const c = committer();
    await expect(c.commit({ id: 1 })).resolves.toBeUndefined();
    await expect(c.commit({ id: 2, fail: 'own' })).rejects.toThrow(/note 2 refused/);
    await expect(c.commit({ id: 3, fail: 'whole-transaction' })).rejects.toThrow(/broke the transaction/);
    await expect(c.commit({ id: 4 })).resolves.toBeUndefined();
    expect(stored()).toEqual([1, 4]);
    expect(db.inTransaction).toBe(false);
    expect(batches).toEqual([
      expect.objectContaining({ size: 1, failed: 0 }),
      expect.objectContaining({ size: 1, failed: 1 }),
      expect.objectContaining({ size: 1, failed: 1 }),
      expect.objectContaining({ size: 1, failed: 0 }),
    ]);
  });

  it('retries the innocent change sets when one ends the whole transaction', async () => {
    const c = committer();
    const results = await Promise.allSettled([
      c.commit({ id: 1 }),
      c.commit({ id: 2, fail: 'own' }),
      c.commit({ id: 3, fail: 'whole-transaction' }),
      c.commit({ id: 4 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/broke the transaction/);
    expect(stored()).toEqual([1, 4]);
    expect(db.inTransaction).toBe(false);
  });

  it('fails only the failing change sets over many batches, written whole or with savepoints', async () => {
    const c = committer(5);
    // 30 batches of 5; every third batch holds one failing change set.
    const notes = Array.from({ length: 150 }, (_, i): Note => (i % 15 === 7 ? { id: i, fail: 'own' } : { id: i }));
    const results = await Promise.allSettled(notes.map((n) => c.commit(n)));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(10);
    expect(stored()).toEqual(notes.filter((n) => n.fail === undefined).map((n) => n.id));
    expect(batches.map((b) => b.failed)).toEqual(Array.from({ length: 30 }, (_, i) => (i % 3 === 1 ? 1 : 0)));
  });

  it('drains queued commits before resolving drain()', async () => {
    const c = committer(10);
    const pending = Array.from({ length: 35 }, (_, i) => c.commit({ id: i }));
    await c.drain();
    expect(stored()).toHaveLength(35);
    await Promise.all(pending);
  });

  it('with a least interval between transactions, writes a lone change set at once and those that follow it together', async () => {
    const c = new SqliteGroupCommitter<Note>(db, [noteWriter], { minIntervalMs: 300, onBatch: (b) => batches.push(b) });
    const tick = () => new Promise((r) => setImmediate(r));
    const started = performance.now();
    await c.commit({ id: 1 });
    expect(performance.now() - started).toBeLessThan(150);
    // Two more on later turns of the event loop, right after that write: they wait for the interval, together.
    const second = c.commit({ id: 2 });
    await tick();
    const third = c.commit({ id: 3 });
    await tick();
    expect(batches.map((b) => b.size)).toEqual([1]);
    await Promise.all([second, third]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(batches.map((b) => b.size)).toEqual([1, 2]);
    // Long after the last write, a change set is written at once again.
    await new Promise((r) => setTimeout(r, 350));
    const lone = performance.now();
    await c.commit({ id: 4 });
    expect(performance.now() - lone).toBeLessThan(150);
    expect(batches.map((b) => b.size)).toEqual([1, 2, 1]);
    expect(stored()).toEqual([1, 2, 3, 4]);
  });
});
