import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../../src/adapters/clock/virtual-clock.js';
import { closeSqliteDatabase, openSqliteDatabase } from '../../src/adapters/sqlite/sqlite-database.js';
import { SqliteEffectLedger } from '../../src/adapters/sqlite/sqlite-effect-ledger.js';
import { auditCommand } from '../../src/main/commands/audit-command.js';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function dataDirWithEffects(): Promise<{ dir: string; forge: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'provisio-audit-'));
  dirs.push(dir);
  const db = openSqliteDatabase({ path: join(dir, 'provisio.db') });
  const ledger = new SqliteEffectLedger(db, new VirtualClock(0));
  await ledger.record('o1:1.reserve', 'inventory', 'reserveSim', { iccid: '1' });
  await ledger.record('o1:2.reserve', 'inventory', 'reserveNumber', { msisdn: '2' });
  await ledger.record('o1:3.billing', 'billing', 'applyItem', { billingRef: 'B' });
  await ledger.record('o1:3.billing', 'billing', 'applyItem', { billingRef: 'B' });
  closeSqliteDatabase(db);
  const forge = (): void => {
    const w = openSqliteDatabase({ path: join(dir, 'provisio.db') });
    w.prepare("INSERT INTO effect_journal (key, system, operation, applied_at) VALUES ('o1:3.billing', 'billing', 'applyItem', 9)").run();
    closeSqliteDatabase(w);
  };
  return { dir, forge };
}

async function audit(dir: string): Promise<{ code: number; json: Record<string, unknown> }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const code = await auditCommand.run(['--data-dir', dir, '--json']);
  vi.restoreAllMocks();
  return { code, json: JSON.parse(out) as Record<string, unknown> };
}

describe('provisio audit', () => {
  it('prints effects applied per system and exits 0 when no key was applied twice', async () => {
    const { dir } = await dataDirWithEffects();
    const { code, json } = await audit(dir);
    expect(code).toBe(0);
    expect(json).toMatchObject({ applied: { inventory: 2, billing: 1 }, totalApplied: 3, duplicates: 0, refused: 1 });
  });

  it('reports a forged second application of a key and exits 1', async () => {
    const { dir, forge } = await dataDirWithEffects();
    forge();
    const { code, json } = await audit(dir);
    expect(code).toBe(1);
    expect(json).toMatchObject({ duplicates: 1, duplicateKeys: ['o1:3.billing'] });
  });

  it('exits 2 when the data folder has no database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'provisio-audit-'));
    dirs.push(dir);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await auditCommand.run(['--data-dir', dir])).toBe(2);
  });
});
