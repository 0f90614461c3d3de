import Fastify, { type FastifyBaseLogger } from 'fastify';
import { registerOpsRoutes } from '../../api/ops/ops-routes.js';
import { openRuntime } from '../runtime.js';
import { readServerConfig } from '../server-config.js';
import { say, type Command } from './command.js';

/**
 * `provisio worker`: the provisioning engine, notification delivery and cancel processing without
 * the order API. With PostgreSQL (DATABASE_URL) any number of workers share the work; health and
 * metrics are served on --port (default 8623).
 */
export const workerCommand: Command = {
  name: 'worker',
  summary: 'run the provisioning engine alone (several share one PostgreSQL; health and metrics on --port)',
  usage:
    'provisio worker [--database-url postgres://…] [--public-url http://api:8622] [--host 127.0.0.1] [--port 8623] [--data-dir ./data] [--log-level info]\n'
    + '  [--rounds 1]  engine rounds in flight (PostgreSQL): 2 lets one worker use a core while its other round waits for the database\n'
    + '  [--carrier-sim-url URL]  with several processes, give every one the same carrier simulator (an in-process one is per process)',
  async run(argv) {
    const args = argv.includes('--port') ? argv : [...argv, '--port', process.env.PROVISIO_WORKER_PORT ?? '8623'];
    const config = readServerConfig(args, process.env);
    if (config.publicUrl === '') say('provisio worker: no --public-url given; hrefs in notifications use http://127.0.0.1:8622');
    const rt = await openRuntime({ ...config, runEngine: true, publicUrl: config.publicUrl || 'http://127.0.0.1:8622' }, 'worker');
    let ready = false;
    const logger: FastifyBaseLogger = rt.log.child({ component: 'ops' });
    const ops = Fastify({ loggerInstance: logger });
    registerOpsRoutes(
      ops,
      {
        ready: () => ready,
        check: async () => {
          await rt.stores.ping();
          return { role: 'worker', store: rt.stores.kind, database: rt.stores.location };
        },
      },
      rt.metrics,
    );
    await ops.listen({ host: config.host, port: config.port });
    rt.start();
    ready = true;
    rt.log.info({ store: rt.stores.kind, port: config.port }, 'Provisio worker is running');
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        say(`provisio worker: ${signal} received, finishing the rounds in flight`);
        ready = false;
        void ops
          .close()
          .then(() => rt.stop())
          .then(resolve);
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
    return 0;
  },
};
