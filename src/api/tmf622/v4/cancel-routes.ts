import type { FastifyInstance } from 'fastify';
import { requestCancellation } from '../../../app/cancel-order.js';
import { getCancelRequest, listCancelRequests } from '../../../app/read-orders.js';
import { parseFields, parseListRequest } from '../../http/list-query.js';
import { CANCEL_ATTRIBUTES } from './attribute-maps.js';
import { cancelToJson, selectFields } from './order-to-json.js';
import { createCancelSchema, listQuerySchema } from './schemas.js';
import { TMF622_V4_BASE, V4_JSON, type Tmf622Deps } from './tmf622-deps.js';

type Query = Record<string, string | string[] | undefined>;
const tags = ['TMF622 cancelProductOrder'];
const TASK_MEMBERS = new Set(['productOrder', 'cancellationReason', 'requestedCancellationDate']);

/** TMF622 v4 cancelProductOrder task resource: create, list, get. */
export function registerCancelRoutes(app: FastifyInstance, deps: Tmf622Deps): void {
  const base = `${TMF622_V4_BASE}/cancelProductOrder`;

  app.post(base, { schema: { tags, summary: 'Request the cancellation of a product order', body: createCancelSchema } }, async (request, reply) => {
    const body = request.body as Record<string, unknown> & { productOrder: { id: string } };
    const extra = Object.fromEntries(Object.entries(body).filter(([k]) => !TASK_MEMBERS.has(k)));
    const created = await requestCancellation(deps, {
      orderId: body.productOrder.id,
      extra,
      ...(typeof body.cancellationReason === 'string' ? { cancellationReason: body.cancellationReason } : {}),
      ...(typeof body.requestedCancellationDate === 'string' ? { requestedCancellationDate: body.requestedCancellationDate } : {}),
    });
    deps.onCancelRequested();
    const json = cancelToJson(created, deps.urls);
    return reply.status(201).header('Location', json.href).type(V4_JSON).send(json);
  });

  app.get(base, { schema: { tags, summary: 'List cancel requests', querystring: listQuerySchema } }, async (request, reply) => {
    const { query, fields } = parseListRequest(request.query as Query, CANCEL_ATTRIBUTES);
    const page = await listCancelRequests(deps.store, query);
    const body = page.items.map((r) => selectFields(cancelToJson(r, deps.urls), fields));
    return reply.header('X-Total-Count', page.total).header('X-Result-Count', body.length).type(V4_JSON).send(body);
  });

  app.get(`${base}/:id`, { schema: { tags, summary: 'Retrieve a cancel request', querystring: listQuerySchema } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const fields = parseFields(request.query as Query);
    return reply.type(V4_JSON).send(selectFields(cancelToJson(await getCancelRequest(deps.store, id), deps.urls), fields));
  });
}
