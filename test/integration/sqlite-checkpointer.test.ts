import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeSqliteDatabase, openSqliteDatabase } from '../../src/adapters/sqlite/sqlite-database.js';
import { FOREGROUND_CHECKPOINT_PAGES, startCheckpointer } from '../../src/adapters/sqlite/sqlite-checkpointer.js';
import { openSqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { aProductOrder } from '../fixtures/product-order-builder.js';

const until = async (cond: () => boolean, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('background WAL checkpoints', () => {
  it('copy committed frames back into the database file while the writer never checkpoints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'provisio-ckpt-'));
    const path = join(dir, 'c.db');
    const db = openSqliteDatabase({ path, migrations: [] });
    try {
      db.pragma(`wal_autocheckpoint = ${FOREGROUND_CHECKPOINT_PAGES}`);
      db.exec('CREATE TABLE blob (id INTEGER PRIMARY KEY, body TEXT)');
      const insert = db.prepare('INSERT INTO blob (body) VALUES (?)');
      db.transaction(() => {
        for (let i = 0; i < 500; i++) insert.run('x'.repeat(4000));
      })();
      const checkpointer = startCheckpointer({ path, intervalMs: 10 });
      await until(() => checkpointer.report().framesCopied > 0);
      await checkpointer.stop();
      // Every frame of the WAL is already in the database file: nothing is left for the writer to copy.
      const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      expect(row!.log).toBeGreaterThan(500);
      expect(checkpointer.report().framesCopied).toBe(row!.log);
      expect(db.prepare('SELECT count(*) FROM blob').pluck().get()).toBe(500);
    } finally {
      closeSqliteDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('run beside the stores of a server and stop with them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'provisio-ckpt-'));
    try {
      const path = join(dir, 'provisio.db');
      const stores = openSqliteStores({ path, backgroundCheckpoints: true });
      expect(stores.db.pragma('wal_autocheckpoint', { simple: true })).toBe(FOREGROUND_CHECKPOINT_PAGES);
      await Promise.all(Array.from({ length: 200 }, (_, i) => stores.orders.commit({ orders: [{ record: aProductOrder({ id: `K-${i}` }), expectedVersion: null }] })));
      await stores.close();
      const again = openSqliteStores({ path });
      expect((await again.orders.listOrders({ filters: [], offset: 0, limit: 1 })).total).toBe(200);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
