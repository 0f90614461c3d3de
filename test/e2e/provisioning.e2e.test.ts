import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aFiberInstall, aNewMobileActivation } from '../fixtures/catalog-orders.js';
import { createBodyOf } from '../fixtures/tmf622-bodies.js';
import { eventually, startTestServer, type TestServer } from './server-harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer(undefined, { runEngine: true, simulators: 'instant' });
});
afterAll(async () => {
  await t.stop();
});

const json = async (res: Response): Promise<any> => res.json();

describe('provisioning through the server', () => {
  it.each([
    ['mobile activation', aNewMobileActivation],
    ['fiber install', aFiberInstall],
  ])('runs a %s to completed with completionDate', async (_name, build) => {
    const created = await json(await t.call('/productOrder', { method: 'POST', json: createBodyOf(build()) }));
    expect(created.state).toBe('acknowledged');
    const done = await eventually(async () => {
      const o = await json(await t.call(`/productOrder/${created.id}`));
      return o.state === 'completed' ? o : undefined;
    }, 20_000);
    expect(done.completionDate).toMatch(/Z$/);
    expect(done.productOrderItem.every((i: any) => i.state === 'completed')).toBe(true);
  });

  it('reports the engine on /metrics: rounds, tasks run by claim and by chaining, round phase times', async () => {
    const created = await json(await t.call('/productOrder', { method: 'POST', json: createBodyOf(aNewMobileActivation()) }));
    await eventually(async () => ((await json(await t.call(`/productOrder/${created.id}`))).state === 'completed' ? true : undefined), 20_000);
    const text = await (await fetch(`${t.server.url}/metrics`)).text();
    const value = (series: string): number => Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
    const rounds = value('provisio_engine_rounds_total');
    const claimed = value('provisio_engine_tasks_total{via="claimed"}');
    expect(rounds).toBeGreaterThan(0);
    // the mobile activation's plan has four tasks per order; three orders ran here
    expect(claimed + (value('provisio_engine_tasks_total{via="chained"}') || 0)).toBeGreaterThanOrEqual(3 * 4);
    expect(value('provisio_engine_round_orders_total')).toBeGreaterThanOrEqual(3);
    expect(value('provisio_engine_round_phase_seconds_count{phase="record"}')).toBe(rounds);
    expect(value('provisio_engine_task_failures_total')).toBe(0);
    expect(value('provisio_engine_conflict_retries_total')).toBe(0);
    // the process's event loop ran the requests and the engine: some busy time, less than it has lived
    const busy = value('provisio_event_loop_busy_seconds_total');
    expect(busy).toBeGreaterThan(0);
    expect(busy).toBeLessThan(value('process_cpu_seconds_total') + 1);
  });
});
