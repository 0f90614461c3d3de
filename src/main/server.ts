import { uuidIds } from '../adapters/system/uuid-ids.js';
import { catalogEntryCheck, orderDatesEntryCheck } from '../app/catalog-entry-check.js';
import { validationEntryCheck } from '../app/validation-entry-check.js';
import { buildHttpApp } from '../api/http-app.js';
import { registerTmf620Routes } from '../api/tmf620/tmf620-routes.js';
import { registerFalloutRoutes } from '../api/workbench/fallout-routes.js';
import { registerTmf673Routes } from '../api/tmf673/tmf673-routes.js';
import { registerPortingRoutes } from '../api/porting/porting-routes.js';
import { parseListenerQuery } from '../domain/events/listener-query.js';
import { gbdtFalloutPredictor } from '../adapters/ml/gbdt-fallout-predictor.js';
import { extractFalloutFeatures } from '../app/features/extract-features.js';
import { FALLOUT_FEATURES, FEATURE_VOCABULARIES } from '../app/features/fallout-features.js';
import { routingPolicyOfModel, specialistRouting } from '../app/specialist-routing.js';
import { openRuntime } from './runtime.js';
import { tuneHeapForServing } from './heap-tuning.js';
import { readServerConfig, type ServerConfig } from './server-config.js';

/** A running server and how to stop it. */
export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts Provisio in one process: TMF622/TMF620 API, provisioning engine, notification delivery, cancel processing. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const rt = await openRuntime(config, 'server');
  const { log, stores, catalog, dispatcher, cancelWorker } = rt;
  // Entry validation needs the reference data on the first order: build it before listening.
  const { addressReference } = rt.referenceData();
  // An API process needs nothing more of the simulated world (the engine's processes keep it).
  rt.releaseWorld();
  // The active fallout model scores every accepted order (after `provisio model train`; restart to load a new one),
  // and orders it finds risky enough are held for a specialist queue with the model's per-cause thresholds.
  const predictor = gbdtFalloutPredictor({ registry: stores.modelRegistry, extract: extractFalloutFeatures, featureNames: FALLOUT_FEATURES.map((f) => f.name), vocabularies: FEATURE_VOCABULARIES });
  const activeModel = await predictor.reload();
  const routingPolicy = activeModel && config.routing !== false ? routingPolicyOfModel(activeModel) : undefined;
  let ready = false;
  const app = await buildHttpApp({
    logger: log.child({ component: 'http' }),
    metrics: rt.metrics,
    plugins: [
      (a) => registerTmf620Routes(a, { catalog, baseUrl: () => rt.publicUrl }),
      (a) => registerTmf673Routes(a, { reference: addressReference, baseUrl: () => rt.publicUrl }),
      (a) =>
        registerFalloutRoutes(a, {
          cases: stores.falloutCases,
          actionLog: stores.falloutActions,
          applyToPlan: (orderId, event) => rt.provisioning.engine.apply(orderId, event),
          clock: rt.clock,
          ids: uuidIds,
        }),
      (a) => registerPortingRoutes(a, { store: rt.porting.store, coordinator: rt.porting.coordinator, clock: rt.clock }),
    ],
    health: {
      ready: () => ready,
      check: async () => {
        await stores.ping();
        return { store: stores.kind, database: stores.location, engine: config.runEngine ? 'running' : 'off' };
      },
    },
    tmf622: {
      store: stores.orders,
      hub: stores.hub,
      clock: rt.clock,
      ids: uuidIds,
      entryChecks: [catalogEntryCheck(catalog), orderDatesEntryCheck, validationEntryCheck(rt.validationContext)],
      planner: rt.provisioning.planner,
      ...(activeModel ? { predictor: (order) => predictor.predict(order) } : {}),
      ...(routingPolicy ? { routing: specialistRouting(() => routingPolicy) } : {}),
      urls: rt.urls,
      checkListenerQuery: (q) => {
        const parsed = parseListenerQuery(q);
        return parsed.ok ? undefined : parsed.error;
      },
      onCancelRequested: () => {
        dispatcher.wake();
        cancelWorker.wake();
      },
      // the store wakes the dispatcher when a commit queued hub deliveries (none without listeners)
      onOrderSubmitted: () => {},
    },
  });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  if (rt.publicUrl === '') rt.publicUrl = url;
  rt.start();
  ready = true;
  log.info({ url, store: stores.kind, database: stores.location, carriers: config.carrierSimUrl ?? rt.porting.link, docs: `${url}/docs` }, 'Provisio is ready');
  return {
    url,
    async stop() {
      ready = false;
      await app.close();
      await rt.stop();
      log.info('Provisio stopped');
    },
  };
}

async function main(): Promise<void> {
  tuneHeapForServing();
  let config: ServerConfig;
  try {
    config = readServerConfig(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`provisio: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const server = await startServer(config);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`provisio: ${signal} received, shutting down\n`);
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`provisio: shutdown failed: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    process.stderr.write(`provisio: failed to start: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
