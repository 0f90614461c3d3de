import type { FastifyInstance } from 'fastify';
import { getFalloutCase, listFalloutCases } from '../../app/list-fallout.js';
import {
  actOnFalloutCase,
  cancelOrderByOperator,
  type CaseAction,
  type OperatorNote,
  type Refusal,
  type ResolveFalloutDeps,
} from '../../app/resolve-fallout.js';
import { ProvisioError } from '../../domain/errors/error-catalogue.js';
import type { FalloutCaseQuery } from '../../ports/fallout-case-reader.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../http/list-query.js';
import { falloutCaseToJson, WORKBENCH_BASE, WORKBENCH_JSON } from './fallout-json.js';
import {
  errorSchema,
  falloutCaseSchema,
  forceCompleteSchema,
  listFalloutQuerySchema,
  operatorCancelSchema,
  operatorNoteSchema,
} from './fallout-schemas.js';

/** What the fallout routes need from the composition root (the engine's `apply` as `applyToPlan`). */
export interface FalloutRoutesDeps extends ResolveFalloutDeps {
  /** Told after an accepted action, e.g. to wake the engine so released tasks run promptly. */
  readonly onPlanChanged?: (orderId: string) => void;
}

type ListQueryString = Partial<Record<'status' | 'taskType' | 'system' | 'errorCode' | 'orderId' | 'queue' | 'offset' | 'limit', string>>;
interface ActionBody {
  readonly operator?: string;
  readonly reason: string;
  readonly output?: Record<string, unknown>;
}

const tags = ['Workbench fallout'];
const idParam = { type: 'object', required: ['id'], properties: { id: { type: 'string', description: 'orderId:taskId' } } } as const;
const orderParam = { type: 'object', required: ['orderId'], properties: { orderId: { type: 'string' } } } as const;
const refusals = { 404: errorSchema, 409: errorSchema, 400: errorSchema } as const;

function toQuery(q: ListQueryString): FalloutCaseQuery {
  const limit = q.limit === undefined ? DEFAULT_LIMIT : Number(q.limit);
  if (limit < 1 || limit > MAX_LIMIT) throw new ProvisioError('INVALID_QUERY', `limit must be between 1 and ${MAX_LIMIT}, got ${limit}`, 'limit');
  return {
    offset: q.offset === undefined ? 0 : Number(q.offset),
    limit,
    ...(q.status === undefined ? {} : { status: q.status as NonNullable<FalloutCaseQuery['status']> }),
    ...(q.taskType === undefined ? {} : { taskType: q.taskType as NonNullable<FalloutCaseQuery['taskType']> }),
    ...(q.system === undefined ? {} : { system: q.system }),
    ...(q.errorCode === undefined ? {} : { errorCode: q.errorCode }),
    ...(q.orderId === undefined ? {} : { orderId: q.orderId }),
    ...(q.queue === undefined ? {} : { queue: q.queue as NonNullable<FalloutCaseQuery['queue']> }),
  };
}

function noteOf(body: ActionBody): OperatorNote {
  return { operator: body.operator ?? 'unspecified', reason: body.reason };
}

function fail(r: Refusal): never {
  throw new ProvisioError(r.code, r.message);
}

/**
 * The workbench fallout API: list and read fallout cases, act on one (retry, skip, forceComplete,
 * failItem) and cancel an order on an operator's decision. Every action records operator and reason.
 */
export function registerFalloutRoutes(app: FastifyInstance, deps: FalloutRoutesDeps): void {
  const base = `${WORKBENCH_BASE}/falloutCase`;
  app.get(base, {
    schema: { tags, summary: 'List fallout cases, newest first (X-Total-Count holds the number of matches)', querystring: listFalloutQuerySchema, response: { 200: { type: 'array', items: falloutCaseSchema }, 400: errorSchema } },
  }, async (request, reply) => {
    const page = await listFalloutCases(deps.cases, toQuery(request.query as ListQueryString));
    return reply.header('X-Total-Count', page.total).header('X-Result-Count', page.items.length).type(WORKBENCH_JSON).send(page.items.map(falloutCaseToJson));
  });

  app.get(`${base}/:id`, { schema: { tags, summary: 'Retrieve a fallout case', params: idParam, response: { 200: falloutCaseSchema, 404: errorSchema } } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    return reply.type(WORKBENCH_JSON).send(falloutCaseToJson(await getFalloutCase(deps.cases, id)));
  });

  const action = (name: CaseAction, summary: string, body: object): void => {
    app.post(`${base}/:id/${name}`, { schema: { tags, summary, params: idParam, body, response: { 200: falloutCaseSchema, ...refusals } } }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const b = request.body as ActionBody;
      const result = await actOnFalloutCase(deps, id, name, noteOf(b), b.output);
      if (result.kind === 'refused') fail(result);
      deps.onPlanChanged?.(result.case.orderId);
      return reply.type(WORKBENCH_JSON).send(falloutCaseToJson(result.case));
    });
  };
  action('retry', 'Run the failed task again (same idempotency key, fresh attempts)', operatorNoteSchema);
  action('skip', 'Mark the task not required (skippable task types only); dependants go on', operatorNoteSchema);
  action('forceComplete', 'Mark the task done with an operator-supplied output; dependants go on', forceCompleteSchema);
  action('failItem', 'Fail the order item of the task; the order may end partial or failed', operatorNoteSchema);
  action('release', 'Release an order held for specialist review before provisioning: its plan proceeds', operatorNoteSchema);

  app.post(`${WORKBENCH_BASE}/productOrder/:orderId/cancel`, {
    schema: { tags, summary: 'Cancel an order on an operator decision: stop open tasks, compensate done ones', params: orderParam, body: operatorNoteSchema, response: { 202: operatorCancelSchema, ...refusals } },
  }, async (request, reply) => {
    const { orderId } = request.params as { orderId: string };
    const result = await cancelOrderByOperator(deps, orderId, noteOf(request.body as ActionBody));
    if (result.kind === 'refused') fail(result);
    deps.onPlanChanged?.(orderId);
    return reply.status(202).type(WORKBENCH_JSON).send({ productOrder: { id: orderId }, decision: 'accepted', penaltyTaskId: result.penaltyTaskIds });
  });
}
