import { describe, expect, it } from 'vitest';
import { fromLocal, DEFAULT_CALENDAR } from '../../src/domain/porting/business-calendar.js';
import { CARRIER_PROFILES } from '../../sim/carrier/carrier-profile.js';
import { anAccount } from '../../sim/carrier/sim-account.js';
import { aPortInWorld } from './port-in-harness.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const MONDAY_9 = fromLocal('2025-05-19', '09:00', DEFAULT_CALENDAR.zone);
const key = (n: number) => `order-${n}:port-in-number`;

function portOf(tn: string, n: number) {
  return { idempotencyKey: key(n), msisdn: tn, losingCarrier: 'ILEC', accountNumber: 'ACC-1001' };
}

describe('port-in re-checks wake at the in-process carrier simulator\'s next event for the PON', () => {
  it('ports as a 15-minute poll does, a poll earlier at most, with far fewer checks', async () => {
    const polled = aPortInWorld({ at: MONDAY_9, pollEveryMs: 15 * MIN });
    const woken = aPortInWorld({ at: MONDAY_9, pollEveryMs: 6 * HOUR, wakeOnCarrierEvents: true });
    for (const w of [polled, woken]) w.addCustomer('wireline_ilec_gateway', anAccount({ tns: ['2125550101'] }));
    const a = await polled.run(portOf('2125550101', 1), MONDAY_9 + 20 * DAY);
    const b = await woken.run(portOf('2125550101', 1), MONDAY_9 + 20 * DAY);
    expect([a.outcome, b.outcome]).toEqual(['ported', 'ported']);
    expect(b.portedAt).toBeLessThanOrEqual(a.portedAt!);
    expect(b.portedAt).toBeGreaterThanOrEqual(a.portedAt! - 15 * MIN);
    expect(b.checks).toBeLessThan(a.checks / 3);
    const [ra, rb] = [(await polled.store.byTaskKey(key(1)))!.request, (await woken.store.byTaskKey(key(1)))!.request];
    expect(rb.state).toBe(ra.state);
    expect(rb.version).toBe(ra.version);
  });

  it('another PON\'s carrier events do not wake the task; its own do', async () => {
    const w = aPortInWorld({ at: MONDAY_9, pollEveryMs: 6 * HOUR, wakeOnCarrierEvents: true });
    w.addCustomer('wireline_ilec_gateway', anAccount({ tns: ['2125550101'] }));
    const first = await w.portIn.requestPortIn(portOf('2125550101', 1));
    const pon = (await w.store.byId(first.portRequestId!))!.request.pon;
    expect(first.checkAgainAt).toBe(w.world.nextEventAt(pon));
    w.world.scheduler.within('PON-OTHER', () => w.world.scheduler.after(MIN / 2, 'another port', () => undefined));
    expect(w.world.scheduler.nextAt()).toBeLessThan(first.checkAgainAt!);
    expect((await w.portIn.requestPortIn(portOf('2125550101', 1))).checkAgainAt).toBe(first.checkAgainAt);
  });

  it('a silent carrier: the task wakes at the request\'s timers, jeopardy is raised as with polling', async () => {
    const silent = { ...CARRIER_PROFILES.wireline_ilec_gateway, faults: { ...CARRIER_PROFILES.wireline_ilec_gateway.faults, silenceProbability: 1 } };
    const w = aPortInWorld({ at: MONDAY_9, profiles: [silent], pollEveryMs: 6 * HOUR, wakeOnCarrierEvents: true });
    w.addCustomer('wireline_ilec_gateway', anAccount({ tns: ['2125550101'] }));
    const run = await w.run({ idempotencyKey: key(5), msisdn: '2125550101', losingCarrier: 'ILEC', accountNumber: 'ACC-1001' }, MONDAY_9 + 2 * DAY);
    expect(run.outcome).toBe('waiting');
    const r = (await w.store.byTaskKey(key(5)))!.request;
    expect(r.jeopardies.map((j) => j.code)).toContain('OSP_IRRESPONSIVE');
    expect(r.state).toBe('SUBMITTED');
  });
});
