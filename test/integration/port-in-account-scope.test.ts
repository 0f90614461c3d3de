import { describe, expect, it } from 'vitest';
import { portInAccountDetails } from '../../src/adapters/porting/port-in-item.js';
import { portInRequest } from '../../src/adapters/porting/port-in-request.js';
import { PROVISIO_PROVIDER } from '../../src/adapters/porting/porting-carrier.js';
import { simulatedCarrierOf } from '../../src/adapters/porting/simulated-carriers.js';
import { DEFAULT_CALENDAR, fromLocal } from '../../src/domain/porting/business-calendar.js';
import { DEFAULT_PORT_POLICY } from '../../src/domain/porting/port-policy.js';
import { anAccount } from '../../sim/carrier/sim-account.js';
import { aPortInWorld } from './port-in-harness.js';

const DAY = 86_400_000;
const MONDAY_9 = fromLocal('2025-05-19', '09:00', DEFAULT_CALENDAR.zone);
const [A, B, C] = ['3125550101', '3125550102', '3125550103'];
const key = (n: number) => `order-${n}:3.port`;
const address = { line1: '123 N Main St Apt 4', city: 'New York', state: 'NY', postalCode: '10001' };

describe('what a port-in item carries about the account', () => {
  it('reads the billing number, the numbers that move with it and the partial-port disposition, normalised', () => {
    expect(portInAccountDetails({
      portingBillingNumber: '(312) 555-0101', portingAdditionalNumbers: '312-555-0102; +1 312 555 0103',
      portingRemainingNumbers: 'keep', portingNewBillingNumber: '3125550104',
    })).toEqual({ btn: A, additionalTns: [B, C], remainingTnDisposition: 'KEEP_WITH_OLD_PROVIDER', newBtn: '3125550104' });
    expect(portInAccountDetails({ portingRemainingNumbers: 'disconnect' })).toEqual({ remainingTnDisposition: 'DISCONNECT' });
    expect(portInAccountDetails({ msisdn: A })).toEqual({});
  });

  it('makes one request with one line per number, non-simple for a multi-line wireline account, due on a business day', () => {
    const ilec = simulatedCarrierOf()('Incumbent Telephone')!;
    const task = { idempotencyKey: key(1), msisdn: '312 555 0101', losingCarrier: ilec.name, accountNumber: 'ACC-1001', desiredAt: '2025-05-31T15:00:00Z' };
    const r = portInRequest(task, ilec, { authorizedName: 'Ann Lee', serviceAddress: address, btn: A, additionalTns: [B, C, A] }, { provider: PROVISIO_PROVIDER, policy: DEFAULT_PORT_POLICY, now: MONDAY_9 });
    expect(r.lines).toEqual([{ tn: A, isBtn: true }, { tn: B, isBtn: false }, { tn: C, isBtn: false }]);
    expect(r.kind).toBe('WIRELINE_NON_SIMPLE');
    expect(r.partialPort).toBe(false);
    // Saturday 31 May is asked for; the carrier's calendar has no weekend due dates
    expect(r.requestedDue).toEqual({ kind: 'DATE', date: '2025-06-02' });
    expect(r.submitted).not.toHaveProperty('additionalTns');
  });
});

describe('port-ins of multi-number accounts against the carrier simulator (virtual clock)', () => {
  it('ports every number of a wireline account in one request, one clearinghouse SV per line', async () => {
    const w = aPortInWorld({ at: MONDAY_9 });
    w.addCustomer('wireline_ilec_gateway', anAccount({ tns: [A, B, C], btn: A, serviceAddress: address }), { additionalTns: [B, C] });
    const run = await w.run({ idempotencyKey: key(2), msisdn: A, losingCarrier: 'Incumbent Telephone', accountNumber: 'ACC-1001' }, MONDAY_9 + 14 * DAY);
    expect(run.outcome).toBe('ported');
    const stored = (await w.store.byTaskKey(key(2)))!.request;
    expect(stored.version).toBe(1);
    expect(stored.kind).toBe('WIRELINE_NON_SIMPLE');
    expect(stored.lines.map((l) => [l.tn, l.status])).toEqual([[A, 'ACTIVE'], [B, 'ACTIVE'], [C, 'ACTIVE']]);
    expect(w.world.query(stored.pon).svs.map((s) => [s.tn, s.status])).toEqual([[A, 'active'], [B, 'active'], [C, 'active']]);
    expect(await w.store.list()).toHaveLength(1);
  });

  it('a partial port that moves the billing number is confirmed first time when the order gives the disposition and a new BTN', async () => {
    const w = aPortInWorld({ at: MONDAY_9 });
    w.addCustomer('wireless_major_auto', anAccount({ tns: [A, B], btn: A, pin: '4321' }), { remainingTnDisposition: 'KEEP_WITH_OLD_PROVIDER', newBtn: B });
    const run = await w.run({ idempotencyKey: key(3), msisdn: A, losingCarrier: 'Major Wireless', accountNumber: 'ACC-1001', pin: '4321' }, MONDAY_9 + 3 * DAY);
    expect(run.outcome).toBe('ported');
    const stored = (await w.store.byTaskKey(key(3)))!.request;
    expect([stored.version, stored.partialPort, stored.newBtn, stored.lines.map((l) => l.tn)]).toEqual([1, true, B, [A]]);
  });

  it('the same partial port without them is rejected by the carrier with both reasons', async () => {
    const w = aPortInWorld({ at: MONDAY_9 });
    w.addCustomer('wireless_major_auto', anAccount({ tns: [A, B], btn: A, pin: '4321' }));
    const run = await w.run({ idempotencyKey: key(4), msisdn: A, losingCarrier: 'Major Wireless', accountNumber: 'ACC-1001', pin: '4321' }, MONDAY_9 + 3 * DAY);
    expect(run.outcome).toBe('failed');
    expect(run.failure?.text).toMatch(/PARTIAL_PORT_DISPOSITION_REQUIRED, MAIN_BTN_PORTING_NEW_BTN_REQUIRED/);
  });
});
