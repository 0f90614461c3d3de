import { mkdirSync } from 'node:fs';
import pino from 'pino';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { loadFileCatalog } from '../adapters/catalog/file-catalog.js';
import { HttpEventSender } from '../adapters/http/http-event-sender.js';
import { systemClock } from '../adapters/system/system-clock.js';
import { uuidIds } from '../adapters/system/uuid-ids.js';
import { catalogEntryCheck } from '../app/catalog-entry-check.js';
import { validationEntryCheck } from '../app/validation-entry-check.js';
import { buildHttpApp } from '../api/http-app.js';
import { registerTmf620Routes } from '../api/tmf620/tmf620-routes.js';
import { renderV4Event } from '../api/tmf622/v4/event-envelope.js';
import { TMF622_V4_BASE } from '../api/tmf622/v4/tmf622-deps.js';
import { parseListenerQuery } from '../domain/events/listener-query.js';
import { checkCancelLifecycle } from '../domain/order/cancel-request.js';
import { checkOrderLifecycles } from '../domain/order/order-state.js';
import { CancelRequestWorker } from '../engine/cancel-request-worker.js';
import { OutboxDispatcher } from '../engine/outbox-dispatcher.js';
import { openStores } from './open-stores.js';
import { buildProvisioning, loadShippedDecompositionRules } from './provisioning.js';
import { readServerConfig, type ServerConfig } from './server-config.js';
import { stubHandlers } from '../engine/stub-handlers.js';

/** A running server and how to stop it. */
export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts Provisio in one process: TMF622 API, notification delivery, cancel processing, on SQLite. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const log = pino({ level: config.logLevel, base: { service: 'provisio' } });
  const defects = [...checkOrderLifecycles(), ...checkCancelLifecycle()];
  if (defects.length > 0) throw new Error(`lifecycle tables are inconsistent:\n${defects.map((d) => d.detail).join('\n')}`);

  const catalog = loadFileCatalog();
  const rules = loadShippedDecompositionRules();
  mkdirSync(config.dataDir, { recursive: true });
  const stores = await openStores({
    dataDir: config.dataDir,
    synchronous: config.synchronous,
    ...(config.databaseUrl !== undefined ? { databaseUrl: config.databaseUrl } : {}),
    onError: (err) => log.warn({ err }, 'database wake-up connection lost; polling meanwhile'),
  });
  // With port 0 the public URL is known only once listening; hrefs read it through this getter.
  let publicUrl = config.publicUrl;
  const urls = {
    get base() {
      return `${publicUrl}${TMF622_V4_BASE}`;
    },
  };
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });

  const dispatcher = new OutboxDispatcher(
    stores.deliveries,
    new HttpEventSender((event) => renderV4Event(event, urls)),
    systemClock,
    undefined,
    250,
    (err) => log.warn({ err }, 'notification pass failed'),
  );
  const provisioning = buildProvisioning({
    stores,
    catalog,
    rules,
    handlers: stubHandlers(),
    clock: systemClock,
    ids: uuidIds,
    log,
    engineOptions: { onOrderStates: () => cancelWorker.wake() },
  });
  const cancelWorker = new CancelRequestWorker(
    { store: stores.orders, clock: systemClock, ids: uuidIds, cancelPlan: provisioning.cancelPlan },
    1000,
    (err) => log.warn({ err }, 'cancel pass failed'),
  );
  const outboxGauge = new Gauge({
    name: 'provisio_outbox_deliveries',
    help: 'Hub notification deliveries by status',
    labelNames: ['status'] as const,
    registers: [metrics],
    async collect() {
      const s = await stores.deliveries.stats();
      this.set({ status: 'pending' }, s.pending);
      this.set({ status: 'delivered' }, s.delivered);
      this.set({ status: 'dead' }, s.dead);
    },
  });
  void outboxGauge;

  let ready = false;
  const app = await buildHttpApp({
    logger: log.child({ component: 'http' }),
    metrics,
    plugins: [(app) => registerTmf620Routes(app, { catalog, baseUrl: () => publicUrl })],
    health: {
      ready: () => ready,
      check: async () => {
        await stores.ping();
        return { store: stores.kind, database: stores.location };
      },
    },
    tmf622: {
      store: stores.orders,
      hub: stores.hub,
      clock: systemClock,
      ids: uuidIds,
      entryChecks: [catalogEntryCheck(catalog), validationEntryCheck((now) => ({ now }))],
      planner: provisioning.planner,
      urls,
      checkListenerQuery: (q) => {
        const parsed = parseListenerQuery(q);
        return parsed.ok ? undefined : parsed.error;
      },
      onCancelRequested: () => {
        dispatcher.wake();
        cancelWorker.wake();
      },
      onOrderSubmitted: () => dispatcher.wake(),
    },
  });
  await app.listen({ host: config.host, port: config.port });
  stores.onWake('deliveries', () => dispatcher.wake());
  dispatcher.start();
  cancelWorker.start();
  if (config.runEngine) provisioning.engine.start();
  ready = true;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  if (publicUrl === '') publicUrl = url;
  log.info({ url, dataDir: config.dataDir, docs: `${url}/docs` }, 'Provisio is ready');

  return {
    url,
    async stop() {
      ready = false;
      await app.close();
      await Promise.all([dispatcher.stop(), cancelWorker.stop(), provisioning.engine.stop()]);
      await stores.close();
      log.info('Provisio stopped');
    },
  };
}

async function main(): Promise<void> {
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
