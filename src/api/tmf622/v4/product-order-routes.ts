import type { FastifyInstance } from 'fastify';
import { deleteOrder } from '../../../app/delete-order.js';
import { getOrder, listOrders } from '../../../app/read-orders.js';
import { previewOrder, submitOrder } from '../../../app/submit-order.js';
import { updateOrder } from '../../../app/update-order.js';
import { ProvisioError } from '../../../domain/errors/error-catalogue.js';
import { parseFields, parseListRequest } from '../../http/list-query.js';
import { ORDER_ATTRIBUTES, v4FieldName } from './attribute-maps.js';
import { draftFromCreateJson, patchFromJson } from './order-from-json.js';
import { orderToJson, selectFields } from './order-to-json.js';
import { createOrderSchema, listQuerySchema, updateOrderSchema } from './schemas.js';
import { TMF622_V4_BASE, V4_JSON, type Tmf622Deps } from './tmf622-deps.js';

type Query = Record<string, string | string[] | undefined>;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 256 } } } as const;
const tags = ['TMF622 productOrder'];

/** TMF622 v4 productOrder: create, list, get, patch, delete. */
export function registerProductOrderRoutes(app: FastifyInstance, deps: Tmf622Deps): void {
  const base = `${TMF622_V4_BASE}/productOrder`;

  const createQuery = { type: 'object', properties: { dryRun: { type: 'string', enum: ['true', 'false'], description: 'true: run the entry checks and return their findings without storing anything' } }, additionalProperties: false } as const;
  app.post(base, { schema: { tags, summary: 'Create a product order (or check it with dryRun=true)', body: createOrderSchema, querystring: createQuery } }, async (request, reply) => {
    const draft = draftFromCreateJson(request.body as Record<string, unknown>);
    if ((request.query as { dryRun?: string }).dryRun === 'true') {
      const { order: wouldBe, findings } = previewOrder(deps, draft, 'dry-run');
      const { id: _id, href: _href, ...json } = orderToJson(wouldBe, deps.urls);
      return reply.status(200).type(V4_JSON).send({ dryRun: true, state: wouldBe.state, finding: findings, productOrder: json });
    }
    const order = await submitOrder(deps, draft);
    deps.onOrderSubmitted(order.id);
    const json = orderToJson(order, deps.urls);
    return reply.status(201).header('Location', json.href).type(V4_JSON).send(json);
  });

  app.get(base, { schema: { tags, summary: 'List or find product orders', querystring: listQuerySchema } }, async (request, reply) => {
    const { query, fields } = parseListRequest(request.query as Query, ORDER_ATTRIBUTES);
    const page = await listOrders(deps.store, query);
    const body = page.items.map((o) => selectFields(orderToJson(o, deps.urls), fields));
    return reply.header('X-Total-Count', page.total).header('X-Result-Count', body.length).type(V4_JSON).send(body);
  });

  app.get(`${base}/:id`, { schema: { tags, summary: 'Retrieve a product order', params: idParams, querystring: listQuerySchema } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const fields = parseFields(request.query as Query);
    return reply.type(V4_JSON).send(selectFields(orderToJson(await getOrder(deps.store, id), deps.urls), fields));
  });

  app.patch(`${base}/:id`, { schema: { tags, summary: 'Update a product order (merge-patch)', params: idParams, body: updateOrderSchema } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const type = String(request.headers['content-type'] ?? '');
    if (!/^application\/(merge-patch\+)?json\b/i.test(type)) {
      throw new ProvisioError('UNSUPPORTED_MEDIA_TYPE', `PATCH accepts application/merge-patch+json or application/json, not ${type || 'no content type'}`);
    }
    const patch = patchFromJson(request.body as Record<string, unknown>);
    const order = await updateOrder({ ...deps, fieldName: v4FieldName }, id, patch);
    return reply.type(V4_JSON).send(orderToJson(order, deps.urls));
  });

  app.delete(`${base}/:id`, { schema: { tags, summary: 'Delete an ended product order (administrative)', params: idParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    await deleteOrder(deps, id);
    return reply.status(204).send();
  });
}
