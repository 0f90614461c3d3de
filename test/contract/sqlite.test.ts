import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores, type SqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { describeOrderStoreContract } from './order-store.contract.js';
import { describeOutboxContract } from './outbox.contract.js';

// A fresh database file in its own (not yet existing) folder, removed on close.
function onDisk(): SqliteStores {
  const dir = mkdtempSync(join(tmpdir(), 'provisio-contract-'));
  const stores = openSqliteStores({ path: join(dir, 'data', 'provisio.db') });
  return { ...stores, close: async () => (await stores.close(), rmSync(dir, { recursive: true, force: true })) };
}

const adapters: readonly [string, () => SqliteStores][] = [
  ['sqlite :memory:', () => openSqliteStores({ path: ':memory:' })],
  ['sqlite file (WAL, synchronous=FULL)', onDisk],
];

for (const [name, open] of adapters) {
  describeOrderStoreContract(name, async () => {
    const stores = open();
    return { store: stores.orders, close: stores.close };
  });
  describeOutboxContract(name, async () => open());
}
