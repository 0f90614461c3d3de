import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryPortRequestStore } from '../../src/adapters/porting/in-memory-port-request-store.js';
import { SqlitePortRequestStore } from '../../src/adapters/sqlite/sqlite-port-request-store.js';
import { openSqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { describe, expect, it } from 'vitest';
import { aRecord, describePortRequestStoreContract } from './port-request-store.contract.js';

describePortRequestStoreContract('in memory', async () => ({ store: new InMemoryPortRequestStore(), close: async () => {} }));

describePortRequestStoreContract('sqlite :memory:', async () => {
  const stores = openSqliteStores({ path: ':memory:' });
  return { store: new SqlitePortRequestStore(stores.db), close: stores.close };
});

describePortRequestStoreContract('sqlite file (WAL, synchronous=FULL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'provisio-port-contract-'));
  const stores = openSqliteStores({ path: join(dir, 'provisio.db') });
  return { store: new SqlitePortRequestStore(stores.db), close: async () => (await stores.close(), rmSync(dir, { recursive: true, force: true })) };
});

describe('SqlitePortRequestStore: parsed requests reused while their revision stands', () => {
  it('reads what another store wrote to the same database, and the same record again while nothing changed', async () => {
    const stores = openSqliteStores({ path: ':memory:' });
    const [a, b] = [new SqlitePortRequestStore(stores.db), new SqlitePortRequestStore(stores.db)];
    const rec = aRecord(1);
    expect(await a.save(rec, 0)).toBe('saved');
    const first = await a.byId(rec.request.id);
    expect(await a.byId(rec.request.id)).toBe(first);
    const other = (await b.byId(rec.request.id))!;
    const entry = { at: '2025-05-19T14:00:00.000Z', direction: 'NOTE' as const, type: 'escalated', version: 1, raw: {}, normalised: null };
    expect(await b.save({ ...other, timeline: [entry] }, other.revision)).toBe('saved');
    for (const read of [() => a.byId(rec.request.id), () => a.byTaskKey(rec.taskKey), () => a.byPon(rec.request.pon)]) {
      const seen = await read();
      expect(seen?.revision).toBe(2);
      expect(seen?.timeline.map((e) => e.type)).toEqual(['escalated']);
    }
    expect(await a.save(first!, 1)).toBe('conflict');
    expect((await a.byId(rec.request.id))?.timeline).toHaveLength(1);
    await stores.close();
  });
});
