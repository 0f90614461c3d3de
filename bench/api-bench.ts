// Benchmark of durable order capture over HTTP: builds Provisio, starts the server as its own
// process on SQLite (synchronous=FULL), drives POST /productOrder with autocannon over loopback,
// and reports accepted orders per second, latency percentiles and the server's memory.
// Capture only by default (the engine off, as an API process in a scaled deployment); --with-engine also
// provisions every order in the same process with the instant simulators.
// A warm-up (--warm-up, default 5,000 orders, stored too) runs first so that the measured phase is the
// sustained rate, not the JIT compiling the request path; the summary gives both counts.
// Then, with those orders stored, an open-loop phase per rate in --rate (default 3,000 orders per second;
// a list such as 1000,2000,3000 runs one after another) offers that rate for --rate-seconds (default 30)
// and measures each order's latency from the moment it was due (bench/open-loop.ts):
// the latency a client sees at that throughput, stalls included. The saturation phase's percentiles only
// say how long 50 connections queue at full load (latency = connections / throughput).
// Usage: npm run bench:api -- [--orders 100000] [--warm-up 5000] [--connections 50] [--rate 3000|1000,2000,3000] [--rate-seconds 30] [--with-engine] [--server-node-options '--trace-gc'] [--json]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { aNewMobileActivation } from '../test/fixtures/catalog-orders.js';
import { createBodyOf } from '../test/fixtures/tmf622-bodies.js';
import { npmScriptNodeOptions } from '../test/integration/multiprocess-harness.js';
import { openLoop } from './open-loop.js';
import { cpuSecondsOf } from './process-cpu.js';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '50' },
    port: { type: 'string', default: '18700' },
    json: { type: 'boolean', default: false },
    'with-engine': { type: 'boolean', default: false },
    'warm-up': { type: 'string', default: '5000' },
    rate: { type: 'string', default: '3000' },
    // Extra Node/V8 options for the server process, after those of `npm start` (e.g. "--trace-gc").
    'server-node-options': { type: 'string', default: '' },
    'rate-seconds': { type: 'string', default: '30' },
  },
});
const orders = Number(values.orders);
const connections = Number(values.connections);
const port = Number(values.port);
const say = (msg: string) => process.stderr.write(`${msg}\n`);

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

/** The server's event loop busy seconds so far (provisio_event_loop_busy_seconds_total) and when read. */
async function loopBusy(url: string): Promise<{ busy: number; at: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const busy = Number(/^provisio_event_loop_busy_seconds_total (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
  return { busy, at: performance.now() };
}

/** Share of the wall time between two readings that the server's event loop was busy. */
function loopShare(a: { busy: number; at: number }, b: { busy: number; at: number }): number {
  return Math.round(((b.busy - a.busy) / ((b.at - a.at) / 1000)) * 100) / 100;
}

async function main(): Promise<void> {
  say('building…');
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'provisio-bench-api-'));
  const engineArgs = values['with-engine'] ? ['--simulators', 'instant'] : ['--no-engine'];
  // The server runs with the Node options of `npm start` (its heap limit).
  const nodeOptions = npmScriptNodeOptions('start');
  const extraNodeOptions = values['server-node-options'].split(/\s+/).filter(Boolean);
  const server = spawn(process.execPath, [...nodeOptions, ...extraNodeOptions, 'dist/src/main/server.js', '--port', String(port), '--data-dir', dataDir, '--log-level', 'warn', ...engineArgs], {
    stdio: ['ignore', extraNodeOptions.length > 0 ? 2 : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url);
    const body = JSON.stringify(createBodyOf(aNewMobileActivation()));
    const post = (amount: number) =>
      autocannon({
        url: `${url}/tmf-api/productOrderingManagement/v4/productOrder`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections,
        amount,
        timeout: 30,
      });
    const warmUp = Number(values['warm-up']);
    if (warmUp > 0) {
      say(`warming up with ${warmUp} orders…`);
      await post(warmUp);
    }
    say(`posting ${orders} orders over ${connections} connections…`);
    const cpuBefore = cpuSecondsOf(server.pid);
    const loop0 = await loopBusy(url);
    const result = await post(orders);
    const loop1 = await loopBusy(url);
    const serverCpuMs = (cpuSecondsOf(server.pid) - cpuBefore) * 1000;
    const rates = values.rate.split(',').map(Number).filter((r) => r > 0);
    const rateSeconds = Number(values['rate-seconds']);
    const atRates: (Awaited<ReturnType<typeof openLoop>> & {
      serverCpuUsPerOrder: number;
      offeredPerSecond: number;
      loadGeneratorCpuShare: number;
      serverEventLoopBusy: number;
    })[] = [];
    for (const rate of rateSeconds > 0 ? rates : []) {
      const amount = Math.round(rate * rateSeconds);
      say(`offering ${amount} orders at ${rate}/s (open loop)…`);
      const cpu0 = cpuSecondsOf(server.pid);
      const own0 = process.cpuUsage();
      const busy0 = await loopBusy(url);
      const r = await openLoop({ host: '127.0.0.1', port, path: '/tmf-api/productOrderingManagement/v4/productOrder', body, contentType: 'application/json', connections, rate, amount });
      const busy1 = await loopBusy(url);
      const cpuMs = (cpuSecondsOf(server.pid) - cpu0) * 1000;
      const own = process.cpuUsage(own0);
      atRates.push({
        offeredPerSecond: rate,
        ...r,
        serverCpuUsPerOrder: Math.round((cpuMs * 1000) / Math.max(1, r.ok)),
        // the load generator's own CPU: what the machine had left for the server
        loadGeneratorCpuShare: Math.round(((own.user + own.system) / 1e6 / r.durationSeconds) * 100) / 100,
        // share of the phase the server's event loop was busy (1 = saturated: requests queue)
        serverEventLoopBusy: loopShare(busy0, busy1),
      });
    }
    const count = await fetch(`${url}/tmf-api/productOrderingManagement/v4/productOrder?limit=1&fields=id`);
    const stored = Number(count.headers.get('x-total-count'));
    const summary = {
      ordersPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      warmUpOrders: warmUp,
      storedOrders: stored,
      serverRssMb: rssMb(server.pid!),
      // CPU per accepted order in the server process (all its threads): less sensitive to machine load than orders/s.
      serverCpuUsPerOrder: Math.round((serverCpuMs * 1000) / Math.max(1, result.requests.total - result.non2xx)),
      // Share of the phase the server's event loop was busy: near 1, requests queue on it.
      serverEventLoopBusy: loopShare(loop0, loop1),
      connections,
      durationSeconds: result.duration,
      store: 'sqlite synchronous=FULL',
      engine: values['with-engine'] ? 'running' : 'off',
      loadAverage: (await import('node:os')).loadavg()[0],
      atRates,
    };
    if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      say(
        `\n${summary.ordersPerSecond} orders/s accepted (${summary.requests} requests, ${summary.non2xx} non-2xx, ${summary.errors} errors)\n` +
          `latency p50 ${summary.latencyMs.p50} ms, p90 ${summary.latencyMs.p90} ms, p99 ${summary.latencyMs.p99} ms\n` +
          `${stored} orders stored; server RSS ${summary.serverRssMb} MB; server CPU ${summary.serverCpuUsPerOrder} µs per order; ` +
          `server event loop busy ${summary.serverEventLoopBusy}` +
          atRates
            .map(
              (a) =>
                `\nat ${a.offeredPerSecond}/s offered (open loop, ${a.sent} orders): ${a.completedPerSecond}/s completed, ` +
                `latency from due time p50 ${a.latencyMs.p50} ms, p90 ${a.latencyMs.p90} ms, p99 ${a.latencyMs.p99} ms, p99.9 ${a.latencyMs.p999} ms, max ${a.latencyMs.max} ms; ` +
                `${a.non2xx} non-2xx, ${a.errors} errors; most waiting for a connection ${a.maxBacklog}; ` +
                `server CPU ${a.serverCpuUsPerOrder} µs per order, server event loop busy ${a.serverEventLoopBusy}, load generator ${a.loadGeneratorCpuShare} of a core`,
            )
            .join(''),
      );
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  say(`bench:api failed: ${(err as Error).message}`);
  process.exit(1);
});
