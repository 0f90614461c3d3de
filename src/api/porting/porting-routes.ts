import type { FastifyInstance } from 'fastify';
import {
  actOnPortRequest, escalatePortRequest, getPortRequest, listPortRequests, type CoordinatePortDeps,
} from '../../app/porting/coordinate-port-request.js';
import { ProvisioError } from '../../domain/errors/error-catalogue.js';
import type { CoordinatorAction } from '../../domain/porting/port-action.js';
import {
  cancelBodySchema, conflictBodySchema, correctBodySchema, dueBodySchema, listPortQuerySchema, portDetailSchema, portErrorSchema, portSummarySchema, reasonBodySchema,
} from './porting-schemas.js';

/** Base path of the port coordination API. */
export const PORTING_BASE = '/provisio/v1/portRequest';

const tags = ['Port coordination'];
const idParam = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 256 } } } as const;
const refusals = { 400: portErrorSchema, 404: portErrorSchema, 409: portErrorSchema } as const;

type Body = Record<string, unknown> & { overrideNote?: string };
const withNote = (b: Body) => (b.overrideNote === undefined ? {} : { overrideNote: b.overrideNote });

/** Coordinator actions over HTTP, each mapped to one reducer action. */
const ACTIONS: readonly { path: string; summary: string; body: object; toAction: (b: Body) => CoordinatorAction }[] = [
  { path: 'correctAndResend', summary: 'Correct the request and resend it as a supplement (version+1)', body: correctBodySchema,
    toAction: (b) => ({ type: 'correct', changes: b.changes as Extract<CoordinatorAction, { type: 'correct' }>['changes'], ...withNote(b) }) },
  { path: 'changeDueDate', summary: 'Ask the losing carrier for another due date (a due-date supplement); a request not yet sent just takes the date', body: dueBodySchema,
    toAction: (b) => ({ type: 'changeDueDate', due: b.due as Extract<CoordinatorAction, { type: 'changeDueDate' }>['due'], ...withNote(b) }) },
  { path: 'cancel', summary: 'Cancel the port at the carrier and in the clearinghouse', body: cancelBodySchema, toAction: (b) => ({ type: 'cancel', ...withNote(b) }) },
  { path: 'cancelUndo', summary: 'Undo a pending cancel and reinstate the request', body: cancelBodySchema, toAction: () => ({ type: 'cancelUndo' }) },
  { path: 'removeFromConflict', summary: 'Take a number out of clearinghouse conflict after contacting the carrier', body: conflictBodySchema,
    toAction: (b) => ({ type: 'removeFromConflict', tn: String(b.tn), contactLogged: b.contactLogged === true, ...withNote(b) }) },
  { path: 'requestSnapback', summary: 'Ask the losing carrier for an emergency reverse port', body: reasonBodySchema, toAction: (b) => ({ type: 'requestSnapback', reason: String(b.reason) }) },
];

/**
 * The coordinator's port request API: the list by SLA risk, one request with its timeline, and the
 * coordinator actions; refusals come back as TMF Error bodies whose message names the guard.
 */
export function registerPortingRoutes(app: FastifyInstance, deps: CoordinatePortDeps): void {
  app.get(PORTING_BASE, {
    schema: { tags, summary: 'Open port requests, most at risk first (jeopardy, escalation, earliest due)', querystring: listPortQuerySchema, response: { 200: { type: 'array', items: portSummarySchema }, 400: portErrorSchema } },
  }, async (request) => {
    const q = request.query as { state?: string; includeFinal?: string; limit?: string };
    const limit = q.limit === undefined ? 100 : Number(q.limit);
    if (limit < 1 || limit > 1000) throw new ProvisioError('INVALID_QUERY', `limit must be between 1 and 1000, got ${limit}`, 'limit');
    return listPortRequests(deps, { limit, includeFinal: q.includeFinal === 'true', ...(q.state === undefined ? {} : { state: q.state }) });
  });

  app.get(`${PORTING_BASE}/:id`, { schema: { tags, summary: 'One port request: lines, timers, versions, timeline', params: idParam, response: { 200: portDetailSchema, 404: portErrorSchema } } }, async (request) => {
    return getPortRequest(deps, (request.params as { id: string }).id);
  });

  for (const a of ACTIONS) {
    app.post(`${PORTING_BASE}/:id/${a.path}`, { schema: { tags, summary: a.summary, params: idParam, body: a.body, response: { 200: portDetailSchema, ...refusals } } }, async (request) => {
      return actOnPortRequest(deps, (request.params as { id: string }).id, a.toAction((request.body ?? {}) as Body));
    });
  }

  app.post(`${PORTING_BASE}/:id/escalate`, { schema: { tags, summary: 'Escalate to the carrier escalation desk (recorded, raises SLA risk)', params: idParam, body: reasonBodySchema, response: { 200: portDetailSchema, ...refusals } } }, async (request) => {
    const b = request.body as { operator?: string; reason: string };
    return escalatePortRequest(deps, (request.params as { id: string }).id, { operator: b.operator ?? 'unspecified', reason: b.reason });
  });
}
