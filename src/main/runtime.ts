import { mkdirSync } from 'node:fs';
import pino, { type Logger } from 'pino';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { loadFileCatalog } from '../adapters/catalog/file-catalog.js';
import { HttpEventSender } from '../adapters/http/http-event-sender.js';
import { scaledClock } from '../adapters/clock/scaled-clock.js';
import { systemClock } from '../adapters/system/system-clock.js';
import { uuidIds } from '../adapters/system/uuid-ids.js';
import { renderV4Event } from '../api/tmf622/v4/event-envelope.js';
import { TMF622_V4_BASE } from '../api/tmf622/v4/tmf622-deps.js';
import type { Catalog } from '../domain/catalog/index.js';
import { checkCancelLifecycle } from '../domain/order/cancel-request.js';
import { checkOrderLifecycles } from '../domain/order/order-state.js';
import { CancelRequestWorker } from '../engine/cancel-request-worker.js';
import { OutboxDispatcher } from '../engine/outbox-dispatcher.js';
import { PortInboundWatch } from '../engine/port-inbound-watch.js';
import { createSimulatedSystems, orderFactsFromStore, type SimulatedSystems } from '../adapters/simulators/index.js';
import type { SouthboundSystems } from '../engine/handlers/southbound-systems.js';
import type { NumberPortIn } from '../ports/number-port-in.js';
import { createTaskHandlers } from '../engine/handlers/task-handler-registry.js';
import { createWorld, type World } from '../../sim/world/index.js';
import { worldAccountLookup, worldAddressReference } from '../../sim/validation-corpus/world-reference-data.js';
import type { Clock } from '../ports/clock.js';
import type { AccountLookup, AddressReference, ValidationContext } from '../validation/index.js';
import { superviseEngine } from './engine-supervisor.js';
import { engineMetrics } from './engine-metrics.js';
import { eventLoopMetrics } from './event-loop-metrics.js';
import { openStores, type Stores } from './open-stores.js';
import { buildPorting, type Porting } from './porting.js';
import { buildProvisioning, loadShippedDecompositionRules, type Provisioning } from './provisioning.js';
import type { ServerConfig } from './server-config.js';

/** What every Provisio process runs on: stores, catalog, provisioning, notification delivery, cancel processing. */
export interface Runtime {
  readonly log: Logger;
  /** The process clock: the wall clock, or a faster one when configured. */
  readonly clock: Clock;
  readonly catalog: Catalog;
  /**
   * The simulated operator world the OSS/BSS simulators and the reference data come from, built on
   * first use (the same seed and start always give the same world).
   */
  readonly world: () => World;
  /**
   * Lets go of the world in a process that runs no engine, once its reference data are built: an API
   * process then keeps ~40 MB less live heap (shorter garbage collections). Used again, it is rebuilt.
   */
  releaseWorld(): void;
  /** Entry-validation context: address reference (buildings, units, streets) and account records. */
  readonly validationContext: (now: Date) => ValidationContext;
  /** The reference data behind entry validation, built on first use (API processes build it at start). */
  readonly referenceData: () => { readonly addressReference: AddressReference; readonly accountLookup: AccountLookup };
  readonly stores: Stores;
  readonly metrics: Registry;
  readonly provisioning: Provisioning;
  /** Port requests, their coordinator and the port-in the engine runs. */
  readonly porting: Porting;
  readonly dispatcher: OutboxDispatcher;
  readonly cancelWorker: CancelRequestWorker;
  /** The public base URL used in hrefs; settable once the listening port is known. */
  publicUrl: string;
  /** The TMF622 v4 URLs derived from the public base URL. */
  readonly urls: { readonly base: string };
  /** Starts the background loops (the engine only when configured to run it). */
  start(): void;
  /** Stops the loops and closes the stores. */
  stop(): Promise<void>;
}

function outboxGauge(metrics: Registry, stores: Stores): void {
  new Gauge({
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
}

/** The southbound systems, each built on first use; port-ins by `portIn` when porting provides one. */
function lazySouthbound(systems: () => SimulatedSystems, portIn: NumberPortIn | undefined): SouthboundSystems {
  return {
    get inventory() { return systems().inventory; },
    get subscribers() { return systems().subscribers; },
    get activation() { return systems().activation; },
    get logistics() { return systems().logistics; },
    get fieldService() { return systems().fieldService; },
    get billing() { return systems().billing; },
    get crm() { return systems().crm; },
    get legacy() { return systems().legacy; },
    get portIn() { return portIn ?? systems().portIn; },
  };
}

/** Checks the lifecycle tables, loads catalog and rules, opens the stores and builds the loops. */
export async function openRuntime(config: ServerConfig, component: string): Promise<Runtime> {
  const log = pino({ level: config.logLevel, base: { service: 'provisio', component } });
  const defects = [...checkOrderLifecycles(), ...checkCancelLifecycle()];
  if (defects.length > 0) throw new Error(`lifecycle tables are inconsistent:\n${defects.map((d) => d.detail).join('\n')}`);
  const catalog = loadFileCatalog();
  const rules = loadShippedDecompositionRules();
  mkdirSync(config.dataDir, { recursive: true });
  const stores = await openStores({
    dataDir: config.dataDir,
    synchronous: config.synchronous,
    ...(config.databaseUrl !== undefined ? { databaseUrl: config.databaseUrl } : {}),
    ...(config.pgSchema !== undefined ? { pgSchema: config.pgSchema } : {}),
    onError: (err) => log.warn({ err }, 'database wake-up connection lost; polling meanwhile'),
    onStatisticsError: (err) => log.warn({ err }, 'analysing the engine tables failed; trying again shortly'),
    runsEngine: config.runEngine,
    ...(config.commitWindowMs !== undefined ? { commitWindowMs: config.commitWindowMs } : {}),
  });
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  eventLoopMetrics(metrics);
  outboxGauge(metrics, stores);
  const clock = config.clock === undefined ? systemClock : scaledClock(config.clock);
  const worldStart = new Date(clock.now()).toISOString();
  let worldRef: World | undefined;
  const world = (): World => (worldRef ??= createWorld({ seed: config.seed, start: worldStart }));
  // Built on first use: workers never validate entries, and building them costs seconds at start-up.
  let reference: { addressReference: ReturnType<typeof worldAddressReference>; accountLookup: ReturnType<typeof worldAccountLookup> } | undefined;
  const referenceData = () => (reference ??= { addressReference: worldAddressReference(world()), accountLookup: worldAccountLookup(world()) });
  const orderFacts = orderFactsFromStore((id) => stores.orders.getOrder(id));
  // The simulators are built when the engine first calls one: a process that runs no engine never does.
  let systemsRef: SimulatedSystems | undefined;
  const systems = (): SimulatedSystems =>
    (systemsRef ??= createSimulatedSystems({ world: world(), seed: config.seed, clock, ledger: stores.effectLedger(clock), mode: config.simulators, orderFacts }));
  // A process that runs the engine builds them now, not in its first round (building the world takes a second or two).
  if (config.runEngine) systems();
  const porting = buildPorting({
    world, seed: config.seed, clock, store: stores.portRequests, orderFacts, mode: config.simulators, sharedStore: stores.kind === 'postgres', log,
    ...(config.carrierSimUrl === undefined ? {} : { carrierSimUrl: config.carrierSimUrl }),
  });
  // The engine tells the cancel worker when orders end; the worker is built after the engine.
  const wakeCancels: { fn?: () => void } = {};
  const provisioning = buildProvisioning({
    stores,
    catalog,
    rules,
    handlers: createTaskHandlers(lazySouthbound(systems, porting.portIn)),
    clock,
    ids: uuidIds,
    log,
    engineOptions: {
      onOrderStates: () => wakeCancels.fn?.(),
      onRound: engineMetrics(metrics),
      ...(config.leaseMs !== undefined ? { leaseMs: config.leaseMs } : {}),
      // On PostgreSQL a round's claim and commit cost round trips and row versions: tasks made ready
      // run on in the round for up to 1 s of wall time (not 25 ms), so most orders finish in the round
      // that first claims them, in one commit, and are not handed to another worker halfway (engine
      // bench, two workers on 10,000 orders: 25 -> 200 ms took 940-980 to 1,000-1,220 orders/s). The
      // budget is wall time, so processes that share too few cores chain less within it: 200 -> 1,000
      // ms took four workers on two cores from 1,562-1,673 to 1,924-2,019 orders/s (CPU per order
      // 1.11-1.15 -> 0.89-0.93 ms) and left one or two workers as they were.
      ...(stores.kind === 'postgres' ? { chainBudgetMs: 1_000 } : {}),
    },
  });
  const worker = new CancelRequestWorker(
    { store: stores.orders, clock, ids: uuidIds, cancelPlan: provisioning.cancelPlan },
    1000,
    (err) => log.warn({ err }, 'cancel pass failed'),
  );
  wakeCancels.fn = () => worker.wake();
  // Port requests no port-in task re-checks (withdrawn by a cancelled order) still hear from their
  // carrier: once a minute of the process clock (at least a second apart on a fast clock).
  const portWatch = config.runEngine && porting.portIn !== undefined
    ? new PortInboundWatch(porting.coordinator, Math.max(1_000, 60_000 / (config.clock?.rate ?? 1)), (err) => log.warn({ err }, 'inbound port message pass failed'))
    : undefined;
  // On PostgreSQL, commits with ready tasks wake the loop (LISTEN/NOTIFY), so an idle worker polls
  // less often; polling still finds timers that fall due and leases that expire.
  const engineLoop = superviseEngine(provisioning.engine, {
    idleMs: stores.kind === 'postgres' ? 250 : 20,
    ...(config.engineRounds !== undefined ? { rounds: config.engineRounds } : {}),
    onError: (err) => log.warn({ err }, 'engine round failed; retrying'),
  });
  const runtime: Runtime = {
    log,
    clock,
    catalog,
    world,
    releaseWorld() {
      if (!config.runEngine) worldRef = undefined;
    },
    validationContext: (now) => ({ now, ...referenceData(), catalog }),
    referenceData,
    stores,
    metrics,
    provisioning,
    porting,
    cancelWorker: worker,
    publicUrl: config.publicUrl,
    urls: {
      get base() {
        return `${runtime.publicUrl}${TMF622_V4_BASE}`;
      },
    },
    dispatcher: new OutboxDispatcher(
      stores.deliveries,
      new HttpEventSender((event) => renderV4Event(event, runtime.urls)),
      clock,
      undefined,
      250,
      (err) => log.warn({ err }, 'notification pass failed'),
    ),
    start() {
      stores.onWake('deliveries', () => runtime.dispatcher.wake());
      runtime.dispatcher.start();
      worker.start();
      if (config.runEngine) {
        stores.onWake('tasks', () => engineLoop.wake());
        engineLoop.start();
      }
      portWatch?.start();
    },
    async stop() {
      await Promise.all([runtime.dispatcher.stop(), worker.stop(), engineLoop.stop(), provisioning.engine.stop(), portWatch?.stop()]);
      await stores.close();
    },
  };
  return runtime;
}
