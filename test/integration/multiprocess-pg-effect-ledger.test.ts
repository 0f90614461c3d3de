import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgDatabase, type PgDatabase } from '../../src/adapters/postgres/pg-database.js';
import { PgEffectLedger } from '../../src/adapters/postgres/pg-effect-ledger.js';
import { auditCommand } from '../../src/main/commands/audit-command.js';
import { dropSchema, PG_TEST_URL, postgresSkipReason, testSchemaName } from '../contract/postgres-test-database.js';

const skip = await postgresSkipReason();
if (skip !== undefined) process.stdout.write(`skipping the PostgreSQL effect ledger suite: ${skip}\n`);
const clock = { now: () => 1_000 };

describe.skipIf(skip !== undefined)('the effect ledger shared by two processes on PostgreSQL', () => {
  const schema = testSchemaName();
  const dbs: PgDatabase[] = [];
  beforeAll(async () => {
    dbs.push(await openPgDatabase({ url: PG_TEST_URL, schema, maxConnections: 3 }));
    dbs.push(await openPgDatabase({ url: PG_TEST_URL, schema, maxConnections: 3 }));
  });
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.pool.end()));
    await dropSchema(schema);
  });

  it('applies each key once across both pools and counts every repeat as refused', async () => {
    const [a, b] = dbs.map((d) => new PgEffectLedger(d.pool, clock)) as [PgEffectLedger, PgEffectLedger];
    const keys = Array.from({ length: 300 }, (_, i) => `o${i}:t1`);
    // Both "processes" record the same keys at the same time; the first 20 keys also twice in one batch.
    const outcomes = await Promise.all([
      ...keys.map((k) => a.record(k, 'hlr', 'provisionSubscriber', { imsi: k })),
      ...keys.map((k) => b.record(k, 'hlr', 'provisionSubscriber', { imsi: `${k}-b` })),
      ...keys.slice(0, 20).map((k) => a.record(k, 'hlr', 'provisionSubscriber', { imsi: 'again' })),
    ]);
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(300);
    const report = await b.report();
    expect(report).toMatchObject({ applied: { hlr: 300 }, totalApplied: 300, duplicates: 0, refused: 320 });
    const first = await b.lookup('o7:t1');
    expect(first?.effect.imsi === 'o7:t1' || first?.effect.imsi === 'o7:t1-b').toBe(true);
    expect(await a.lookup('missing')).toBeUndefined();
  });

  it('provisio audit reads the PostgreSQL ledger and fails on a key journalled twice', async () => {
    const argv = ['--database-url', PG_TEST_URL, '--pg-schema', schema, '--json'];
    expect(await auditCommand.run(argv)).toBe(0);
    await dbs[0]!.pool.query(`INSERT INTO effect_journal (key, system, operation, applied_at) VALUES ('o7:t1', 'hlr', 'provisionSubscriber', 2)`);
    expect(await auditCommand.run(argv)).toBe(1);
    await expect(dbs[0]!.pool.query('DELETE FROM effect_journal')).rejects.toThrow(/append-only/);
  });
});
