import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aFiberInstall } from '../fixtures/catalog-orders.js';
import { createBodyOf } from '../fixtures/tmf622-bodies.js';
import { eventually, startTestServer, type TestServer } from './server-harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

function fiberAt(place: Record<string, unknown>): Record<string, any> {
  const body = createBodyOf(aFiberInstall());
  body.productOrderItem[0].product.place[0] = { ...body.productOrderItem[0].product.place[0], ...place };
  return body;
}

describe('entry validation', () => {
  it('dryRun returns findings and stores nothing', async () => {
    const before = Number((await t.call('/productOrder?limit=1')).headers.get('x-total-count'));
    const res = await t.call('/productOrder?dryRun=true', { method: 'POST', json: fiberAt({ streetNr: '', streetName: 'PO Box 123' }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.state).toBe('rejected');
    expect(body.finding).toContainEqual(
      expect.objectContaining({ code: 'ADDR_PO_BOX_SERVICE', severity: 'blocking', field: 'productOrderItem[0].product.place[0].streetName' }),
    );
    const clean = (await (await t.call('/productOrder?dryRun=true', { method: 'POST', json: fiberAt({}) })).json()) as any;
    expect([clean.state, clean.finding]).toEqual(['acknowledged', []]);
    expect(Number((await t.call('/productOrder?limit=1')).headers.get('x-total-count'))).toBe(before);
  });

  it('rejects a PO box installation address with the reason on the order', async () => {
    const res = await t.call('/productOrder', { method: 'POST', json: fiberAt({ streetNr: '', streetName: 'PO Box 123' }) });
    const order = (await res.json()) as any;
    expect([res.status, order.state]).toEqual([201, 'rejected']);
    expect(order.note.map((n: any) => n.text).join(' ')).toContain('ADDR_PO_BOX_SERVICE');
  });

  it('keeps an order with warnings acknowledged and asks the customer through InformationRequired', async () => {
    const received: any[] = [];
    const listener = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(text));
        res.writeHead(201).end();
      });
    });
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    const callback = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    await t.call('/hub', { method: 'POST', json: { callback, query: 'eventType=ProductOrderInformationRequiredEvent' } });

    const res = await t.call('/productOrder', { method: 'POST', json: fiberAt({ city: 'Chicago' }) });
    const order = (await res.json()) as any;
    expect(order.state).toBe('acknowledged');
    expect(order.note.map((n: any) => n.text).join(' ')).toContain('ADDR_ZIP_CITY_MISMATCH');
    const event = await eventually(async () => received.find((e) => e.event.productOrder.id === order.id));
    expect(event.eventType).toBe('ProductOrderInformationRequiredEvent');
    expect(event.fieldPath).toBe('productOrderItem[0].product.place[0].city');
    await new Promise((r) => listener.close(r));
  });
});
