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
});
