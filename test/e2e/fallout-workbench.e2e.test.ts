import { afterEach, describe, expect, it } from 'vitest';
import { aNewMobileActivation, aPortIn } from '../fixtures/catalog-orders.js';
import { SouthboundError } from '../../src/ports/southbound-error.js';
import { openFalloutWorld, refusal, T0, type FalloutWorld } from './fallout-harness.js';

type Json = Record<string, any>;
const BASE = '/provisio/v1/falloutCase';
const note = { operator: 'ops.jane', reason: 'HLR team fixed the IMSI range (INC-4411)' };

const worlds: FalloutWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});
async function world(): Promise<FalloutWorld> {
  const w = await openFalloutWorld();
  worlds.push(w);
  return w;
}
async function get(w: FalloutWorld, url: string): Promise<{ status: number; body: any; total: string | undefined }> {
  const r = await w.app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.json(), total: r.headers['x-total-count'] as string | undefined };
}
async function post(w: FalloutWorld, url: string, payload: unknown): Promise<{ status: number; body: any }> {
  const r = await w.app.inject({ method: 'POST', url, payload: payload as Json });
  return { status: r.statusCode, body: r.json() };
}
const caseUrl = (id: string, action = ''): string => `${BASE}/${encodeURIComponent(id)}${action === '' ? '' : `/${action}`}`;

/** Submits a mobile activation whose task of `type` is refused, runs the engine and returns the open case. */
async function fallOut(w: FalloutWorld, orderId: string, type: Parameters<FalloutWorld['failing']['set']>[0], err: SouthboundError): Promise<Json> {
  w.failing.set(type, err);
  await w.submit(aNewMobileActivation(), orderId);
  await w.engine.runUntilIdle();
  const list = await get(w, `${BASE}?status=open&orderId=${orderId}`);
  expect(list.body).toHaveLength(1);
  return list.body[0] as Json;
}

describe('workbench fallout over HTTP on a real engine and SQLite file', () => {
  it('lists a permanent failure as an open case, refuses a skip, and a retry after the fix completes the order', async () => {
    const w = await world();
    const c = await fallOut(w, 'o1', 'provision-subscriber', refusal('IMSI_EXHAUSTED', 'hlr', 'no free IMSI in range 310-26'));
    expect(await w.orderState('o1')).toBe('held');
    expect(c).toMatchObject({
      id: 'o1:1.subscriber', status: 'open', openedAt: new Date(T0).toISOString(),
      productOrder: { id: 'o1', state: 'held' }, productOrderItemId: '1',
      task: { id: '1.subscriber', type: 'provision-subscriber', state: 'fallout' },
      error: { system: 'hlr', code: 'IMSI_EXHAUSTED', text: 'no free IMSI in range 310-26', retryable: false },
      '@type': 'FalloutCase',
    });
    expect(c.attempt).toHaveLength(1);
    expect((await get(w, BASE)).total).toBe('1');
    expect((await get(w, caseUrl('o1:1.subscriber'))).body).toEqual(c);

    const skip = await post(w, caseUrl(c.id, 'skip'), note);
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({ code: 'TASK_NOT_SKIPPABLE', status: '409', '@type': 'Error' });
    expect((await post(w, caseUrl(c.id, 'retry'), { operator: 'ops.jane' })).body).toMatchObject({ code: 'MISSING_FIELD' });

    w.failing.clear();
    const retried = await post(w, caseUrl(c.id, 'retry'), note);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'resolved', task: { state: 'ready' }, productOrder: { state: 'inProgress' } });
    expect(retried.body.action.map((a: Json) => [a.action, a.outcome, a.operator])).toEqual([['skip', 'denied', 'ops.jane'], ['retry', 'accepted', 'ops.jane']]);
    expect((await post(w, caseUrl(c.id, 'retry'), note)).body).toMatchObject({ code: 'FALLOUT_CASE_RESOLVED', status: '409' });

    await w.engine.runUntilIdle();
    expect(await w.orderState('o1')).toBe('completed');
    // The retry reused the idempotency key of the failed call.
    expect(w.calls.filter((k) => k === 'o1:1.subscriber')).toHaveLength(2);
    expect((await get(w, `${BASE}?status=open`)).body).toEqual([]);
    expect((await get(w, `${BASE}?status=resolved`)).body.map((x: Json) => [x.id, x.task.state])).toEqual([['o1:1.subscriber', 'done']]);
  });

  it('opens a case once retries of a busy system run out, with every attempt listed', async () => {
    const w = await world();
    const c = await fallOut(w, 'o1', 'provision-subscriber', new SouthboundError(true, 'HLR_BUSY', 'hlr', 'HLR busy'));
    expect(c.error).toEqual({ system: 'hlr', code: 'HLR_BUSY', text: 'HLR busy', retryable: true });
    expect(c.attempt.map((a: Json) => a.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(Date.parse(c.openedAt)).toBeGreaterThan(T0);
  });

  it('skips a skippable task and the order completes without it', async () => {
    const w = await world();
    const c = await fallOut(w, 'o1', 'record-in-crm', refusal('CRM_DOWN_FOR_MIGRATION', 'crm', 'CRM read-only'));
    const skipped = await post(w, caseUrl(c.id, 'skip'), { operator: 'ops.li', reason: 'CRM record made by hand' });
    expect(skipped.body).toMatchObject({ status: 'resolved', task: { state: 'skipped' } });
    await w.engine.runUntilIdle();
    expect(await w.orderState('o1')).toBe('completed');
    expect(w.calls.filter((k) => k === c.id)).toHaveLength(1);
    expect(await post(w, '/provisio/v1/productOrder/o1/cancel', note)).toMatchObject({ status: 409, body: { code: 'ORDER_FINAL' } });
  });

  it('force-completes a task and its dependants go on', async () => {
    const w = await world();
    const c = await fallOut(w, 'o1', 'activate-mobile-service', refusal('PROFILE_CONFLICT', 'hss', 'profile exists'));
    const done = await post(w, caseUrl(c.id, 'forceComplete'), { ...note, output: { activatedManually: true } });
    expect(done.body).toMatchObject({ status: 'resolved', task: { state: 'done' } });
    await w.engine.runUntilIdle();
    expect(await w.orderState('o1')).toBe('completed');
    expect(w.calls).toContain('o1:1.crm');
  });

  it('fails the item of the case: its dependants fail and the order ends partial', async () => {
    const w = await world();
    const c = await fallOut(w, 'o1', 'provision-subscriber', refusal('IMSI_EXHAUSTED', 'hlr', 'no free IMSI'));
    const failed = await post(w, caseUrl(c.id, 'failItem'), { operator: 'ops.li', reason: 'customer to re-order next month' });
    expect(failed.body).toMatchObject({ status: 'resolved', task: { state: 'failed' } });
    await w.engine.runUntilIdle();
    const order = await w.stores.orders.getOrder('o1');
    expect(order?.state).toBe('partial');
    expect(Object.fromEntries(order!.items.map((i) => [i.id, i.state]))).toEqual({ '1': 'failed', '2': 'completed', '3': 'failed' });
    expect(w.calls).not.toContain('o1:1.activate');
  });

  it('failing the item of a refused port-in runs its undo, which withdraws the port request it made', async () => {
    const w = await world();
    w.failing.set('port-in-number', refusal('AUTH_NAME_MISMATCH', 'porting', 'name differs from the carrier record'));
    await w.submit(aPortIn(), 'o1');
    await w.engine.runUntilIdle();
    const [c] = (await get(w, `${BASE}?status=open&orderId=o1`)).body as Json[];
    expect(c).toMatchObject({ task: { type: 'port-in-number' } });
    const failed = await post(w, caseUrl(c!.id, 'failItem'), { operator: 'porting.desk', reason: 'customer keeps the number with the old carrier' });
    expect(failed.body).toMatchObject({ status: 'resolved', task: { state: 'failed' } });
    await w.engine.runUntilIdle();
    expect(w.undone).toEqual(['3.port~undo']);
    expect((await w.stores.orders.getOrder('o1'))!.items.find((i) => i.id === '3')?.state).toBe('failed');
  });

  it('cancels the order on an operator decision: done work is compensated and the order ends cancelled', async () => {
    const w = await world();
    const c = await fallOut(w, 'o1', 'activate-mobile-service', refusal('PROFILE_CONFLICT', 'hss', 'profile exists'));
    const cancel = await post(w, '/provisio/v1/productOrder/o1/cancel', { operator: 'ops.jane', reason: 'customer withdrew' });
    expect(cancel.status).toBe(202);
    expect(cancel.body).toEqual({ productOrder: { id: 'o1' }, decision: 'accepted', penaltyTaskId: ['3.activate'] });
    await w.engine.runUntilIdle();
    expect(await w.orderState('o1')).toBe('cancelled');
    expect([...w.undone].sort()).toEqual(['1.subscriber~undo', '2.reserve~undo', '3.activate~undo', '3.reserve~undo']);
    const after = (await get(w, caseUrl(c.id))).body;
    expect(after).toMatchObject({ status: 'resolved', task: { state: 'cancelled' }, productOrder: { state: 'cancelled' } });
    expect(after.action).toMatchObject([{ action: 'cancelOrder', scope: 'productOrder', reason: 'customer withdrew', outcome: 'accepted' }]);
    // Cancelling again is idempotent: accepted, nothing more to undo.
    expect(await post(w, '/provisio/v1/productOrder/o1/cancel', note)).toMatchObject({ status: 202, body: { penaltyTaskId: [] } });
    expect(w.undone).toHaveLength(4);
  });

  it('answers unknown cases and orders with 404 and bad queries with 400, as TMF Error bodies', async () => {
    const w = await world();
    expect(await get(w, caseUrl('o9:1.subscriber'))).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', '@type': 'Error' } });
    expect(await post(w, caseUrl('o9:1.subscriber', 'retry'), note)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await post(w, '/provisio/v1/productOrder/o9/cancel', note)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await get(w, `${BASE}?status=stuck`)).toMatchObject({ status: 400, body: { code: 'INVALID_QUERY' } });
    expect(await get(w, `${BASE}?limit=0`)).toMatchObject({ status: 400, body: { code: 'INVALID_QUERY' } });
    const doc = w.app.swagger() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/provisio/v1/falloutCase', '/provisio/v1/falloutCase/{id}/retry', '/provisio/v1/productOrder/{orderId}/cancel']));
  });
});
