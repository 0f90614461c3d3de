import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { aNewMobileActivation } from '../fixtures/catalog-orders.js';
import { createBodyOf } from '../fixtures/tmf622-bodies.js';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, startTestServer, type TestServer } from './server-harness.js';

const order = createBodyOf(aNewMobileActivation());

/** A TMF listener that records what it receives; `accept` decides its answer. */
async function startListener(): Promise<{ url: string; received: { path: string; body: any }[]; accept: { ok: boolean }; close(): Promise<void>; server: Server }> {
  const received: { path: string; body: any }[] = [];
  const accept = { ok: true };
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      if (!accept.ok) {
        res.writeHead(503).end();
        return;
      }
      received.push({ path: req.url ?? '', body: JSON.parse(text) });
      res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/callback`, received, accept, server, close: () => new Promise((r) => server.close(() => r())) };
}

let t: TestServer | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe('hub notifications', () => {
  it('registers, filters by eventType, delivers v4 envelopes and unregisters', async () => {
    t = await startTestServer();
    const all = await startListener();
    const onlyState = await startListener();
    const reg = await t.call('/hub', { method: 'POST', json: { callback: all.url } });
    expect(reg.status).toBe(201);
    const sub = (await reg.json()) as any;
    expect(sub.callback).toBe(all.url);
    await t.call('/hub', { method: 'POST', json: { callback: onlyState.url, query: 'eventType=ProductOrderStateChangeEvent' } });

    const created = (await (await t.call('/productOrder', { method: 'POST', json: order })).json()) as any;
    await t.call(`/productOrder/${created.id}`, { method: 'PATCH', json: { description: 'changed' } });
    await t.call('/cancelProductOrder', { method: 'POST', json: { productOrder: { id: created.id } } });

    const types = await eventually(async () => {
      const names = all.received.map((r) => r.body.eventType);
      return names.includes('CancelProductOrderStateChangeEvent') && names.filter((n) => n === 'ProductOrderStateChangeEvent').length >= 3 ? names : undefined;
    });
    expect(types[0]).toBe('ProductOrderCreateEvent');
    expect(types).toContain('ProductOrderAttributeValueChangeEvent');
    expect(types).toContain('CancelProductOrderCreateEvent');
    const createEvent = all.received[0]!;
    expect(createEvent.path).toBe('/callback/listener/productOrderCreateEvent');
    expect(createEvent.body.event.productOrder.id).toBe(created.id);
    expect(createEvent.body.timeOcurred).toMatch(/Z$/);
    const change = all.received.find((r) => r.body.eventType === 'ProductOrderAttributeValueChangeEvent')!;
    expect(change.body.fieldPath).toBe('description');
    const states = all.received.filter((r) => r.body.eventType === 'ProductOrderStateChangeEvent').map((r) => r.body.event.productOrder.state);
    expect(states).toEqual(['assessingCancellation', 'pendingCancellation', 'cancelled']);

    await eventually(async () => (onlyState.received.length >= 3 ? true : undefined));
    expect(new Set(onlyState.received.map((r) => r.body.eventType))).toEqual(new Set(['ProductOrderStateChangeEvent']));

    expect((await t.call(`/hub/${sub.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.call(`/hub/${sub.id}`, { method: 'DELETE' })).status).toBe(404);
    const before = all.received.length;
    await t.call('/productOrder', { method: 'POST', json: order });
    await new Promise((r) => setTimeout(r, 600));
    expect(all.received.length).toBe(before);
    await all.close();
    await onlyState.close();
  });

  it('refuses a bad callback or query with 400', async () => {
    t = await startTestServer();
    expect((await t.call('/hub', { method: 'POST', json: {} })).status).toBe(400);
    expect((await t.call('/hub', { method: 'POST', json: { callback: 'not a url' } })).status).toBe(400);
    const badQuery = await t.call('/hub', { method: 'POST', json: { callback: 'http://127.0.0.1:1/x', query: 'eventType' } });
    expect(badQuery.status).toBe(400);
  });

  it('delivers later to a listener that was down, across a server restart', async () => {
    t = await startTestServer();
    const listener = await startListener();
    listener.accept.ok = false;
    await t.call('/hub', { method: 'POST', json: { callback: listener.url, query: 'eventType=ProductOrderCreateEvent' } });
    const created = (await (await t.call('/productOrder', { method: 'POST', json: order })).json()) as any;
    await new Promise((r) => setTimeout(r, 300));
    const dataDir = t.dataDir;
    await t.stop({ keepData: true });
    listener.accept.ok = true;
    t = await startTestServer(dataDir);
    const got = await eventually(async () => listener.received.find((r) => r.body.event.productOrder.id === created.id), 15_000);
    expect(got.body.eventType).toBe('ProductOrderCreateEvent');
    expect(listener.received.filter((r) => r.body.event.productOrder.id === created.id)).toHaveLength(1);
    await listener.close();
  });
});
