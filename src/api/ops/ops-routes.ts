import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

/** What the health endpoint reports on. */
export interface HealthProbe {
  /** Resolves with details when the store answers; throws when it does not. */
  readonly check: () => Promise<Record<string, unknown>>;
  /** False while starting up or shutting down. */
  readonly ready: () => boolean;
}

/** GET /health (200 ready, 503 not) and GET /metrics (Prometheus text format). */
export function registerOpsRoutes(app: FastifyInstance, probe: HealthProbe, registry: Registry): void {
  app.get('/health', { schema: { tags: ['operations'], summary: 'Readiness and store health' } }, async (_request, reply) => {
    if (!probe.ready()) return reply.status(503).send({ status: 'unavailable', reason: 'starting or shutting down' });
    try {
      return reply.send({ status: 'ok', ...(await probe.check()) });
    } catch (err) {
      return reply.status(503).send({ status: 'unavailable', reason: (err as Error).message });
    }
  });
  app.get('/metrics', { schema: { tags: ['operations'], summary: 'Prometheus metrics', hide: false } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
