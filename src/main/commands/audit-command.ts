import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
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

/** `provisio audit`: effects applied per southbound system and the duplicate check; exit 1 on any duplicate. */
export const auditCommand: Command = {
  name: 'audit',
  summary: 'count side effects applied per southbound system and check that none was applied twice',
  usage: 'provisio audit [--data-dir ./data] [--json]',
  async run(argv) {
    const { values } = parseArgs({ args: [...argv], options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: false });
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
