import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/adapters/sqlite/migrations/index.js';
import type { Migration } from '../../src/adapters/sqlite/migrations/migration.js';
import { closeSqliteDatabase, openSqliteDatabase } from '../../src/adapters/sqlite/sqlite-database.js';
import { SchemaTooNewError, schemaVersion } from '../../src/adapters/sqlite/sqlite-migrator.js';
import { openSqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { aProductOrder } from '../fixtures/product-order-builder.js';

const latest = MIGRATIONS.at(-1)!.version;
const extra = (version: number, sql: string): Migration => ({ version, name: `test-${version}`, sql });

describe('SQLite database file', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'provisio-db-'));
    path = join(dir, 'nested', 'data', 'provisio.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the folder and opens in WAL mode with FULL sync and foreign keys', () => {
    const db = openSqliteDatabase({ path });
    expect(existsSync(path)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    closeSqliteDatabase(db);
    expect(db.open).toBe(false);
  });

  it('can trade durability for speed with synchronous=NORMAL', () => {
    const db = openSqliteDatabase({ path, synchronous: 'NORMAL', busyTimeoutMs: 100 });
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(100);
    closeSqliteDatabase(db);
  });

  it('keeps committed orders across close and reopen', async () => {
    const first = openSqliteStores({ path });
    const order = aProductOrder({ id: 'KEEP-1' });
    await first.orders.commit({ orders: [{ record: order, expectedVersion: null }] });
    await first.close();
    const second = openSqliteStores({ path });
    expect(await second.orders.getOrder('KEEP-1')).toEqual(order);
    await second.close();
  });

  it('applies every migration once and only the new ones on a later open', () => {
    let db = openSqliteDatabase({ path });
    expect(schemaVersion(db)).toBe(latest);
    closeSqliteDatabase(db);
    db = openSqliteDatabase({ path, migrations: [...MIGRATIONS, extra(latest + 1, 'CREATE TABLE fallout_case (id TEXT PRIMARY KEY)')] });
    expect(schemaVersion(db)).toBe(latest + 1);
    const names = db.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all();
    expect(names).toEqual([...MIGRATIONS.map((m) => m.name), `test-${latest + 1}`]);
    closeSqliteDatabase(db);
  });

  it('refuses a database written by a newer build, saying so', () => {
    closeSqliteDatabase(openSqliteDatabase({ path, migrations: [...MIGRATIONS, extra(latest + 1, 'SELECT 1')] }));
    expect(() => openSqliteDatabase({ path })).toThrow(SchemaTooNewError);
    expect(() => openSqliteDatabase({ path })).toThrow(/schema is at version \d+.*only knows migrations up to version \d+/);
  });

  it('rolls a failing migration back completely', () => {
    closeSqliteDatabase(openSqliteDatabase({ path }));
    const broken = [...MIGRATIONS, extra(latest + 1, 'CREATE TABLE half_done (id TEXT)'), extra(latest + 2, 'NOT SQL')];
    expect(() => openSqliteDatabase({ path, migrations: broken })).toThrow();
    const db = openSqliteDatabase({ path });
    expect(schemaVersion(db)).toBe(latest);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    closeSqliteDatabase(db);
  });

  it('refuses a migration list out of order', () => {
    expect(() => openSqliteDatabase({ path: ':memory:', migrations: [extra(2, 'SELECT 1'), extra(1, 'SELECT 1')] })).toThrow(
      /greater than 2/,
    );
  });
});
