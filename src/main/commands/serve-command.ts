import { CLOCK_USAGE } from '../clock-config.js';
import { tuneHeapForServing } from '../heap-tuning.js';
import { readServerConfig } from '../server-config.js';
import { startServer } from '../server.js';
import { say, type Command } from './command.js';

/** `provisio serve`: the API, notifications and provisioning in one process (the default deployment). */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the Provisio server (API, notifications, provisioning) on the embedded store',
  usage: 'provisio serve [--host 127.0.0.1] [--port 8622] [--data-dir ./data] [--public-url URL] [--synchronous FULL|NORMAL] [--log-level info]\n'
    + '  [--simulators realistic|instant] [--seed 1] [--carrier-sim-url URL]\n'
    + `  ${CLOCK_USAGE}\n`
    + '  Port-ins are coordinated with the simulated losing carriers: in this process (realistic simulators), or over HTTP with\n'
    + '  a `provisio carrier-sim` given by --carrier-sim-url (env PROVISIO_CARRIER_SIM_URL). Port requests: GET /provisio/v1/portRequest.',
  async run(argv) {
    tuneHeapForServing();
    const server = await startServer(readServerConfig(argv, process.env));
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        say(`provisio: ${signal} received, shutting down`);
        void server.stop().then(resolve);
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
    return 0;
  },
};
