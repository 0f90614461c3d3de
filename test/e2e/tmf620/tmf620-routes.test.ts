import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFileCatalog } from '../../../src/adapters/catalog/file-catalog.js';
import { registerTmf620Routes } from '../../../src/api/tmf620/tmf620-routes.js';
import { ProvisioError } from '../../../src/domain/errors/error-catalogue.js';

const BASE_URL = 'https://provisio.example';
const PATH = '/tmf-api/productCatalogManagement/v4';
const catalog = loadFileCatalog();
let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify({ logger: false, ajv: { customOptions: { coerceTypes: false } } });
  app.setErrorHandler((err, _request, reply) => {
    if (err instanceof ProvisioError) return reply.status(err.status).send({ code: err.code, reason: err.reason, message: err.message });
    return reply.status((err as { statusCode?: number }).statusCode ?? 500).send({ code: 'INTERNAL', reason: 'error', message: String(err) });
  });
  await app.register(swagger, { openapi: { info: { title: 'test', version: '0' } } });
  registerTmf620Routes(app, { catalog, baseUrl: `${BASE_URL}/` });
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

async function get(url: string) {
  const res = await app.inject({ method: 'GET', url: `${PATH}${url}` });
  return { status: res.statusCode, headers: res.headers, body: res.json() };
}
const ids = (body: unknown) => (body as { id: string }[]).map((o) => o.id);

describe('GET productOffering', () => {
  it('lists every offering with counts, absolute hrefs and the v4 media type', async () => {
    const { status, headers, body } = await get('/productOffering');
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('application/json;charset=utf-8');
    expect(ids(body)).toEqual(catalog.productOfferings.map((o) => o.id));
    expect(headers['x-total-count']).toBe(String(catalog.productOfferings.length));
    expect(headers['x-result-count']).toBe(String(catalog.productOfferings.length));
    expect(body[0].href).toBe(`${BASE_URL}${PATH}/productOffering/${body[0].id}`);
  });

  it('filters on first-level attributes: exact match, comma = OR, several ANDed', async () => {
    expect(ids((await get('/productOffering?lifecycleStatus=Retired')).body)).toEqual(['po-mobile-plan-10gb-legacy', 'po-dsl-8']);
    expect(ids((await get('/productOffering?name=Fiber%20500')).body)).toEqual(['po-fiber-500']);
    expect(ids((await get('/productOffering?isBundle=true')).body)).toEqual(['po-bundle-home-trio', 'po-bundle-mobile-starter']);
    const both = await get('/productOffering?id=po-esim,po-fiber-1g,po-dsl-8&lifecycleStatus=Active');
    expect(ids(both.body)).toEqual(['po-esim', 'po-fiber-1g']);
    expect(both.headers['x-total-count']).toBe('2');
  });

  it('filters into members with a dotted path', async () => {
    expect(ids((await get('/productOffering?productSpecification.id=ps-fiber-broadband')).body)).toEqual(['po-fiber-300', 'po-fiber-500', 'po-fiber-1g']);
  });

  it('pages with offset and limit, counting all matches', async () => {
    const total = catalog.productOfferings.length;
    const { headers, body } = await get(`/productOffering?offset=${total - 2}&limit=5`);
    expect(ids(body)).toEqual(catalog.productOfferings.slice(-2).map((o) => o.id));
    expect(headers['x-total-count']).toBe(String(total));
    expect(headers['x-result-count']).toBe('2');
  });

  it('returns only the requested fields, plus id and href', async () => {
    const { body } = await get('/productOffering?fields=name,lifecycleStatus&limit=1');
    expect(body).toEqual([{ id: 'po-mobile-plan-talk-text', href: `${BASE_URL}${PATH}/productOffering/po-mobile-plan-talk-text`, name: 'Talk & Text', lifecycleStatus: 'Active' }]);
  });

  it('answers 400 to an unknown filter and to a bad page size', async () => {
    const unknown = await get('/productOffering?colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('UNKNOWN_FILTER');
    const bad = await get('/productOffering?limit=-1');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_QUERY');
  });
});

describe('GET productOffering/{id}', () => {
  it('returns the offering with references that resolve', async () => {
    const { status, body } = await get('/productOffering/po-fiber-500?');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'po-fiber-500', name: 'Fiber 500', lifecycleStatus: 'Active', '@type': 'ProductOffering' });
    expect(body.productSpecification.href).toBe(`${BASE_URL}${PATH}/productSpecification/ps-fiber-broadband`);
    const spec = await get(body.productSpecification.href.slice(`${BASE_URL}${PATH}`.length));
    expect(spec.body).toMatchObject({ id: 'ps-fiber-broadband', productType: 'fiber' });
    const shared = body.productOfferingPrice.find((p: { id?: string }) => p.id === 'pop-fixed-installation');
    const price = await get(shared.href.slice(`${BASE_URL}${PATH}`.length));
    expect(price.body).toMatchObject({ priceType: 'oneTime', price: { unit: 'USD', value: 99 } });
  });

  it('shows bundle contents and compatibility rules as offering relationships', async () => {
    const trio = (await get('/productOffering/po-bundle-home-trio')).body;
    expect(trio.bundledProductOffering.map((b: { id: string }) => b.id)).toContain('po-iptv-basic');
    expect(trio.bundledProductOffering[0].href).toBe(`${BASE_URL}${PATH}/productOffering/po-fiber-1g`);
    const boost = (await get('/productOffering/po-addon-data-boost-5gb')).body;
    const excluded = boost.productOfferingRelationship.filter((r: { relationshipType: string }) => r.relationshipType === 'excludes');
    expect(excluded.map((r: { id: string }) => r.id).sort()).toEqual(['po-mobile-plan-talk-text', 'po-mobile-plan-unlimited']);
  });

  it('answers 404 with a catalogue error for an unknown id', async () => {
    const { status, body } = await get('/productOffering/po-nope');
    expect(status).toBe(404);
    expect(body).toEqual({ code: 'NOT_FOUND', reason: 'Resource not found', message: 'productOffering po-nope not found' });
  });
});

describe('GET productSpecification', () => {
  it('lists and filters specifications by product type', async () => {
    const { body, headers } = await get('/productSpecification?productType=feature&fields=name');
    expect(ids(body)).toEqual(['ps-roaming', 'ps-intl-calling', 'ps-data-boost', 'ps-voicemail']);
    expect(headers['x-total-count']).toBe('4');
  });

  it('returns one specification with its characteristics and place roles', async () => {
    const { body } = await get('/productSpecification/ps-number-port-in');
    const required = body.productSpecCharacteristic.filter((c: { minCardinality: number }) => c.minCardinality >= 1).map((c: { name: string }) => c.name);
    expect(required).toEqual(['msisdn', 'losingCarrier', 'portingAuthorisationName', 'portingAccountNumber']);
    expect((await get('/productSpecification/ps-x')).status).toBe(404);
  });
});

describe('base URL known only after listen', () => {
  it('renders hrefs from the base URL current at request time', async () => {
    let base = 'http://127.0.0.1:0';
    const late = Fastify({ logger: false });
    registerTmf620Routes(late, { catalog, baseUrl: () => base });
    base = 'http://127.0.0.1:43210';
    const res = await late.inject({ method: 'GET', url: `${PATH}/productSpecification/ps-esim` });
    expect(res.json().href).toBe(`http://127.0.0.1:43210${PATH}/productSpecification/ps-esim`);
    await late.close();
  });
});

describe('OpenAPI document', () => {
  it('documents every catalog route with its parameters', () => {
    const doc = app.swagger() as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    for (const r of ['productOffering', 'productSpecification', 'productOfferingPrice']) {
      expect(doc.paths[`${PATH}/${r}`]?.get?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['fields', 'offset', 'limit']));
      expect(doc.paths[`${PATH}/${r}/{id}`]?.get?.parameters?.map((p) => p.name)).toContain('id');
    }
  });
});
