import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { installErrorHandlers } from './http/error-handler.js';
import { installHttpMetrics } from './http/http-metrics.js';
import { installJsonBodyParser } from './http/json-body-parser.js';
import { registerOpsRoutes, type HealthProbe } from './ops/ops-routes.js';
import { registerCancelRoutes } from './tmf622/v4/cancel-routes.js';
import { registerHubRoutes } from './tmf622/v4/hub-routes.js';
import { registerProductOrderRoutes } from './tmf622/v4/product-order-routes.js';
import { itemSchema } from './tmf622/v4/schemas.js';
import type { Tmf622Deps } from './tmf622/v4/tmf622-deps.js';

/** Everything the HTTP application serves. */
export interface HttpAppDeps {
  readonly tmf622: Tmf622Deps;
  readonly health: HealthProbe;
  readonly metrics: Registry;
  /** Extra route groups (catalog, workbench ...) registered after the core ones. */
  readonly plugins?: readonly ((app: FastifyInstance) => void)[];
  /** Structured logger (pino); none by default. */
  readonly logger?: FastifyBaseLogger;
  /** Largest accepted request body in bytes (default 1 MiB). */
  readonly bodyLimit?: number;
}

/** Builds the Fastify application: TMF622 v4, operations endpoints, OpenAPI document at /docs. */
export async function buildHttpApp(deps: HttpAppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    routerOptions: { maxParamLength: 256 },
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false } },
  });
  installJsonBodyParser(app);
  installErrorHandlers(app);
  installHttpMetrics(app, deps.metrics);
  app.addSchema(itemSchema);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Provisio',
        version: '0.1.0',
        description: 'TMF622 v4 Product Ordering, TMF620 catalog (read-only), operations endpoints.',
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  registerProductOrderRoutes(app, deps.tmf622);
  registerCancelRoutes(app, deps.tmf622);
  registerHubRoutes(app, deps.tmf622);
  registerOpsRoutes(app, deps.health, deps.metrics);
  for (const plugin of deps.plugins ?? []) plugin(app);
  return app;
}
