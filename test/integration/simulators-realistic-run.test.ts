import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGeneratedOrders, type SimulatedRun } from './simulators-harness.js';

const COUNT = 300;
let dir: string;
let run: SimulatedRun;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'provisio-sim-'));
  run = await runGeneratedOrders({ seed: 11, count: COUNT, days: 30, mode: 'realistic', path: join(dir, 'provisio.db') });
}, 60_000);
afterAll(async () => {
  await run.stores.close();
  rmSync(dir, { recursive: true, force: true });
});

const byCode = (r: SimulatedRun): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const f of r.fallouts) out[`${f.failure.system}:${f.failure.code}`] = (out[`${f.failure.system}:${f.failure.code}`] ?? 0) + 1;
  return out;
};

describe('realistic simulated systems under the engine', () => {
  it('makes a plausible share of orders fall out, for causes found in the world', () => {
    const codes = byCode(run);
    console.log('fallouts by system:code', codes, 'orders with fallout', new Set(run.fallouts.map((f) => f.orderId)).size, 'tasks', run.tasksRun);
    console.log('calls', JSON.stringify(run.systems.stats.snapshot()));
    const ordersOut = new Set(run.fallouts.map((f) => f.orderId)).size / COUNT;
    expect(ordersOut).toBeGreaterThan(0.02);
    expect(ordersOut).toBeLessThan(0.35);
  });

  it('records every applied effect once: the audit finds no duplicate', async () => {
    const report = await run.ledger.report();
    expect(report.duplicates).toBe(0);
    const applied = Object.values(run.systems.stats.snapshot()).reduce((s, x) => s + (x?.applied ?? 0), 0);
    expect(report.totalApplied).toBe(applied);
  });
});
