import type { FastifyInstance } from 'fastify';
import { ProvisioError } from '../../domain/errors/error-catalogue.js';

/** Media types whose bodies are parsed as JSON. */
export const JSON_MEDIA_TYPES = ['application/json', 'application/merge-patch+json'] as const;

/**
 * Parses JSON bodies (plain and merge-patch). An empty body is accepted on GET and DELETE (clients
 * send `Content-Type: application/json` without a body) and refused elsewhere with EMPTY_BODY.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  // Only JSON is accepted: any other media type is answered 415 by Fastify.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser([...JSON_MEDIA_TYPES], { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      if (request.method === 'GET' || request.method === 'DELETE') return done(null, undefined);
      return done(new ProvisioError('EMPTY_BODY', 'The request body is empty. Send a JSON object.'));
    }
    try {
      return done(null, JSON.parse(text));
    } catch (err) {
      return done(new ProvisioError('MALFORMED_JSON', `Malformed JSON: ${(err as Error).message}. Send valid JSON.`));
    }
  });
}
