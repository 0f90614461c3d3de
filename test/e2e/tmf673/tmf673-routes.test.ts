import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inMemoryAddressReference } from '../../../src/app/geographic-address-validation.js';
import { registerTmf673Routes } from '../../../src/api/tmf673/tmf673-routes.js';
import { ProvisioError } from '../../../src/domain/errors/error-catalogue.js';
import { buildingKey, parseStreetLine } from '../../../src/validation/index.js';

const BASE_URL = 'https://provisio.example';
const PATH = '/tmf-api/geographicAddressManagement/v4/geographicAddressValidation';
const rainey = { ...parseStreetLine('77 Rainey St'), zip: '78701', country: 'US' };
const reference = inMemoryAddressReference({ buildings: new Map([[buildingKey(rainey), { kind: 'multi', units: ['1A', '2B'] }]]) });
let app: FastifyInstance;
let n = 0;

beforeAll(async () => {
  app = Fastify({ logger: false, ajv: { customOptions: { coerceTypes: false } } });
  app.setErrorHandler((err, _request, reply) => {
    if (err instanceof ProvisioError) return reply.status(err.status).send({ code: err.code, reason: err.reason, message: err.message });
    return reply.status((err as { statusCode?: number }).statusCode ?? 500).send({ code: 'INVALID_BODY', reason: 'error', message: String(err) });
  });
  await app.register(swagger, { openapi: { info: { title: 'test', version: '0' } } });
  registerTmf673Routes(app, { reference, baseUrl: BASE_URL, newId: () => `gav-${++n}`, now: () => new Date('2026-03-02T15:00:00Z') });
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

async function validate(submittedGeographicAddress: unknown, provideAlternative = true) {
  const res = await app.inject({ method: 'POST', url: PATH, payload: { submittedGeographicAddress, provideAlternative } });
  return { status: res.statusCode, headers: res.headers, body: res.json() };
}

describe('POST geographicAddressValidation', () => {
  it('answers 201, done and success with the USPS-normalised address for a clean address', async () => {
    const { status, headers, body } = await validate({ streetNr: '500', streetName: 'West 2nd', streetType: 'Street', city: 'Austin', stateOrProvince: 'Texas', postcode: '78701' });
    expect(status).toBe(201);
    expect(body).toMatchObject({ state: 'done', validationResult: 'success', validGeographicAddress: { streetName: 'W 2ND', streetType: 'ST', stateOrProvince: 'TX' } });
    expect(body.href).toBe(`${BASE_URL}${PATH}/${body.id}`);
    expect(headers.location).toBe(body.href);
    expect(body.alternateGeographicAddress).toEqual([]);
  });

  it('answers partial with a corrected alternative for a misspelt city, only when alternatives are asked for', async () => {
    const asked = await validate({ name: '12 Elm St, Austn, TX 78701' });
    expect(asked.body.validationResult).toBe('partial');
    expect(asked.body.alternateGeographicAddress[0]).toMatchObject({ city: 'AUSTIN', postcode: '78701' });
    const notAsked = await validate({ name: '12 Elm St, Austn, TX 78701' }, false);
    expect(notAsked.body.alternateGeographicAddress).toEqual([]);
  });

  it('fails a PO box, a ZIP of another state and a multi-dwelling building without a unit', async () => {
    expect((await validate({ name: 'PO Box 12, Austin, TX 78701' })).body.validationResult).toBe('fail');
    const state = await validate({ name: '12 Elm St, Austin, OK 78701' });
    expect(state.body.validationResult).toBe('fail');
    expect(state.body.alternateGeographicAddress[0]?.stateOrProvince).toBe('TX');
    const unit = await validate({ name: '77 Rainey Street, Austin, TX 78701' });
    expect(unit.body.validationResult).toBe('fail');
    expect(unit.body.validationFinding.map((f: { code: string }) => f.code)).toContain('ADDR_UNIT_REQUIRED');
    expect((await validate({ name: '77 Rainey Street Apt 2B, Austin, TX 78701' })).body.validationResult).toBe('success');
  });

  it('answers 400 with a TMF error body when the submitted address is missing', async () => {
    const res = await app.inject({ method: 'POST', url: PATH, payload: { provideAlternative: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toHaveProperty('code');
  });
});

describe('GET geographicAddressValidation/{id}', () => {
  it('reads back a validation by id and answers 404 to an unknown id', async () => {
    const created = (await validate({ name: 'PO Box 12, Austin, TX 78701' })).body;
    const res = await app.inject({ method: 'GET', url: `${PATH}/${created.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(created);
    const missing = await app.inject({ method: 'GET', url: `${PATH}/nope` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
  });

  it('documents both routes in the OpenAPI document', () => {
    const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths[PATH] ?? {})).toContain('post');
    expect(Object.keys(doc.paths[`${PATH}/{id}`] ?? {})).toContain('get');
  });
});
