import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installErrorHandlers } from '../../src/api/http/error-handler.js';
import { registerPortingRoutes } from '../../src/api/porting/porting-routes.js';
import { addBusinessDays, DEFAULT_CALENDAR, fromLocal } from '../../src/domain/porting/business-calendar.js';
import { anAccount } from '../../sim/carrier/sim-account.js';
import { aPortInWorld } from '../integration/port-in-harness.js';

const DAY = 24 * 3_600_000;
const MONDAY_9 = fromLocal('2025-05-19', '09:00', DEFAULT_CALENDAR.zone);
const BASE = '/provisio/v1/portRequest';

async function aCoordinatorDesk() {
  const w = aPortInWorld({ at: MONDAY_9, policy: { autoCorrect: false } });
  const app = Fastify({ logger: false });
  installErrorHandlers(app);
  registerPortingRoutes(app, { store: w.live.store, coordinator: w.live.coordinator, clock: w.clock });
  await app.ready();
  return { w, app };
}

describe('port coordination API', () => {
  it('a coordinator corrects a rejected port and resends it; the engine re-check then sees it ported', async () => {
    const { w, app } = await aCoordinatorDesk();
    w.addCustomer('wireline_clec_manual', anAccount({ tns: ['2125550101'], accountNumber: '001-2345' }));
    w.addCustomer('wireline_ilec_gateway', anAccount({ tns: ['2125550202'] }));
    const wrong = { idempotencyKey: 'o-1:port-in-number', msisdn: '2125550101', losingCarrier: 'Manual CLEC', accountNumber: '12345' };
    expect((await w.run(wrong, MONDAY_9 + 10 * DAY)).failure?.code).toBe('ACCOUNT_NUMBER_MISMATCH');
    const ok = await w.run({ idempotencyKey: 'o-2:port-in-number', msisdn: '2125550202', losingCarrier: 'ILEC', accountNumber: 'ACC-1001' }, w.clock.now() + 10 * DAY);
    expect(ok.outcome).toBe('ported');

    const list = (await app.inject({ method: 'GET', url: BASE })).json<{ id: string; state: string; reasons: string[] }[]>();
    expect(list.map((r) => r.state)).toEqual(['REJECTED', 'PORTED']);
    const id = list[0]!.id;
    expect(list[0]!.reasons).toEqual(['ACCOUNT_NUMBER_MISMATCH']);

    const bad = await app.inject({ method: 'POST', url: `${BASE}/${id}/correctAndResend`, payload: { overrideNote: 'no changes given' } });
    expect(bad.statusCode).toBe(400);
    // the first due date has passed meanwhile: the supplement carries a new one too
    const due = { kind: 'DATE', date: addBusinessDays(new Date(w.clock.now()).toISOString().slice(0, 10), 5, DEFAULT_CALENDAR) };
    const fixed = await app.inject({ method: 'POST', url: `${BASE}/${id}/correctAndResend`, payload: { changes: { submitted: { accountNumber: '001-2345' }, requestedDue: due } } });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ state: 'SUBMITTED', version: 2, versions: [{ version: 1, type: 'PortRequest' }, { version: 2, type: 'CORRECTION', changedFields: ['submitted.accountNumber', 'requestedDue'] }] });

    // the operator retries the fallout case: the engine calls the port-in again with the same key
    const retried = await w.run(wrong, w.clock.now() + 20 * DAY);
    expect(retried, JSON.stringify(retried)).toMatchObject({ outcome: 'ported', portRequestId: id });
  });

  it('refusals name the guard; escalation puts a request first in the list', async () => {
    const { w, app } = await aCoordinatorDesk();
    for (const [n, tn] of [[1, '2125550301'], [2, '2125550302']] as const) {
      w.addCustomer('wireline_ilec_gateway', anAccount({ tns: [tn], accountNumber: `ACC-${n}` }));
      await w.run({ idempotencyKey: `o-${n}:port-in-number`, msisdn: tn, losingCarrier: 'ILEC', accountNumber: `ACC-${n}` }, MONDAY_9 + 3_600_000);
    }
    const before = (await app.inject({ method: 'GET', url: BASE })).json<{ id: string; tns: string[] }[]>();
    const last = before.at(-1)!;
    const undo = await app.inject({ method: 'POST', url: `${BASE}/${last.id}/cancelUndo`, payload: {} });
    expect(undo.statusCode).toBe(409);
    expect(undo.json<{ code: string; message: string }>()).toMatchObject({ code: 'PORT_ACTION_REFUSED', message: expect.stringMatching(/^cancelUndo refused by G-/) });
    const esc = await app.inject({ method: 'POST', url: `${BASE}/${last.id}/escalate`, payload: { operator: 'kim', reason: 'customer VIP' } });
    expect(esc.statusCode).toBe(200);
    const after = (await app.inject({ method: 'GET', url: BASE })).json<{ id: string; escalated: boolean }[]>();
    expect(after[0]).toMatchObject({ id: last.id, escalated: true });
    const cancelled = await app.inject({ method: 'POST', url: `${BASE}/${last.id}/cancel`, payload: {} });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<{ state: string }>().state).toBe('CANCEL_PENDING');
  });
});
