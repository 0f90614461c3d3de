import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cause } from '../../sim/generator/index.js';
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

/** The failure codes a system reports for each fallout cause. */
const CODES_OF: Readonly<Partial<Record<Cause, readonly string[]>>> = {
  address: ['ADDRESS_NOT_FOUND', 'UNIT_REQUIRED', 'UNIT_NOT_FOUND', 'PO_BOX_NOT_SERVICEABLE', 'ADDRESS_INCOMPLETE', 'E911_ADDRESS_INVALID'],
  port: ['TN_NOT_ON_ACCOUNT', 'ACCOUNT_NUMBER_MISMATCH', 'PIN_REQUIRED', 'PIN_INVALID', 'AUTH_NAME_MISMATCH', 'UNKNOWN_CARRIER'],
  credit: ['CREDIT_REFUSED'],
  inventory: ['OUT_OF_STOCK', 'NUMBER_POOL_EXHAUSTED', 'NUMBER_UNAVAILABLE'],
  incompat: ['INCOMPATIBLE_SERVICES'],
  timeout: ['TIMEOUT'],
};

function ordersFallingOutOn(cause: Cause): Set<number> {
  const codes = new Set(CODES_OF[cause] ?? []);
  return new Set(run.fallouts.filter((f) => codes.has(f.failure.code)).map((f) => Number(f.orderId.slice(4))));
}

describe('realistic simulated systems under the engine, over generated orders', () => {
  it('makes a plausible share of orders fall out, for several causes found in the world', () => {
    const out = new Set(run.fallouts.map((f) => f.orderId)).size / COUNT;
    expect(out).toBeGreaterThan(0.03);
    expect(out).toBeLessThan(0.3);
    const causesSeen = Object.keys(CODES_OF).filter((c) => ordersFallingOutOn(c as Cause).size > 0);
    expect(causesSeen.length).toBeGreaterThanOrEqual(4);
    // Transient failures are absorbed by the retries; only exhausted timeouts reach a queue.
    expect(run.fallouts.some((f) => f.failure.code === 'SYSTEM_BUSY')).toBe(false);
  });

  it('fails the orders whose entered address or port data is really wrong, and few others', () => {
    for (const cause of ['address', 'port'] as const) {
      const labelled = run.orders.flatMap((o, i) => (o.truth.causes.includes(cause) ? [i] : []));
      const failed = ordersFallingOutOn(cause);
      const hit = labelled.filter((i) => failed.has(i)).length;
      const falseAlarms = [...failed].filter((i) => !labelled.includes(i)).length;
      expect(labelled.length).toBeGreaterThan(2);
      expect(hit / labelled.length).toBeGreaterThan(0.5);
      expect(falseAlarms / COUNT).toBeLessThan(0.04);
    }
  });

  it('records every applied effect once: the audit finds no duplicate', async () => {
    const report = await run.ledger.report();
    expect(report.duplicates).toBe(0);
    const applied = Object.values(run.systems.stats.snapshot()).reduce((s, x) => s + (x?.applied ?? 0), 0);
    expect(report.totalApplied).toBe(applied);
    expect(report.totalApplied).toBeGreaterThan(COUNT);
  });
});
