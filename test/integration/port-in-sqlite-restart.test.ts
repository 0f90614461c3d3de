import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeSqliteDatabase, openSqliteDatabase } from '../../src/adapters/sqlite/sqlite-database.js';
import { SqlitePortRequestStore } from '../../src/adapters/sqlite/sqlite-port-request-store.js';
import { fromLocal, DEFAULT_CALENDAR } from '../../src/domain/porting/business-calendar.js';
import { anAccount } from '../../sim/carrier/sim-account.js';
import { aPortInWorld } from './port-in-harness.js';

const HOUR = 3_600_000;
const MONDAY_9 = fromLocal('2025-05-19', '09:00', DEFAULT_CALENDAR.zone);
const TN = '2125550101';

describe('port-in on a SQLite port request store across a restart', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('a process restarted after submission picks the stored request up and finishes the port with one request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'provisio-port-'));
    dirs.push(dir);
    const path = join(dir, 'provisio.db');
    let db = openSqliteDatabase({ path });
    const w = aPortInWorld({ at: MONDAY_9, store: new SqlitePortRequestStore(db) });
    w.addCustomer('wireline_ilec_gateway', anAccount({ tns: [TN] }));
    const req = { idempotencyKey: 'order-9:port-in-number', msisdn: TN, losingCarrier: 'Incumbent Telephone', accountNumber: 'ACC-1001' };
    const first = await w.run(req, MONDAY_9 + HOUR);
    expect(first.outcome).toBe('waiting');
    closeSqliteDatabase(db);

    db = openSqliteDatabase({ path });
    w.restart(new SqlitePortRequestStore(db));
    const after = await w.run(req, MONDAY_9 + 5 * 24 * HOUR);
    expect(after).toMatchObject({ outcome: 'ported', portRequestId: first.portRequestId });
    const all = await w.store.list();
    expect(all).toHaveLength(1);
    expect(all[0]?.request.version).toBe(1);
    expect(all[0]?.revision).toBeGreaterThan(3);
    closeSqliteDatabase(db);
  });
});
