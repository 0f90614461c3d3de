import { startCarrierSim, type CarrierSimOptions } from '../../../sim/carrier/start-carrier-sim.js';
import { say, type Command } from './command.js';

/** Default port of the carrier simulator. */
export const CARRIER_SIM_PORT = 8640;

function parseCarrierSimArgs(argv: readonly string[]): CarrierSimOptions {
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
  return { port, seed, host: value('--host') ?? '127.0.0.1', clock: 'real', ...(callbackUrl === undefined ? {} : { callbackUrl }) };
}

/** `provisio carrier-sim`: simulated losing carriers and a mini clearinghouse over HTTP, on the wall clock. */
export const carrierSimCommand: Command = {
  name: 'carrier-sim',
  summary: 'run the simulated losing carriers and mini clearinghouse as an HTTP service',
  usage: 'provisio carrier-sim [--port 8640] [--host 127.0.0.1] [--seed 1] [--callback-url URL]\n'
    + '  Without --callback-url Provisio polls GET /carrier-sim/v1/inbox; with it, messages are POSTed there.',
  async run(argv) {
    const sim = await startCarrierSim(parseCarrierSimArgs(argv));
    say(`provisio carrier-sim: listening on ${sim.url} (seed accounts per carrier profile: 20)`);
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
