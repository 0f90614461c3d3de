import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
    const open = aRecord(1).request;
    const withRemovedLine = { ...open, lines: open.lines.map((l) => (l.tn === '3125550102' ? { ...l, status: 'REMOVED' as const } : l)) };
    const submitted = { ...withRemovedLine, state: 'SUBMITTED' as const };
    const ended = { ...aRecord(2).request, state: 'CANCELLED' as const };
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
