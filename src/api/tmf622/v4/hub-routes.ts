import type { FastifyInstance } from 'fastify';
import { getSubscription, subscribe, unsubscribe } from '../../../app/hub-subscriptions.js';
import type { HubListener } from '../../../ports/hub-store.js';
import { hubSchema } from './schemas.js';
import { TMF622_V4_BASE, V4_JSON, type Tmf622Deps } from './tmf622-deps.js';

const tags = ['TMF622 hub'];

function listenerToJson(l: HubListener): Record<string, unknown> {
  return { id: l.id, callback: l.callback, query: l.query ?? '' };
}

/** TMF622 v4 notification hub: register and unregister listeners. */
export function registerHubRoutes(app: FastifyInstance, deps: Tmf622Deps): void {
  const base = `${TMF622_V4_BASE}/hub`;
  app.post(base, { schema: { tags, summary: 'Register a listener', body: hubSchema } }, async (request, reply) => {
    const body = request.body as { callback: string; query?: string };
    const listener = await subscribe(deps, body.callback, body.query);
    return reply.status(201).header('Location', `${base}/${listener.id}`).type(V4_JSON).send(listenerToJson(listener));
  });
  app.get(`${base}/:id`, { schema: { tags, summary: 'Read a listener registration' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    return reply.type(V4_JSON).send(listenerToJson(await getSubscription(deps, id)));
  });
  app.delete(`${base}/:id`, { schema: { tags, summary: 'Unregister a listener' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    await unsubscribe(deps, id);
    return reply.status(204).send();
  });
}
