import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteFalloutActionLog } from '../../src/adapters/sqlite/sqlite-fallout-action-log.js';
import { SqliteFalloutCaseReader } from '../../src/adapters/sqlite/sqlite-fallout-case-reader.js';
import { openSqliteStores, type SqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { describeFalloutCaseReaderContract, type FalloutReaderHandle } from './fallout-case-reader.contract.js';

function handle(stores: SqliteStores, cleanup: () => void = () => {}): FalloutReaderHandle {
  return {
    reader: new SqliteFalloutCaseReader(stores.db),
    actionLog: new SqliteFalloutActionLog(stores.db),
    orders: stores.orders,
    close: async () => (await stores.close(), cleanup()),
  };
}

describeFalloutCaseReaderContract('sqlite :memory:', async () => handle(openSqliteStores({ path: ':memory:' })));
describeFalloutCaseReaderContract('sqlite file (WAL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'provisio-fallout-'));
  return handle(openSqliteStores({ path: join(dir, 'provisio.db') }), () => rmSync(dir, { recursive: true, force: true }));
});
