import pino from 'pino';
import type { World } from '../../../sim/world/index.js';
import type { OrderFactsLookup, SimulatedSystems, SimulationMode } from '../../adapters/simulators/index.js';
import { SqlitePortRequestStore } from '../../adapters/sqlite/sqlite-port-request-store.js';
import type { SqliteStores } from '../../adapters/sqlite/sqlite-stores.js';
import type { SouthboundSystems } from '../../engine/handlers/southbound-systems.js';
import type { Clock } from '../../ports/clock.js';
import { buildPorting } from '../porting.js';

/**
 * Longest wait between two re-checks of a waiting port-in in a run. Only the run's engine acts on a
 * port here, so a re-check wakes at the in-process carrier's next event for the PON and at the
 * request's timers; this cap is a safety net, not the pace of the exchange.
 */
const SIMULATION_RECHECK_CAP_MS = 6 * 3_600_000;

/** What the simulation's porting is built from. */
export interface SimulationPortingDeps {
  readonly world: World;
  readonly seed: number;
  readonly clock: Clock;
  readonly stores: SqliteStores;
  readonly orderFacts: OrderFactsLookup;
  readonly mode: SimulationMode;
}

/**
 * The southbound systems of a simulation run with the server's porting: in `realistic` mode a
 * port-in is a port request exchanged with the carrier simulator in this process on the virtual
 * clock (FOC, clearinghouse, activation), stored in the run's SQLite store, so port-in cycle times
 * and port fallout come from that exchange; `instant` mode keeps the instant port-in simulator.
 */
export function withSimulationPorting(systems: SimulatedSystems, d: SimulationPortingDeps): SouthboundSystems {
  const porting = buildPorting({
    world: () => d.world, seed: d.seed, clock: d.clock, store: new SqlitePortRequestStore(d.stores.db), orderFacts: d.orderFacts,
    mode: d.mode, sharedStore: false, log: pino({ level: 'silent' }), recheckCapMs: SIMULATION_RECHECK_CAP_MS,
  });
  return porting.portIn === undefined ? systems : { ...systems, portIn: porting.portIn };
}
