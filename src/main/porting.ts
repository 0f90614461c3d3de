import type { Logger } from 'pino';
import { HttpPortingGateway } from '../adapters/carrier/http-porting-gateway.js';
import { CoordinatedNumberPortIn } from '../adapters/porting/coordinated-number-port-in.js';
import { PROVISIO_PROVIDER, type PortingCarrier } from '../adapters/porting/porting-carrier.js';
import { simulatedCarrierGateway, simulatedCarrierOf } from '../adapters/porting/simulated-carriers.js';
import { seedCarrierWorldFromWorld, worldCarrierOf, worldPortInCustomer } from '../adapters/porting/world-porting.js';
import type { OrderFactsLookup, SimulationMode } from '../adapters/simulators/index.js';
import { PortCoordinator } from '../app/porting/port-coordinator.js';
import { DEFAULT_PORT_POLICY } from '../domain/porting/port-policy.js';
import type { Clock } from '../ports/clock.js';
import type { NumberPortIn } from '../ports/number-port-in.js';
import type { PortingGateway } from '../ports/porting-gateway.js';
import type { PortRequestStore } from '../ports/port-request-store.js';
import { CarrierWorld } from '../../sim/carrier/carrier-world.js';
import type { World } from '../../sim/world/index.js';

/** Where a process's port requests are exchanged with the losing carriers. */
export type CarrierLink = 'in-process' | 'http';

/** Number porting wired for one process: the port-request store, the coordinator and the port-in the engine calls. */
export interface Porting {
  readonly store: PortRequestStore;
  readonly coordinator: PortCoordinator;
  readonly link: CarrierLink;
  /** The coordinated port-in; undefined when port-ins run on the instant simulator (`instant` mode, no carrier simulator URL). */
  readonly portIn: NumberPortIn | undefined;
}

/** What porting is built from. */
export interface PortingDeps {
  /** The simulated world (called when first needed: an API process may have released it since). */
  readonly world: () => World;
  readonly seed: number;
  readonly clock: Clock;
  readonly store: PortRequestStore;
  readonly orderFacts: OrderFactsLookup;
  readonly mode: SimulationMode;
  /** A `provisio carrier-sim` process; without it the carrier simulator runs in this process on `clock`. */
  readonly carrierSimUrl?: string;
  /** Other processes share the store (PostgreSQL): an in-process carrier simulator would be this process's alone. */
  readonly sharedStore: boolean;
  readonly log: Logger;
  /**
   * Longest wait between two re-checks of a waiting port-in (default 15 minutes). A run on a virtual
   * clock with the carrier simulator in process may wait longer: nothing outside its engine acts on
   * a port there, and a re-check wakes at the carrier's next event for the PON and at the request's timers.
   */
  readonly recheckCapMs?: number;
}

/** The losing carrier named on an order: a world carrier, else a carrier simulator profile (name, SPID or id). */
function carrierLookup(world: () => World): (nameOrSpid: string) => PortingCarrier | undefined {
  let ofWorld: ((x: string) => PortingCarrier | undefined) | undefined;
  const ofProfiles = simulatedCarrierOf();
  return (x) => (ofWorld ??= worldCarrierOf(world()))(x) ?? ofProfiles(x);
}

/** The port-in customer lookup over the world, built on its first call. */
function customerLookup(world: () => World, facts: OrderFactsLookup): ReturnType<typeof worldPortInCustomer> {
  let lookup: ReturnType<typeof worldPortInCustomer> | undefined;
  return (req) => (lookup ??= worldPortInCustomer(world(), facts))(req);
}

/** The gateway to the losing carriers and, when they run in this process, when each PON's next carrier event is due. */
function gatewayOf(deps: PortingDeps, coordinated: boolean): { gateway: PortingGateway; carrierNextAt?: (pon: string) => number | undefined } {
  if (deps.carrierSimUrl !== undefined) return { gateway: new HttpPortingGateway({ baseUrl: deps.carrierSimUrl }) };
  const carriers = new CarrierWorld({ seed: deps.seed, clock: deps.clock });
  // the instant port-in simulator never reaches the carriers: their records are loaded only when ports are coordinated
  if (coordinated) deps.log.debug({ accounts: seedCarrierWorldFromWorld(deps.world(), carriers) }, 'in-process carrier simulator loaded');
  return { gateway: simulatedCarrierGateway(carriers, () => deps.clock.now()), carrierNextAt: (pon) => carriers.nextEventAt(pon) };
}

/**
 * Builds porting: port requests go to a `provisio carrier-sim` over HTTP when a URL is given,
 * otherwise to a carrier simulator in this process on the process clock. Port-ins run coordinated
 * (port request, FOC, clearinghouse, activation) in `realistic` mode or with a carrier simulator
 * URL; `instant` mode keeps the instant port-in simulator for tests and benchmarks.
 */
export function buildPorting(deps: PortingDeps): Porting {
  const link: CarrierLink = deps.carrierSimUrl === undefined ? 'in-process' : 'http';
  const coordinated = link === 'http' || deps.mode === 'realistic';
  if (coordinated && link === 'in-process' && deps.sharedStore) {
    deps.log.warn('port-ins run against a carrier simulator inside this process; with several processes give each the same --carrier-sim-url');
  }
  const { gateway, carrierNextAt } = gatewayOf(deps, coordinated);
  const coordinator = new PortCoordinator({ store: deps.store, gateway, clock: deps.clock });
  const portIn = coordinated
    ? new CoordinatedNumberPortIn({
        driver: coordinator, clock: deps.clock, policy: DEFAULT_PORT_POLICY, provider: PROVISIO_PROVIDER,
        carrierOf: carrierLookup(deps.world), customerOf: customerLookup(deps.world, deps.orderFacts),
        ...(carrierNextAt === undefined ? {} : { carrierNextAt }), ...(deps.recheckCapMs === undefined ? {} : { pollEveryMs: deps.recheckCapMs }),
      })
    : undefined;
  return { store: deps.store, coordinator, link, portIn };
}
