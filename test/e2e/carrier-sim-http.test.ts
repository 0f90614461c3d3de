import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpPortingGateway } from '../../src/adapters/carrier/http-porting-gateway.js';
import { DEFAULT_PORT_POLICY } from '../../src/domain/porting/port-policy.js';
import { newPortRequest } from '../../src/domain/porting/port-request.js';
import { CARRIER_PROFILES } from '../../sim/carrier/carrier-profile.js';
import { anAccount } from '../../sim/carrier/sim-account.js';
import { startCarrierSim, type RunningCarrierSim } from '../../sim/carrier/start-carrier-sim.js';
import { PortDriver } from '../integration/porting-driver.js';
import { ny } from '../integration/porting-world.js';

const ilec = CARRIER_PROFILES.wireline_ilec_gateway;
const TN = '3125550101';
let sim: RunningCarrierSim;
let callbackServer: Server;
const callbacks: unknown[] = [];

beforeAll(async () => {
  callbackServer = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => { callbacks.push(JSON.parse(body)); res.writeHead(204).end(); });
  });
  await new Promise<void>((r) => callbackServer.listen(0, '127.0.0.1', r));
  const callbackUrl = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/porting/callbacks`;
  sim = await startCarrierSim({ port: 0, host: '127.0.0.1', seed: 3, callbackUrl, clock: 'virtual', startAt: ny('2025-05-19', '09:00'), accountsPerCarrier: 2 });
});

afterAll(async () => {
  await sim.close();
  await new Promise((r) => callbackServer.close(r));
});

async function advance(gw: HttpPortingGateway, driver: PortDriver, ms: number, stepMs = 30 * 60_000): Promise<void> {
  for (let t = 0; t < ms; t += stepMs) {
    await fetch(`${sim.url}/carrier-sim/v1/test/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms: stepMs }) });
    await driver.drainInbound();
    await driver.fireDueTimers();
  }
}

describe('carrier simulator over real HTTP', () => {
  it('rejects a malformed message and answers a duplicate idempotency key once', async () => {
    const bad = await fetch(`${sim.url}/carrier-sim/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ idempotencyKey: 'k', message: { type: 'Nope' } }) });
    expect(bad.status).toBe(400);
    const gw = new HttpPortingGateway({ baseUrl: sim.url });
    const msg = { type: 'SvActivate' as const, pon: 'NONE', tns: [TN] };
    const first = await gw.sendClearinghouse(msg, 'dup-key');
    const second = await gw.sendClearinghouse(msg, 'dup-key');
    expect(second).toEqual({ carrierRef: first.carrierRef, duplicate: true });
  });

  it('R1 then H2 over HTTP: reject, correct, confirm, schedule and port; callbacks and the raw log are kept', async () => {
    const account = anAccount({ tns: [TN], accountNumber: 'HTTP-77', authorizedNames: ['Ann Lee'] });
    await fetch(`${sim.url}/carrier-sim/v1/test/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ spid: ilec.spid, account }) });
    const gw = new HttpPortingGateway({ baseUrl: sim.url });
    const now = ny('2025-05-19', '09:00');
    const req = newPortRequest({
      id: 'http-1', pon: 'PON-HTTP', kind: 'WIRELINE_SIMPLE', losingCarrier: { name: ilec.name, spid: ilec.spid, profileId: ilec.id },
      newProvider: { spid: 'PRVS', companyCode: 'PRV', lrn: '3125559999' }, calendar: ilec.calendar, policy: DEFAULT_PORT_POLICY,
      submitted: { accountNumber: 'WRONG', authorizedName: 'Ann Lee', serviceAddress: account.serviceAddress },
      lines: [{ tn: TN }], requestedDue: { kind: 'DATE', date: '2025-05-20' }, loa: { signer: 'Ann Lee', signedAt: new Date(now).toISOString() }, networkReady: true,
    }, now);
    const driver = new PortDriver(req, gw, { now: () => sim.world.now() });
    await driver.act({ type: 'validate', pinRequired: false, tnsInOtherOpenOrders: [] });
    expect(await driver.act({ type: 'submit' })).toBeUndefined();
    await advance(gw, driver, 5 * 3_600_000);
    expect(driver.req.state).toBe('REJECTED');
    expect(driver.req.currentReasons.map((r) => r.code)).toEqual(['ACCOUNT_NUMBER_MISMATCH']);
    await driver.act({ type: 'correct', changes: { submitted: { accountNumber: 'http 77' } } });
    await advance(gw, driver, 16 * 3_600_000);
    expect(driver.states).toEqual(expect.arrayContaining(['REJECTED', 'SUBMITTED', 'FOC_CONFIRMED', 'SCHEDULED', 'ACTIVATING', 'PORTED']));
    expect((await gw.query('PON-HTTP')).svs).toEqual([expect.objectContaining({ tn: TN, status: 'active' })]);
    const log = (await (await fetch(`${sim.url}/carrier-sim/v1/log`)).json()) as { messages: { raw: string; correlationId: string }[] };
    expect(log.messages.length).toBeGreaterThan(5);
    expect(log.messages.every((m) => m.correlationId !== '')).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(callbacks.length).toBeGreaterThan(3);
  });
});
