import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSimulation, type SimulationOptions, type SimulationRun } from '../../src/main/simulation/run-simulation.js';

const COUNT = 250;
const base: Omit<SimulationOptions, 'mode'> = { seed: 7, orders: COUNT, days: 30, simulators: 'realistic', customers: 3000 };
let dir: string;
let parallel: SimulationRun;
let sequential: SimulationRun;
let again: SimulationRun;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'provisio-simulate-test-'));
  parallel = await runSimulation({ ...base, mode: 'parallel', outFile: join(dir, 'parallel.jsonl') });
  sequential = await runSimulation({ ...base, mode: 'sequential' });
  again = await runSimulation({ ...base, mode: 'parallel' });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('provisio simulate: a month of generated orders on a virtual clock', () => {
  it('leaves no accepted order stuck: each ends completed, failed, partial, cancelled or held', () => {
    for (const run of [parallel, sequential]) {
      expect(run.results).toHaveLength(COUNT);
      const accepted = run.results.filter((r) => r.finalState !== 'rejected' && r.finalState !== 'pending');
      expect(accepted.length).toBeGreaterThan(COUNT * 0.8);
      for (const r of accepted) expect(['completed', 'failed', 'partial', 'cancelled', 'held']).toContain(r.finalState);
      // Held orders are exactly those that fell out: no operator acts in a simulation.
      for (const r of run.results.filter((x) => x.finalState === 'held')) expect(r.fallout).toBe(true);
      expect(run.effects.duplicates).toBe(0);
    }
  });

  it('reports a plausible fallout rate and touchless rate, each fallout with its cause', () => {
    const s = parallel.summary;
    expect(s.falloutRate).toBeGreaterThan(0.02);
    expect(s.falloutRate).toBeLessThan(0.3);
    expect(s.touchlessRate).toBeGreaterThan(0.6);
    expect(s.touchlessRate + s.falloutRate).toBeLessThanOrEqual(1.0001);
    // Every first fallout names the task, the failure code and the system that refused.
    for (const r of parallel.results.filter((x) => x.fallout)) {
      expect(r.falloutCode).toMatch(/^[A-Z_]+$/);
      expect(r.falloutTaskType).toBeDefined();
      expect(r.falloutSystem).toBeDefined();
    }
  });

  it('provisions multi-task orders faster when their tasks run in parallel than one after another', () => {
    // Disconnects and plan changes are several synchronous calls: in turn they add up, side by side they overlap.
    for (const type of ['disconnect', 'plan-change']) {
      const par = parallel.summary.cycleTimeByOrderType[type];
      const seq = sequential.summary.cycleTimeByOrderType[type];
      expect(par?.completed, type).toBeGreaterThan(10);
      expect(par?.p50Hours, type).toBeLessThan(seq?.p50Hours ?? 0);
    }
    // Order by order, the legacy way is slower far more often than it is faster.
    let slower = 0;
    let faster = 0;
    parallel.results.forEach((p, i) => {
      const s = sequential.results[i];
      if (p.cycleTimeMs === undefined || s?.cycleTimeMs === undefined || p.finalState !== 'completed' || s.finalState !== 'completed') return;
      if (s.cycleTimeMs > p.cycleTimeMs) slower++;
      if (s.cycleTimeMs < p.cycleTimeMs) faster++;
    });
    expect(slower).toBeGreaterThan(COUNT / 4);
    expect(faster).toBeLessThan(slower / 5);
  });

  it('gives the same results for the same seed, and writes them as JSON lines', () => {
    expect(again.results).toEqual(parallel.results);
    const lines = readFileSync(join(dir, 'parallel.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(parallel.results);
  });
});
