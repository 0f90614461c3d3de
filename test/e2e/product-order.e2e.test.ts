import { aNewMobileActivation } from '../fixtures/catalog-orders.js';
import { createBodyOf } from '../fixtures/tmf622-bodies.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server-harness.js';

const minimal = createBodyOf(aNewMobileActivation());

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

async function create(body: unknown = minimal): Promise<Record<string, any>> {
  const res = await t.call('/productOrder', { method: 'POST', json: body });
  expect(res.status).toBe(201);
  return (await res.json()) as Record<string, any>;
}

describe('POST /productOrder', () => {
  it('creates an order with server-owned fields and Location = href', async () => {
    const res = await t.call('/productOrder', { method: 'POST', json: { ...minimal, externalId: 'ext-1', id: 'client-id', state: 'completed' } });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, any>;
    expect(res.headers.get('location')).toBe(body.href);
    expect(body.href).toBe(`${t.api}/productOrder/${body.id}`);
    expect(body.id).not.toBe('client-id');
    expect(body.orderDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(body.state).toBe('acknowledged');
    expect(body.productOrderItem[0].state).toBe('acknowledged');
    expect(body.relatedParty).toEqual(minimal.relatedParty);
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it('accepts a business-invalid order with 201 and rejects it with readable reasons', async () => {
    const body = await create({ productOrderItem: [{ id: '1', action: 'add' }, { id: '2', action: 'add', productOffering: { id: 'po-no-such-thing' } }] });
    expect(body.state).toBe('rejected');
    expect(body.productOrderItem.map((i: any) => i.state)).toEqual(['rejected', 'rejected']);
    expect(body.completionDate).toBe(body.orderDate);
    const reasons = body.note.map((n: any) => n.text).join(' ');
    expect(reasons).toContain('MISSING_CUSTOMER');
    expect(reasons).toContain('productOrderItem[1].productOffering.id');
  });

  it('always returns relatedParty as an array', async () => {
    const body = await create({ productOrderItem: [{ id: '1', action: 'add' }] });
    expect(body.relatedParty).toEqual([]);
  });

  it.each([
    ['missing productOrderItem', { relatedParty: minimal.relatedParty }, 'MISSING_FIELD', 'productOrderItem'],
    ['item without action', { productOrderItem: [{ id: '1' }] }, 'MISSING_FIELD', 'productOrderItem[0].action'],
    ['unknown action', { productOrderItem: [{ id: '1', action: 'upgrade' }] }, 'INVALID_BODY', 'productOrderItem[0].action'],
    ['wrong type', { productOrderItem: [{ id: 1, action: 'add' }] }, 'INVALID_BODY', 'productOrderItem[0].id'],
    ['unknown first-level field', { ...minimal, colour: 'red' }, 'UNKNOWN_FIELD', 'colour'],
    ['duplicate item ids', { productOrderItem: [{ id: '1', action: 'add' }, { id: '1', action: 'add' }] }, 'DUPLICATE_ITEM_ID', 'productOrderItem[1].id'],
    [
      'relationship to unknown item',
      { productOrderItem: [{ id: '1', action: 'add', productOrderItemRelationship: [{ id: '9', relationshipType: 'reliesOn' }] }] },
      'UNKNOWN_ITEM_REFERENCE',
      'productOrderItem[0].productOrderItemRelationship[0].id',
    ],
    ['party without @referredType', { ...minimal, relatedParty: [{ id: 'x' }] }, 'MISSING_FIELD', 'relatedParty[0].@referredType'],
    ['bad date', { ...minimal, requestedStartDate: 'tomorrow' }, 'INVALID_BODY', 'requestedStartDate'],
    ['empty item list', { productOrderItem: [] }, 'INVALID_BODY', 'productOrderItem'],
  ])('answers 400 with a TMF Error for %s', async (_name, body, code, field) => {
    const res = await t.call('/productOrder', { method: 'POST', json: body });
    expect(res.status).toBe(400);
    const err = (await res.json()) as Record<string, string>;
    expect(err.code).toBe(code);
    expect(err.message).toContain(field);
    expect(err['@type']).toBe('Error');
    expect(err.status).toBe('400');
  });

  it('refuses malformed JSON, wrong media types, empty and oversize bodies without a 500', async () => {
    const post = (body: string, type = 'application/json') =>
      t.call('/productOrder', { method: 'POST', body, headers: { 'content-type': type } });
    const malformed = await post('{"productOrderItem": [');
    expect([malformed.status, ((await malformed.json()) as any).code]).toEqual([400, 'MALFORMED_JSON']);
    const text = await post('hello', 'text/plain');
    expect([text.status, ((await text.json()) as any).code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const empty = await post('');
    expect([empty.status, ((await empty.json()) as any).code]).toEqual([400, 'EMPTY_BODY']);
    const huge = await post(JSON.stringify({ ...minimal, description: 'x'.repeat(2_000_000) }));
    expect([huge.status, ((await huge.json()) as any).code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const array = await post('[1,2]');
    expect(array.status).toBe(400);
  });
});

describe('GET /productOrder', () => {
  it('gets one order, and 404 with a TMF Error for an unknown id', async () => {
    const created = await create();
    const res = await t.call(`/productOrder/${created.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(created);
    const missing = await t.call('/productOrder/f42b01d2-dba6-4442-a0fa-34e59639fd15');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).code).toBe('NOT_FOUND');
  });

  it('selects fields, always keeping id and href', async () => {
    const created = await create();
    const res = await t.call(`/productOrder/${created.id}?fields=state`);
    expect(await res.json()).toEqual({ id: created.id, href: created.href, state: 'acknowledged' });
  });

  it('filters exactly, with comma = OR, dotted paths and date ranges, and pages with counts', async () => {
    const tag = `batch-${Date.now()}`;
    const a = await create({ ...minimal, externalId: `${tag}-a`, category: tag, relatedParty: [{ id: `${tag}-p1`, '@referredType': 'Individual' }] });
    const b = await create({ ...minimal, externalId: `${tag}-b`, category: tag });
    const c = await create({ ...minimal, externalId: `${tag}-c`, category: tag });
    const ids = async (q: string) => {
      const res = await t.call(`/productOrder?${q}`);
      expect(res.status).toBe(200);
      return { total: Number(res.headers.get('x-total-count')), count: Number(res.headers.get('x-result-count')), ids: ((await res.json()) as any[]).map((o) => o.id) };
    };
    expect((await ids(`category=${tag}`)).ids).toEqual([c.id, b.id, a.id]);
    expect((await ids(`externalId=${tag}-a,${tag}-c`)).ids).toEqual([c.id, a.id]);
    expect((await ids(`relatedParty.id=${tag}-p1`)).ids).toEqual([a.id]);
    expect((await ids(`id=${b.id}`)).ids).toEqual([b.id]);
    expect((await ids(`orderDate=${b.orderDate}&category=${tag}`)).ids).toContain(b.id);
    const since = (await ids(`orderDate.gte=${b.orderDate}&category=${tag}`)).ids;
    expect(since).toEqual([c, b, a].filter((o) => o.orderDate >= b.orderDate).map((o) => o.id));
    expect((await ids(`orderDate.lt=${a.orderDate}&category=${tag}`)).ids).toEqual([]);
    const page = await ids(`category=${tag}&offset=1&limit=1`);
    expect(page).toEqual({ total: 3, count: 1, ids: [b.id] });
    expect((await ids(`productOrderItem.state=acknowledged&category=${tag}`)).total).toBe(3);
  });

  it.each([
    ['limit=0', 'INVALID_QUERY'],
    ['limit=100000', 'INVALID_QUERY'],
    ['offset=abc', 'INVALID_QUERY'],
    ['orderDate.gt=yesterday', 'INVALID_QUERY'],
    ['colour=red', 'UNKNOWN_FILTER'],
    ['state.regex=x', 'UNKNOWN_FILTER'],
    ['limit=1&limit=2', 'INVALID_QUERY'],
  ])('answers 400 for the absurd query %s', async (q, code) => {
    const res = await t.call(`/productOrder?${q}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).code).toBe(code);
  });
});

describe('PATCH /productOrder/{id}', () => {
  it('applies merge-patch and plain JSON; null removes a member', async () => {
    const created = await create({ ...minimal, description: 'old', priority: '2' });
    const res = await t.call(`/productOrder/${created.id}`, {
      method: 'PATCH',
      json: { description: 'new', priority: null },
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    expect(res.status).toBe(200);
    const patched = (await res.json()) as any;
    expect(patched.description).toBe('new');
    expect(patched).not.toHaveProperty('priority');
    expect(patched.orderDate).toBe(created.orderDate);
    const plain = await t.call(`/productOrder/${created.id}`, { method: 'PATCH', json: { category: 'enterprise' } });
    expect(((await plain.json()) as any).category).toBe('enterprise');
  });

  it('refuses server-owned fields (400), illegal state moves (409), other media types (415), unknown ids (404)', async () => {
    const created = await create();
    const patch = (json: unknown, type = 'application/merge-patch+json', id = created.id) =>
      t.call(`/productOrder/${id}`, { method: 'PATCH', body: JSON.stringify(json), headers: { 'content-type': type } });
    const owned = await patch({ orderDate: '2020-01-01T00:00:00.000Z' });
    expect([owned.status, ((await owned.json()) as any).code]).toEqual([400, 'UNKNOWN_FIELD']);
    const illegal = await patch({ state: 'completed' });
    expect([illegal.status, ((await illegal.json()) as any).code]).toEqual([409, 'ILLEGAL_STATE_TRANSITION']);
    const owning = await patch({ state: 'inProgress' });
    expect([owning.status, ((await owning.json()) as any).code]).toEqual([409, 'STATE_OWNED_BY_PROVISIO']);
    const jsonPatch = await patch([{ op: 'replace', path: '/description', value: 'x' }], 'application/json-patch+json');
    expect(jsonPatch.status).toBe(415);
    const missing = await patch({ description: 'x' }, 'application/merge-patch+json', 'no-such-order');
    expect(missing.status).toBe(404);
    const reread = (await (await t.call(`/productOrder/${created.id}`)).json()) as any;
    expect(reread).toEqual(created);
  });
});
