import type { FastifyError, FastifyInstance } from 'fastify';
import { ProvisioError, type ErrorCode } from '../../domain/errors/error-catalogue.js';
import { tmfError, validationError } from './tmf-error.js';

const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_BAD_URL: 'INVALID_QUERY',
  FST_ERR_ASYNC_CONSTRAINT: 'INVALID_QUERY',
};

function toProvisioError(err: FastifyError): ProvisioError | undefined {
  if (err instanceof ProvisioError) return err;
  if (err.validation) return validationError(err.validation, err.validationContext ?? 'body');
  const mapped = FASTIFY_CODES[err.code];
  if (mapped) return new ProvisioError(mapped, mapped === 'MALFORMED_JSON' ? `Malformed JSON: ${err.message}` : undefined);
  if (err instanceof SyntaxError) return new ProvisioError('MALFORMED_JSON', `Malformed JSON: ${err.message}`);
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return new ProvisioError('INVALID_BODY', err.message);
  }
  return undefined;
}

/** Every error leaves as a TMF Error body with a catalogue code; unknown failures are logged and answered 500. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const known = toProvisioError(err);
    if (known) {
      if (known.status >= 500) request.log.error({ err }, known.message);
      return reply.status(known.status).type('application/json;charset=utf-8').send(tmfError(known.code, known.message));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).type('application/json;charset=utf-8').send(tmfError('INTERNAL'));
  });
  app.setNotFoundHandler((request, reply) => {
    return reply
      .status(404)
      .type('application/json;charset=utf-8')
      .send(tmfError('ROUTE_NOT_FOUND', `${request.method} ${request.url.split('?')[0]} is not an endpoint. See /docs.`));
  });
}
