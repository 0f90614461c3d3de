import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { validateGeographicAddress, type AddressReference } from '../../app/geographic-address-validation.js';
import { fieldError, ProvisioError } from '../../domain/errors/error-catalogue.js';
import { RecentValidations } from './recent-validations.js';
import { TMF673_SCHEMAS } from './tmf673-schemas.js';

/** Base path of TMF673 v4. */
export const TMF673_V4_BASE = '/tmf-api/geographicAddressManagement/v4';
/** How many validations GET can still find; older ones are forgotten (they live in memory only). */
export const KEPT_VALIDATIONS = 5000;

/** What the TMF673 routes need: the address reference data and the public base URL for hrefs. */
export interface Tmf673Options {
  readonly reference: AddressReference;
  /** Scheme and host clients reach Provisio at; a function when known only once the server listens. */
  readonly baseUrl: string | (() => string);
  /** Result ids; random UUIDs by default. */
  readonly newId?: () => string;
  /** The validation time; the system clock by default. */
  readonly now?: () => Date;
}

const V4_JSON = 'application/json;charset=utf-8';
type Json = Record<string, unknown>;

function render(id: string, href: string, submitted: Json, provideAlternative: boolean, reference: AddressReference, at: Date): Json {
  const outcome = validateGeographicAddress(submitted, reference);
  return {
    id,
    href,
    '@type': 'GeographicAddressValidation',
    state: 'done',
    provideAlternative,
    validationDate: at.toISOString(),
    validationResult: outcome.validationResult,
    submittedGeographicAddress: submitted,
    ...(outcome.validAddress === undefined || outcome.validationResult === 'fail' ? {} : { validGeographicAddress: outcome.validAddress }),
    alternateGeographicAddress: provideAlternative ? outcome.alternateGeographicAddress : [],
    validationFinding: outcome.findings,
  };
}

/**
 * TMF673 v4 geographicAddressValidation: POST validates a US address at once (state `done`,
 * result success, partial or fail, with USPS-normalised and alternative addresses); GET reads one
 * of the last KEPT_VALIDATIONS results, which are held in memory only.
 */
export function registerTmf673Routes(app: FastifyInstance, opts: Tmf673Options): void {
  const baseUrl = typeof opts.baseUrl === 'function' ? opts.baseUrl : () => opts.baseUrl as string;
  const newId = opts.newId ?? randomUUID;
  const now = opts.now ?? (() => new Date());
  const recent = new RecentValidations<Json>(KEPT_VALIDATIONS);
  const path = `${TMF673_V4_BASE}/geographicAddressValidation`;
  app.post(path, { schema: TMF673_SCHEMAS.create }, async (request: FastifyRequest, reply: FastifyReply) => {
    const body = request.body as { submittedGeographicAddress?: unknown; provideAlternative?: boolean };
    const submitted = body.submittedGeographicAddress;
    if (submitted === null || typeof submitted !== 'object' || Array.isArray(submitted)) {
      throw fieldError('INVALID_BODY', 'submittedGeographicAddress', 'must be a GeographicAddress object');
    }
    const id = newId();
    const href = `${baseUrl().replace(/\/$/, '')}${path}/${id}`;
    const result = render(id, href, submitted as Json, body.provideAlternative ?? false, opts.reference, now());
    recent.add(id, result);
    return reply.status(201).header('Location', href).type(V4_JSON).send(result);
  });
  app.get(`${path}/:id`, { schema: TMF673_SCHEMAS.get }, async (request: FastifyRequest, reply: FastifyReply) => {
    const { id } = request.params as { id: string };
    const found = recent.get(id);
    if (found === undefined) throw new ProvisioError('NOT_FOUND', `geographicAddressValidation ${id} not found (only the last ${KEPT_VALIDATIONS} are kept)`);
    return reply.type(V4_JSON).send(found);
  });
}
