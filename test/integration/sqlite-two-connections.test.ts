import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConcurrencyConflict } from '../../src/ports/change-set.js';
import { openSqliteStores, type SqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { anOrderEvent, aProductOrder } from '../fixtures/product-order-builder.js';

// Two connections on one file behave like two processes sharing the database.
describe('SQLite stores opened twice on one file', () => {
  let dir: string;
  let a: SqliteStores;
  let b: SqliteStores;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'provisio-two-'));
    a = openSqliteStores({ path: join(dir, 'provisio.db') });
    b = openSqliteStores({ path: join(dir, 'provisio.db') });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never leases one delivery to dispatchers on both connections', async () => {
    await a.hub.addListener({ id: 'L', callback: 'http://l.test', createdAt: '2024-05-01T00:00:00.000Z' });
    const orders = Array.from({ length: 40 }, (_, i) => aProductOrder({ id: `T-${i}` }));
    await Promise.all(orders.map((o) => a.orders.commit({ orders: [{ record: o, expectedVersion: null }], events: [anOrderEvent(o)] })));
    const claims = await Promise.all([1, 2, 3, 4].map((k) => (k % 2 ? a : b).deliveries.claimDue(1_000, 15, 60_000)));
    const ids = claims.flat().map((d) => d.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });

  it('sees the other connection’s committed version and refuses a stale update', async () => {
    await a.orders.commit({ orders: [{ record: aProductOrder({ id: 'S-1' }), expectedVersion: null }] });
    expect((await b.orders.getOrder('S-1'))?.version).toBe(1);
    await b.orders.commit({ orders: [{ record: aProductOrder({ id: 'S-1', version: 2, state: 'inProgress' }), expectedVersion: 1 }] });
    await expect(
      a.orders.commit({ orders: [{ record: aProductOrder({ id: 'S-1', version: 2, state: 'held' }), expectedVersion: 1 }] }),
    ).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect((await a.orders.getOrder('S-1'))?.state).toBe('inProgress');
  });
});
