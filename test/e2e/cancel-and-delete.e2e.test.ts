import { aNewMobileActivation } from '../fixtures/catalog-orders.js';
import { createBodyOf } from '../fixtures/tmf622-bodies.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestServer, type TestServer } from './server-harness.js';

const order = createBodyOf(aNewMobileActivation());

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

async function json(res: Response): Promise<any> {
  return res.json();
}

describe('cancelProductOrder', () => {
  it('cancels an order that has not started provisioning', async () => {
    const created = await json(await t.call('/productOrder', { method: 'POST', json: order }));
    const res = await t.call('/cancelProductOrder', {
      method: 'POST',
      json: { productOrder: { id: created.id }, cancellationReason: 'customer changed mind' },
    });
    expect(res.status).toBe(201);
    const task = await json(res);
    expect(task.state).toBe('acknowledged');
    expect(res.headers.get('location')).toBe(task.href);
    const done = await eventually(async () => {
      const r = await json(await t.call(`/cancelProductOrder/${task.id}`));
      return r.state === 'done' ? r : undefined;
    });
    expect(done.effectiveCancellationDate).toMatch(/Z$/);
    const cancelled = await json(await t.call(`/productOrder/${created.id}`));
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.cancellationReason).toBe('customer changed mind');
    expect(cancelled.cancellationDate).toBe(done.effectiveCancellationDate);
    expect(cancelled.productOrderItem[0].state).toBe('cancelled');
    const listed = await t.call(`/cancelProductOrder?productOrder.id=${created.id}`);
    expect((await json(listed)).map((c: any) => c.id)).toEqual([task.id]);
  });

  it('answers 409 for a final order or an open cancel, 400 for an unknown order', async () => {
    const created = await json(await t.call('/productOrder', { method: 'POST', json: order }));
    const first = await t.call('/cancelProductOrder', { method: 'POST', json: { productOrder: { id: created.id } } });
    expect(first.status).toBe(201);
    const second = await t.call('/cancelProductOrder', { method: 'POST', json: { productOrder: { id: created.id } } });
    expect(second.status).toBe(409);
    await eventually(async () => ((await json(await t.call(`/productOrder/${created.id}`))).state === 'cancelled' ? true : undefined));
    const onFinal = await t.call('/cancelProductOrder', { method: 'POST', json: { productOrder: { id: created.id } } });
    expect([onFinal.status, (await json(onFinal)).code]).toEqual([409, 'ORDER_FINAL']);
    const unknown = await t.call('/cancelProductOrder', { method: 'POST', json: { productOrder: { id: 'nope' } } });
    expect([unknown.status, (await json(unknown)).code]).toEqual([400, 'UNKNOWN_ORDER_REFERENCE']);
    const noRef = await t.call('/cancelProductOrder', { method: 'POST', json: { cancellationReason: 'x' } });
    expect(noRef.status).toBe(400);
    expect((await t.call('/cancelProductOrder/nope')).status).toBe(404);
  });
});

describe('DELETE /productOrder/{id}', () => {
  it('refuses a running order and removes an ended one', async () => {
    const created = await json(await t.call('/productOrder', { method: 'POST', json: order }));
    const running = await t.call(`/productOrder/${created.id}`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
    expect([running.status, (await json(running)).code]).toEqual([409, 'ORDER_NOT_FINAL']);
    await t.call('/cancelProductOrder', { method: 'POST', json: { productOrder: { id: created.id } } });
    await eventually(async () => ((await json(await t.call(`/productOrder/${created.id}`))).state === 'cancelled' ? true : undefined));
    const removed = await t.call(`/productOrder/${created.id}`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
    expect(removed.status).toBe(204);
    expect((await t.call(`/productOrder/${created.id}`)).status).toBe(404);
    expect((await t.call(`/productOrder/${created.id}`, { method: 'DELETE' })).status).toBe(404);
  });
});
