import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/main/server.js';

/** A Provisio server on a free loopback port with its own data folder. */
export interface TestServer {
  readonly server: RunningServer;
  readonly api: string;
  readonly dataDir: string;
  /** fetch relative to the TMF622 v4 base path. */
  call(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

/** Starts a server (reusing `dataDir` when given, to test restarts); capture only unless `runEngine`. */
export async function startTestServer(
  dataDir = mkdtempSync(join(tmpdir(), 'provisio-e2e-')),
  options: { runEngine?: boolean; simulators?: 'instant' | 'realistic' } = {},
): Promise<TestServer> {
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    publicUrl: '',
    synchronous: 'FULL',
    logLevel: 'silent',
    runEngine: options.runEngine ?? false,
    simulators: options.simulators ?? 'instant',
    seed: 7,
  });
  const api = `${server.url}/tmf-api/productOrderingManagement/v4`;
  return {
    server,
    api,
    dataDir,
    call(path, init = {}) {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
      return fetch(`${api}${path}`, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
    },
    async stop(opts = {}) {
      await server.stop();
      if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
