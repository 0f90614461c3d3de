import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryPortRequestStore } from '../../src/adapters/porting/in-memory-port-request-store.js';
import { SqlitePortRequestStore } from '../../src/adapters/sqlite/sqlite-port-request-store.js';
import { openSqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { describePortRequestStoreContract } from './port-request-store.contract.js';

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
