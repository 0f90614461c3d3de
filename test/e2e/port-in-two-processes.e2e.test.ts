// A port-in order through TMF622 on a running server whose port requests go over HTTP to a separate
// `provisio carrier-sim` process; then the same with PostgreSQL, an API process and a worker process.
// All run on one fast clock (same start, rate and anchor), so the hours a wireless port takes
// (request, FOC, clearinghouse, activation at the due time) pass in seconds.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileOfWorldCarrier } from '../../src/adapters/porting/world-porting.js';
import { generateOrders } from '../../sim/generator/index.js';
import { createWorld } from '../../sim/world/index.js';
import { dropSchema, PG_TEST_URL, postgresSkipReason, testSchemaName } from '../contract/postgres-test-database.js';
import { eventually } from './server-harness.js';

const SEED = 7;
const CLOCK_START = '2025-06-02T13:00:00.000Z'; // a Monday, 09:00 in New York
const CLOCK = ['--clock-start', CLOCK_START, '--clock-rate', '1200', '--clock-anchor', String(Date.now())];
const children: ChildProcess[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'provisio-port-e2e-'));
let api = '';
let carrierSim = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a !== null ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** Stops the processes and waits for them to exit. */
async function stop(list: readonly ChildProcess[]): Promise<void> {
  await Promise.all(list.map((c) => new Promise((r) => (c.exitCode !== null ? r(c.exitCode) : c.once('exit', r).kill('SIGTERM')))));
}

/** Starts `provisio <args>` from the sources and resolves once `url` answers. */
async function startProvisio(args: readonly string[], probe: string, env: NodeJS.ProcessEnv = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
  children.push(child);
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`provisio ${args[0]} exited with ${child.exitCode}`);
    return fetch(probe).then((r) => (r.status < 500 ? true : undefined), () => undefined);
  }, 90_000);
  return child;
}

/** The `nth` (from 0) generated port-in order of a world customer at a wireless carrier, entered without mistakes, whose account has one or several numbers. */
function aCleanWirelessPortIn(numbers: 'one' | 'several', nth = 0): { body: Record<string, unknown>; msisdn: string } {
  let skip = nth;
  const world = createWorld({ seed: SEED, start: CLOCK_START });
  const mix = { 'port-in': 1, 'new-activation': 0, 'plan-change': 0, 'feature-change': 0, move: 0, disconnect: 0 };
  for (const o of generateOrders({ seed: SEED, count: 40, startTime: CLOCK_START, days: 1, world, mix })) {
    const account = world.customer(o.truth.customerId)?.carrierAccount;
    const carrier = world.carriers.find((c) => c.id === account?.carrierId);
    if (o.truth.fallout || account === undefined || carrier === undefined || profileOfWorldCarrier(carrier).id !== 'wireless_major_auto') continue;
    if ((account.tns.length === 1) !== (numbers === 'one') || skip-- > 0) continue;
    const items = o.body.productOrderItem as { product?: { productCharacteristic?: { name: string; value: unknown }[] } }[];
    const port = items.find((i) => i.product?.productCharacteristic?.some((c) => c.name === 'losingCarrier'))!.product!;
    // no requested date: the port takes the carrier's earliest due time (now + 2.5 h)
    port.productCharacteristic = port.productCharacteristic!.filter((c) => c.name !== 'requestedPortDate');
    return { body: o.body, msisdn: String(port.productCharacteristic.find((c) => c.name === 'msisdn')!.value) };
  }
  throw new Error('no clean wireless port-in among the generated orders');
}

const SERVER_FLAGS = ['--seed', String(SEED), '--simulators', 'instant', '--log-level', 'error', '--lease-ms', '3600000', ...CLOCK];

beforeAll(async () => {
  const [simPort, apiPort] = [await freePort(), await freePort()];
  carrierSim = `http://127.0.0.1:${simPort}`;
  api = `http://127.0.0.1:${apiPort}`;
  await startProvisio(['carrier-sim', '--port', String(simPort), '--seed', '3', '--world-seed', String(SEED), ...CLOCK], `${carrierSim}/carrier-sim/v1/orders/none`);
  await startProvisio(['serve', '--port', String(apiPort), '--data-dir', dataDir, '--carrier-sim-url', carrierSim, ...SERVER_FLAGS], `${api}/health`);
}, 120_000);

afterAll(async () => {
  await stop(children);
  rmSync(dataDir, { recursive: true, force: true });
});

/** Submits the port-in through TMF622 at `apiUrl` and checks the order, the port request and the carrier's view. */
async function portsThrough(apiUrl: string, numbers: 'one' | 'several'): Promise<void> {
  const { body, msisdn } = aCleanWirelessPortIn(numbers);
  const posted = await fetch(`${apiUrl}/tmf-api/productOrderingManagement/v4/productOrder`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(posted.status).toBe(201);
  const order = (await posted.json()) as { id: string };

  const done = await eventually(async () => {
    const o = (await (await fetch(`${apiUrl}/tmf-api/productOrderingManagement/v4/productOrder/${order.id}`)).json()) as { state: string };
    if (o.state === 'failed') throw new Error(`order failed: ${JSON.stringify(o)}`);
    return o.state === 'completed' ? o : undefined;
  }, 60_000);
  expect(done.state).toBe('completed');

  const list = (await (await fetch(`${apiUrl}/provisio/v1/portRequest?includeFinal=true`)).json()) as { id: string; pon: string; state: string; tns: string[] }[];
  expect(list).toEqual([expect.objectContaining({ tns: [msisdn], losingCarrier: expect.any(String) })]);
  // the numbers were activated and passed the post-port checks: the port request is complete
  expect(list[0]!.state).toBe('COMPLETED');
  const detail = (await (await fetch(`${apiUrl}/provisio/v1/portRequest/${list[0]!.id}`)).json()) as { version: number; partialPort: boolean; remainingTnDisposition?: string; timeline: { direction: string; type: string }[] };
  const seen = detail.timeline.map((e) => `${e.direction} ${e.type}`);
  expect(seen).toEqual(expect.arrayContaining(['OUT PortRequest', 'IN PortResponse', 'OUT SvCreate', 'OUT SvActivate', 'ACTION postPortCheckPassed']));
  // confirmed on the first version: a partial port carries what happens to the numbers that stay
  expect(detail.version).toBe(1);
  expect([detail.partialPort, detail.remainingTnDisposition]).toEqual(numbers === 'one' ? [false, undefined] : [true, 'KEEP_WITH_OLD_PROVIDER']);

  const atCarrier: unknown = await (await fetch(`${carrierSim}/carrier-sim/v1/orders/${list[0]!.pon}`)).json();
  expect(atCarrier).toMatchObject({ status: 'CONFIRMED', svs: [{ tn: msisdn, status: 'active' }] });
}

describe('port-in over HTTP between a server and a carrier simulator process', () => {
  it('confirms the port request, activates the number and completes the TMF622 order', async () => {
    await portsThrough(api, 'one');
  });

  it('cancelling the order while its confirmed port waits for the due date cancels the port at the carrier; a new order for the number then goes ahead', async () => {
    const { body, msisdn } = aCleanWirelessPortIn('one', 1);
    const items = body.productOrderItem as { product?: { productCharacteristic?: { name: string; value: unknown }[] } }[];
    const chars = items.find((i) => i.product?.productCharacteristic?.some((c) => c.name === 'losingCarrier'))!.product!.productCharacteristic!;
    // due in ten days: minutes at the fast clock, so the port waits, confirmed, while the order is cancelled
    chars.push({ name: 'requestedPortDate', value: new Date(Date.parse(CLOCK_START) + 10 * 86_400_000).toISOString() });
    const tmf = `${api}/tmf-api/productOrderingManagement/v4`;
    const post = (path: string, json: unknown) => fetch(`${tmf}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
    const order = (await (await post('/productOrder', body)).json()) as { id: string };
    type Listed = { id: string; pon: string; state: string; tns: string[] };
    const portOf = async (state: (s: string) => boolean, not?: string) => {
      const list = (await (await fetch(`${api}/provisio/v1/portRequest?includeFinal=true`)).json()) as Listed[];
      return list.find((r) => r.tns.includes(msisdn) && r.id !== not && state(r.state));
    };
    const confirmed = await eventually(() => portOf((s) => s === 'FOC_CONFIRMED' || s === 'SCHEDULED'), 60_000);

    const cancel = await post('/cancelProductOrder', { productOrder: { id: order.id }, cancellationReason: 'customer stays with the old carrier' });
    expect(cancel.status).toBe(201);
    const cancelled = await eventually(async () => {
      const o = (await (await fetch(`${tmf}/productOrder/${order.id}`)).json()) as { state: string };
      return o.state === 'cancelled' ? o : undefined;
    }, 60_000);
    expect(cancelled.state).toBe('cancelled');
    // no port-in task re-checks the request any more: the carrier's confirmation of the cancel still ends it
    const ended = await eventually(() => portOf((s) => s === 'CANCELLED'), 60_000);
    expect(ended.id).toBe(confirmed.id);
    const detail = (await (await fetch(`${api}/provisio/v1/portRequest/${ended.id}`)).json()) as { timeline: { direction: string; type: string }[] };
    expect(detail.timeline.map((e) => `${e.direction} ${e.type}`)).toEqual(expect.arrayContaining(['ACTION cancel', 'OUT PortSupplement', 'OUT SvCancel']));
    const atCarrier: unknown = await (await fetch(`${carrierSim}/carrier-sim/v1/orders/${ended.pon}`)).json();
    expect(atCarrier).toMatchObject({ status: 'CANCELLED' });

    // the number is free: the customer's next port-in order makes a port request of its own
    chars.splice(chars.findIndex((c) => c.name === 'requestedPortDate'), 1);
    expect((await post('/productOrder', body)).status).toBe(201);
    const again = await eventually(() => portOf((s) => !['DRAFT', 'CANCELLED'].includes(s), confirmed.id), 60_000);
    expect(again.pon).not.toBe(confirmed.pon);
  });
});

const pgSkip = await postgresSkipReason();

describe.skipIf(pgSkip !== undefined)('the same on PostgreSQL: an API process and a worker process, port requests in the shared schema', () => {
  const schema = testSchemaName();
  let pgApi = '';
  const processes: ChildProcess[] = [];
  beforeAll(async () => {
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    pgApi = `http://127.0.0.1:${apiPort}`;
    const env = { DATABASE_URL: PG_TEST_URL, PROVISIO_PG_SCHEMA: schema, PROVISIO_CARRIER_SIM_URL: carrierSim };
    processes.push(await startProvisio(['serve', '--no-engine', '--port', String(apiPort), '--data-dir', dataDir, ...SERVER_FLAGS], `${pgApi}/health`, env));
    processes.push(await startProvisio(['worker', '--port', String(workerPort), '--public-url', pgApi, ...SERVER_FLAGS], `http://127.0.0.1:${workerPort}/health`, env));
  }, 120_000);
  afterAll(async () => {
    await stop(processes);
    await dropSchema(schema);
  });

  it('the worker ports one number of a multi-number account (a partial port) and the API lists the port request it stored', async () => {
    await portsThrough(pgApi, 'several');
  });
});
