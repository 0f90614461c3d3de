import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpPortingGateway } from '../../src/adapters/carrier/http-porting-gateway.js';
import { CoordinatedNumberPortIn } from '../../src/adapters/porting/coordinated-number-port-in.js';
import { InMemoryPortRequestStore } from '../../src/adapters/porting/in-memory-port-request-store.js';
import { PROVISIO_PROVIDER } from '../../src/adapters/porting/porting-carrier.js';
import { simulatedCarrierOf } from '../../src/adapters/porting/simulated-carriers.js';
import { registerPortingRoutes } from '../../src/api/porting/porting-routes.js';
import { installErrorHandlers } from '../../src/api/http/error-handler.js';
import { PortCoordinator } from '../../src/app/porting/port-coordinator.js';
import { DEFAULT_CALENDAR, fromLocal } from '../../src/domain/porting/business-calendar.js';
import { DEFAULT_PORT_POLICY } from '../../src/domain/porting/port-policy.js';
import { CARRIER_PROFILES } from '../../sim/carrier/carrier-profile.js';
import { anAccount } from '../../sim/carrier/sim-account.js';
import { VirtualClock } from '../../sim/carrier/sim-scheduler.js';
import { startCarrierSim, type RunningCarrierSim } from '../../sim/carrier/start-carrier-sim.js';

const T0 = fromLocal('2025-05-19', '09:00', DEFAULT_CALENDAR.zone);
const TN = '3125550177';
const BASE = '/provisio/v1/portRequest';
let sim: RunningCarrierSim;
let app: FastifyInstance;
const clock = new VirtualClock(T0);
const store = new InMemoryPortRequestStore();

beforeAll(async () => {
  sim = await startCarrierSim({ port: 0, host: '127.0.0.1', seed: 5, clock: 'virtual', startAt: T0, accountsPerCarrier: 1 });
  sim.world.addAccount(CARRIER_PROFILES.wireless_major_auto.spid, anAccount({ tns: [TN], pin: '2468', accountNumber: 'W-778' }));
  app = Fastify({ logger: false });
  installErrorHandlers(app);
  registerPortingRoutes(app, { store, clock, coordinator: new PortCoordinator({ store, clock, gateway: new HttpPortingGateway({ baseUrl: sim.url }) }) });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await sim.close();
});

/** Moves the carrier simulator's virtual time and Provisio's together. */
async function advanceTo(at: number): Promise<void> {
  const res = await fetch(`${sim.url}/carrier-sim/v1/test/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms: Math.max(0, at - clock.now()) }) });
  clock.advanceTo(Date.parse(((await res.json()) as { now: string }).now));
}

describe('port-in over HTTP against a started carrier simulator', () => {
  it('ports a wireless number through the coordinated adapter; the coordinator API shows it and refuses a late cancel', async () => {
    const gateway = new HttpPortingGateway({ baseUrl: sim.url });
    const portIn = new CoordinatedNumberPortIn({
      driver: new PortCoordinator({ store, gateway, clock }), clock, policy: DEFAULT_PORT_POLICY, provider: PROVISIO_PROVIDER,
      carrierOf: simulatedCarrierOf(), customerOf: async () => ({ authorizedName: 'Ann Lee', serviceAddress: { line1: '123 N Main St Apt 4', city: 'New York', state: 'NY', postalCode: '10001' } }),
    });
    const req = { idempotencyKey: 'order-e2e:port-in-number', msisdn: TN, losingCarrier: 'Major Wireless', accountNumber: 'W-778', pin: '2468' };
    let answer = await portIn.requestPortIn(req);
    for (let i = 0; i < 200 && answer.portedAt === undefined; i++) {
      await advanceTo(answer.checkAgainAt ?? clock.now() + 15 * 60_000);
      answer = await portIn.requestPortIn(req);
    }
    expect(answer.portedAt).toBeGreaterThan(T0);
    expect((await (await fetch(`${sim.url}/carrier-sim/v1/orders/${(await store.list())[0]!.request.pon}`)).json())).toMatchObject({ status: 'CONFIRMED', svs: [{ tn: TN, status: 'active' }] });

    const list = await app.inject({ method: 'GET', url: `${BASE}?includeFinal=true` });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([expect.objectContaining({ id: answer.portRequestId, state: 'PORTED', tns: [TN], losingCarrier: 'Major Wireless' })]);
    const one = await app.inject({ method: 'GET', url: `${BASE}/${answer.portRequestId}` });
    const detail = one.json<{ timeline: { direction: string; type: string; raw: { body?: { pin?: string } } }[]; versions: unknown[] }>();
    expect(detail.versions).toEqual([expect.objectContaining({ version: 1, type: 'PortRequest' })]);
    expect(detail.timeline.filter((e) => e.direction === 'IN').map((e) => e.type)).toContain('PortResponse');
    expect(detail.timeline.find((e) => e.type === 'PortRequest')?.raw.body?.pin).toBe('***');

    const cancel = await app.inject({ method: 'POST', url: `${BASE}/${answer.portRequestId}/cancel`, payload: {} });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json()).toMatchObject({ code: 'PORT_ACTION_REFUSED' });
    const missing = await app.inject({ method: 'GET', url: `${BASE}/nope` });
    expect(missing.statusCode).toBe(404);
  });
});
