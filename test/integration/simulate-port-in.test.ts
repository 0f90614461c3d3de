import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/main/simulation/run-simulation.js';

const dir = mkdtempSync(join(tmpdir(), 'provisio-simulate-port-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('provisio simulate: port-ins through the coordinated port-in and the carrier simulator', () => {
  it('in realistic mode each completed port-in order has a port request the carrier exchange ported and the post-port checks completed', async () => {
    const dataDir = join(dir, 'realistic');
    const run = await runSimulation({ seed: 11, orders: 200, days: 20, mode: 'parallel', simulators: 'realistic', customers: 3000, dataDir });
    const db = new Database(join(dataDir, 'provisio.db'), { readonly: true });
    const ports = db.prepare('SELECT task_key AS taskKey, state FROM port_request').all() as { taskKey: string; state: string }[];
    db.close();
    const stateOf = new Map(ports.map((p) => [p.taskKey.slice(0, p.taskKey.indexOf(':')), p.state]));
    const portIns = run.results.filter((r) => r.orderType === 'port-in' && r.finalState === 'completed');
    expect(portIns.length).toBeGreaterThan(5);
    for (const r of portIns) expect(stateOf.get(r.orderId), r.orderId).toBe('COMPLETED');
    // a port takes the carriers' days (FOC, due date), not the instant simulator's fixed wait
    expect(run.summary.cycleTimeByOrderType['port-in']?.p50Hours).toBeGreaterThan(24);
    expect(run.effects.duplicates).toBe(0);
  }, 120_000);

  it('in instant mode port-ins stay on the instant simulator: no port requests are stored', async () => {
    const dataDir = join(dir, 'instant');
    await runSimulation({ seed: 11, orders: 60, days: 5, mode: 'parallel', simulators: 'instant', customers: 3000, dataDir });
    const db = new Database(join(dataDir, 'provisio.db'), { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM port_request').get() as { n: number }).n).toBe(0);
    db.close();
  }, 60_000);
});
