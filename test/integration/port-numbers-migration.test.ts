import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { PG_MIGRATIONS } from '../../src/adapters/postgres/migrations/index.js';
import { quoteIdent } from '../../src/adapters/postgres/pg-database.js';
import { migratePg } from '../../src/adapters/postgres/pg-migrator.js';
import { PgPortRequestStore } from '../../src/adapters/postgres/pg-port-request-store.js';
import type { PortRequest } from '../../src/domain/porting/port-request.js';
import { openTestStores, PG_TEST_URL, postgresSkipReason, testSchemaName } from '../contract/postgres-test-database.js';
import { MIGRATIONS } from '../../src/adapters/sqlite/migrations/index.js';
import { closeSqliteDatabase, openSqliteDatabase } from '../../src/adapters/sqlite/sqlite-database.js';
import { SqlitePortRequestStore } from '../../src/adapters/sqlite/sqlite-port-request-store.js';
import { aRecord } from '../contract/port-request-store.contract.js';

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('SQLite migration 9 (port numbers) on a database that already holds port requests', () => {
  it('indexes the numbers of the open requests stored before it, not those of ended requests or removed lines', async () => {
    dir = mkdtempSync(join(tmpdir(), 'provisio-port-numbers-'));
    const path = join(dir, 'provisio.db');
    const before = MIGRATIONS.filter((m) => m.version < 9);
    const old = openSqliteDatabase({ path, migrations: before });
    const insert = old.prepare('INSERT INTO port_request (id, task_key, pon, state, revision, request, timeline) VALUES (?, ?, ?, ?, 1, ?, ?)');
    const { open: submitted, ended } = requestsBefore();
    insert.run(submitted.id, 'order-1:3.port', submitted.pon, submitted.state, JSON.stringify(submitted), '[]');
    insert.run(ended.id, 'order-2:3.port', ended.pon, ended.state, JSON.stringify(ended), '[]');
    closeSqliteDatabase(old);

    const db = openSqliteDatabase({ path });
    const store = new SqlitePortRequestStore(db);
    expect(await store.openPortsFor(['3125550101', '3125550102'], 'port-3')).toEqual([{ tn: '3125550101', id: 'port-1', pon: 'PON-1' }]);
    // a request saved after the upgrade claims after those found there
    await store.save(aRecord(3), 0);
    expect(await store.openPortsFor(['3125550101'], 'port-3')).toEqual([{ tn: '3125550101', id: 'port-1', pon: 'PON-1' }]);
    // port-1 holds 3125550101 from before (the draft port-3 does not count against it); 3125550102 it gave up
    expect(await store.openPortsFor(['3125550101', '3125550102'], 'port-1')).toEqual([{ tn: '3125550102', id: 'port-3', pon: 'PON-3' }]);
    closeSqliteDatabase(db);
  });
});

/** A submitted request with its second line removed, and a cancelled one: what an upgraded database holds. */
function requestsBefore(): { open: PortRequest; ended: PortRequest } {
  const first = aRecord(1).request;
  const open = { ...first, state: 'SUBMITTED' as const, lines: first.lines.map((l) => (l.tn === '3125550102' ? { ...l, status: 'REMOVED' as const } : l)) };
  return { open, ended: { ...aRecord(2).request, state: 'CANCELLED' as const } };
}

const skip = await postgresSkipReason();
describe.skipIf(skip !== undefined)('PostgreSQL migration 10 (port numbers) on a schema that already holds port requests', () => {
  it('indexes the numbers of the open requests stored before it, not those of ended requests or removed lines', async () => {
    const schema = testSchemaName();
    const client = new pg.Client({ connectionString: PG_TEST_URL });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
      await client.query(`SET search_path TO ${quoteIdent(schema)}`);
      await migratePg(client, PG_MIGRATIONS.filter((m) => m.version < 10));
      const { open, ended } = requestsBefore();
      for (const [r, key] of [[open, 'order-1:3.port'], [ended, 'order-2:3.port']] as const) {
        await client.query('INSERT INTO port_request (id, task_key, pon, state, revision, request, timeline) VALUES ($1, $2, $3, $4, 1, $5::jsonb, $6::jsonb)', [r.id, key, r.pon, r.state, JSON.stringify(r), '[]']);
      }
    } finally {
      await client.end();
    }
    const stores = await openTestStores({ schema });
    try {
      const store = new PgPortRequestStore(stores.pool);
      expect(await store.openPortsFor(['3125550101', '3125550102'], 'port-3')).toEqual([{ tn: '3125550101', id: 'port-1', pon: 'PON-1' }]);
      await store.save(aRecord(3), 0);
      expect(await store.openPortsFor(['3125550101'], 'port-3')).toEqual([{ tn: '3125550101', id: 'port-1', pon: 'PON-1' }]);
      expect(await store.openPortsFor(['3125550101', '3125550102'], 'port-1')).toEqual([{ tn: '3125550102', id: 'port-3', pon: 'PON-3' }]);
    } finally {
      await stores.close();
    }
  });
});
