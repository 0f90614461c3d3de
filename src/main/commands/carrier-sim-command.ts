import { scaledClock } from '../../adapters/clock/scaled-clock.js';
import { seedCarrierWorldFromWorld } from '../../adapters/porting/world-porting.js';
import { startCarrierSim, type CarrierSimOptions } from '../../../sim/carrier/start-carrier-sim.js';
import { createWorld } from '../../../sim/world/index.js';
import { CLOCK_USAGE, readClockScale } from '../clock-config.js';
import { say, type Command } from './command.js';

/** Default port of the carrier simulator. */
export const CARRIER_SIM_PORT = 8640;

/** The carrier simulator's options plus the simulated world whose customers' carrier accounts it holds. */
interface CarrierSimArgs {
  readonly sim: CarrierSimOptions;
  /** Seed of the simulated world (the server's --seed); null loads no world accounts. */
  readonly worldSeed: number | null;
}

function parseCarrierSimArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CarrierSimArgs {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i < 0 ? undefined : argv[i + 1];
  };
  const port = Number(value('--port') ?? CARRIER_SIM_PORT);
  const seed = Number(value('--seed') ?? 1);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0-65535, got ${value('--port')}`);
  if (!Number.isInteger(seed) || seed < 1) throw new Error(`--seed must be a positive integer, got ${value('--seed')}`);
  const callbackUrl = value('--callback-url');
  if (callbackUrl !== undefined && !/^https?:\/\//.test(callbackUrl)) throw new Error(`--callback-url must be an http(s) URL, got ${callbackUrl}`);
  const worldText = value('--world-seed') ?? env.PROVISIO_SEED ?? '1';
  const worldSeed = worldText === 'none' ? null : Number(worldText);
  if (worldSeed !== null && !Number.isInteger(worldSeed)) throw new Error(`--world-seed must be a whole number or none, got ${worldText}`);
  const scale = readClockScale({ 'clock-start': value('--clock-start'), 'clock-rate': value('--clock-rate'), 'clock-anchor': value('--clock-anchor') }, env, Date.now());
  return {
    sim: { port, seed, host: value('--host') ?? '127.0.0.1', clock: scale === undefined ? 'real' : scaledClock(scale), ...(callbackUrl === undefined ? {} : { callbackUrl }) },
    worldSeed,
  };
}

/** `provisio carrier-sim`: simulated losing carriers and a mini clearinghouse over HTTP, on the wall clock (or a faster one). */
export const carrierSimCommand: Command = {
  name: 'carrier-sim',
  summary: 'run the simulated losing carriers and mini clearinghouse as an HTTP service',
  usage: 'provisio carrier-sim [--port 8640] [--host 127.0.0.1] [--seed 1] [--world-seed 1|none] [--callback-url URL]\n'
    + `  ${CLOCK_USAGE}\n`
    + '  Holds the carrier accounts of the simulated world\'s customers (--world-seed = the server\'s --seed, env PROVISIO_SEED),\n'
    + '  plus 20 seeded accounts per carrier profile. Start Provisio with --carrier-sim-url http://host:port to port over HTTP.\n'
    + '  Without --callback-url Provisio polls GET /carrier-sim/v1/inbox; with it, messages are POSTed there.',
  async run(argv) {
    const args = parseCarrierSimArgs(argv, process.env);
    const sim = await startCarrierSim(args.sim);
    const loaded = args.worldSeed === null ? 0 : seedCarrierWorldFromWorld(createWorld({ seed: args.worldSeed, start: new Date().toISOString() }), sim.world);
    say(`provisio carrier-sim: listening on ${sim.url} (world accounts: ${loaded}; seeded accounts per carrier profile: 20)`);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        say(`provisio carrier-sim: ${signal} received, shutting down`);
        void sim.close().then(resolve);
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
    return 0;
  },
};
