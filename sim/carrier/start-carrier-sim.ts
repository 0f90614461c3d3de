import Fastify, { type FastifyInstance } from 'fastify';
import { dispatchCallbacks } from '../../src/api/carrier-sim/callback-dispatcher.js';
import { registerCarrierSimRoutes } from '../../src/api/carrier-sim/carrier-sim-routes.js';
import type { CarrierSimService } from '../../src/api/carrier-sim/carrier-sim-service.js';
import { CARRIER_PROFILES } from './carrier-profile.js';
import { CarrierWorld } from './carrier-world.js';
import type { SimAccount } from './sim-account.js';
import { seedAccounts } from './seed-accounts.js';
import { VirtualClock, type SimClock } from './sim-scheduler.js';

/** Options of the carrier simulator process (`provisio carrier-sim`). */
export interface CarrierSimOptions {
  readonly port: number;
  readonly host?: string;
  readonly seed?: number;
  /** Where messages for Provisio are POSTed; without it Provisio polls GET /carrier-sim/v1/inbox. */
  readonly callbackUrl?: string;
  /** 'real' follows the wall clock; 'virtual' moves only through POST /carrier-sim/v1/test/advance; a clock is followed as given (e.g. a faster one). */
  readonly clock?: 'real' | 'virtual' | SimClock;
  /** Start of virtual time (ms). */
  readonly startAt?: number;
  /** Seeded accounts per carrier profile. */
  readonly accountsPerCarrier?: number;
}

/** A running carrier simulator. */
export interface RunningCarrierSim {
  readonly url: string;
  readonly world: CarrierWorld;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

function serviceOf(world: CarrierWorld, clock: SimClock): CarrierSimService {
  return {
    receive: (m, key) => world.receive(m, key),
    query: (pon) => world.query(pon),
    poll: (cursor, limit) => world.poll(cursor, limit),
    acknowledge: (ids) => world.acknowledge(ids),
    onMessage: (l) => world.onMessage(l),
    messageLog: () => world.log,
    advance: (ms) => {
      world.scheduler.runUntil(clock.now() + ms);
      return clock.now();
    },
    addAccount: (spid, account) => world.addAccount(spid, account as SimAccount),
    dumpState: () => world.dumpState(),
  };
}

/** Starts the simulated losing carriers and mini clearinghouse as an HTTP service. */
export async function startCarrierSim(opts: CarrierSimOptions): Promise<RunningCarrierSim> {
  const virtual = opts.clock === 'virtual';
  const clock: SimClock = typeof opts.clock === 'object' ? opts.clock : virtual ? new VirtualClock(opts.startAt ?? Date.now()) : { now: () => Date.now() };
  const world = new CarrierWorld({ seed: opts.seed ?? 1, clock });
  for (const p of Object.values(CARRIER_PROFILES)) {
    for (const a of seedAccounts(p.spid, opts.seed ?? 1, opts.accountsPerCarrier ?? 20)) world.addAccount(p.spid, a);
  }
  const app = Fastify({ logger: false });
  registerCarrierSimRoutes(app, serviceOf(world, clock), { testHooks: true });
  const callbacks = opts.callbackUrl === undefined ? undefined : dispatchCallbacks(opts.callbackUrl);
  if (callbacks !== undefined) world.onMessage((m) => callbacks.send(m));
  const ticker = virtual ? undefined : setInterval(() => world.scheduler.runUntil(clock.now()), 250);
  const address = await app.listen({ port: opts.port, host: opts.host ?? '127.0.0.1' });
  return {
    url: address, world, app,
    async close() {
      if (ticker !== undefined) clearInterval(ticker);
      await callbacks?.drain();
      await app.close();
    },
  };
}
