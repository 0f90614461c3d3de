import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeSqliteDatabase, openSqliteDatabase } from '../../src/adapters/sqlite/sqlite-database.js';
import { sqliteModelRegistry } from '../../src/adapters/sqlite/sqlite-model-registry.js';
import { describeModelRegistryContract } from './model-registry.contract.js';

describeModelRegistryContract('sqlite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'provisio-model-contract-'));
  const db = openSqliteDatabase({ path: join(dir, 'provisio.db') });
  return { registry: sqliteModelRegistry(db), close: async () => (closeSqliteDatabase(db), rmSync(dir, { recursive: true, force: true })) };
});
