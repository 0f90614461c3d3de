import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { poolConfig } from '../../adapters/postgres/pg-database.js';
import { readPgEffectReport } from '../../adapters/postgres/pg-effect-ledger.js';
import { readEffectReportFromFile } from '../../adapters/sqlite/sqlite-effect-ledger.js';
import type { EffectReport } from '../../ports/effect-ledger.js';
import { say, type Command } from './command.js';

const EMPTY: EffectReport = { applied: {}, totalApplied: 0, duplicates: 0, duplicateKeys: [], refused: 0 };

function printReport(path: string, r: EffectReport): void {
  say(`effect ledger of ${path}`);
  const systems = Object.entries(r.applied);
  if (systems.length === 0) say('  no effects applied yet');
  for (const [system, n] of systems) say(`  ${system.padEnd(16)} ${String(n).padStart(8)} applied`);
  say(`  ${'total'.padEnd(16)} ${String(r.totalApplied).padStart(8)} applied`);
  say(`  repeats answered from the ledger without a new effect: ${r.refused}`);
  say(r.duplicates === 0 ? '  duplicates: 0 (every key applied at most once)' : `  DUPLICATES: ${r.duplicates} effects applied again, e.g. ${r.duplicateKeys.join(', ')}`);
}

/** Reads the report of the ledger in PostgreSQL; undefined when the schema has no effect ledger yet. */
async function readPostgresReport(url: string, schema: string | undefined): Promise<EffectReport | undefined> {
  const client = new pg.Client(poolConfig({ url, ...(schema ? { schema } : {}) }));
  await client.connect();
  try {
    const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('effect_journal')::text AS t`);
    return exists.rows[0]?.t == null ? undefined : await readPgEffectReport(client);
  } finally {
    await client.end();
  }
}

/** `provisio audit`: effects applied per southbound system and the duplicate check; exit 1 on any duplicate. */
export const auditCommand: Command = {
  name: 'audit',
  summary: 'count side effects applied per southbound system and check that none was applied twice',
  usage: 'provisio audit [--data-dir ./data | --database-url postgres://… [--pg-schema s]] [--json]',
  async run(argv) {
    const { values } = parseArgs({
      args: [...argv],
      options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, 'pg-schema': { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: false,
    });
    const url = values['database-url'] ?? process.env.DATABASE_URL;
    if (url !== undefined && url !== '') {
      const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
      const report = (await readPostgresReport(url, values['pg-schema'] ?? process.env.PROVISIO_PG_SCHEMA)) ?? EMPTY;
      if (values.json === true) process.stdout.write(`${JSON.stringify({ database: location, ...report })}\n`);
      else printReport(location, report);
      return report.duplicates > 0 ? 1 : 0;
    }
    const dataDir = resolve(values['data-dir'] ?? process.env.PROVISIO_DATA_DIR ?? 'data');
    const path = join(dataDir, 'provisio.db');
    if (!existsSync(path)) {
      say(`provisio audit: no database at ${path} (use --data-dir)`);
      return 2;
    }
    const report = readEffectReportFromFile(path) ?? EMPTY;
    if (values.json === true) process.stdout.write(`${JSON.stringify({ database: path, ...report })}\n`);
    else printReport(path, report);
    return report.duplicates > 0 ? 1 : 0;
  },
};
