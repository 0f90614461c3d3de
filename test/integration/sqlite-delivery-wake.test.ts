import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStores, type SqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { anOrderEvent, aProductOrder } from '../fixtures/product-order-builder.js';

const settle = () => new Promise((r) => setImmediate(r));

// The dispatcher of a SQLite process is woken by the commits that queued deliveries, not by every order.
describe('SQLite wake-up on queued hub deliveries', () => {
  let dir: string;
  let stores: SqliteStores;
  let wakes: number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'provisio-wake-'));
    stores = openSqliteStores({ path: join(dir, 'provisio.db') });
    wakes = 0;
    stores.onDeliveriesQueued(() => wakes++);
  });
  afterEach(async () => {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not wake when no listener wants the events', async () => {
    const o = aProductOrder({ id: 'W-1' });
    await stores.orders.commit({ orders: [{ record: o, expectedVersion: null }], events: [anOrderEvent(o)] });
    await settle();
    expect(wakes).toBe(0);
  });

  it('wakes once per group commit that queued deliveries, after the rows are readable', async () => {
    await stores.hub.addListener({ id: 'L', callback: 'http://l.test', createdAt: '2024-05-01T00:00:00.000Z' });
    let dueAtWake = -1;
    stores.onDeliveriesQueued(() => {
      void stores.deliveries.stats().then((s) => (dueAtWake = s.pending));
    });
    const orders = Array.from({ length: 5 }, (_, i) => aProductOrder({ id: `W-${i}` }));
    await Promise.all(orders.map((o) => stores.orders.commit({ orders: [{ record: o, expectedVersion: null }], events: [anOrderEvent(o)] })));
    await settle();
    await settle();
    expect(wakes).toBe(1);
    expect(dueAtWake).toBe(5);
  });

  it('does not wake for a commit without events', async () => {
    await stores.hub.addListener({ id: 'L', callback: 'http://l.test', createdAt: '2024-05-01T00:00:00.000Z' });
    await stores.orders.commit({ orders: [{ record: aProductOrder({ id: 'W-9' }), expectedVersion: null }] });
    await settle();
    expect(wakes).toBe(0);
  });
});
