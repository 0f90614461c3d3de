import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { VirtualClock } from '../../src/adapters/clock/virtual-clock.js';
import { closeSqliteDatabase, openSqliteDatabase } from '../../src/adapters/sqlite/sqlite-database.js';
import { SqliteEffectLedger } from '../../src/adapters/sqlite/sqlite-effect-ledger.js';

describe('SQLite effect ledger', () => {
  let db: Database | undefined;
  afterEach(() => {
    if (db) closeSqliteDatabase(db);
    db = undefined;
  });

  const open = (): SqliteEffectLedger => {
    db = openSqliteDatabase({ path: ':memory:' });
    return new SqliteEffectLedger(db, new VirtualClock(1_000));
  };

  it('applies a key once and refuses it afterwards, keeping the first effect', async () => {
    const ledger = open();
    expect(await ledger.record('o1:1.reserve', 'inventory', 'reserveSim', { iccid: 'A' })).toBe('applied');
    expect(await ledger.record('o1:1.reserve', 'inventory', 'reserveSim', { iccid: 'B' })).toBe('duplicate');
    expect((await ledger.lookup('o1:1.reserve'))?.effect).toEqual({ iccid: 'A' });
    expect(await ledger.lookup('o1:2.reserve')).toBeUndefined();
    const report = await ledger.report();
    expect(report).toMatchObject({ applied: { inventory: 1 }, totalApplied: 1, duplicates: 0, refused: 1 });
  });

  it('decides concurrent records of one key in a single batch: exactly one is applied', async () => {
    const ledger = open();
    const outcomes = await Promise.all([1, 2, 3].map((n) => ledger.record('o2:3.port', 'inventory', 'reserveNetworkPort', { portId: `P${n}` })));
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect((await ledger.report()).duplicates).toBe(0);
  });

  it('counts a forged second application found in the journal as a duplicate', async () => {
    const ledger = open();
    await ledger.record('o3:1.billing', 'billing', 'applyItem', { billingRef: 'B1' });
    db?.prepare("INSERT INTO effect_journal (key, system, operation, applied_at) VALUES ('o3:1.billing', 'billing', 'applyItem', 5)").run();
    const report = await ledger.report();
    expect(report.duplicates).toBe(1);
    expect(report.duplicateKeys).toEqual(['o3:1.billing']);
    expect(() => db?.prepare('DELETE FROM effect_journal').run()).toThrow(/append-only/);
  });
});
