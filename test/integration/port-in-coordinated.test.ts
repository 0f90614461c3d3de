import { describe, expect, it } from 'vitest';
import { fromLocal, DEFAULT_CALENDAR } from '../../src/domain/porting/business-calendar.js';
import { CARRIER_PROFILES } from '../../sim/carrier/carrier-profile.js';
import { anAccount } from '../../sim/carrier/sim-account.js';
import { aPortInWorld } from './port-in-harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONDAY_9 = fromLocal('2025-05-19', '09:00', DEFAULT_CALENDAR.zone);
const TN = '2125550101';
const key = (n: number) => `order-${n}:port-in-number`;

describe('port-in through the coordinated porting adapter (in-process carrier, virtual clock)', () => {
  it('a wireless port-in with the right account and PIN is ported, the request stored with its timeline', async () => {
    const w = aPortInWorld({ at: MONDAY_9 });
    w.addCustomer('wireless_major_auto', anAccount({ tns: [TN], pin: '4321' }));
    const run = await w.run({ idempotencyKey: key(1), msisdn: TN, losingCarrier: 'Major Wireless', accountNumber: 'ACC-1001', pin: '4321' }, MONDAY_9 + 3 * DAY);
    expect(run.outcome).toBe('ported');
    expect(run.portedAt).toBeGreaterThan(MONDAY_9);
    const stored = await w.store.byTaskKey(key(1));
    expect(stored?.request.state).toBe('PORTED');
    expect(stored?.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['validate', 'submit', 'PortRequest', 'PortResponse', 'SvActivate']));
    expect(w.world.query(stored!.request.pon).svs).toEqual([expect.objectContaining({ tn: TN, status: 'active' })]);
    // the engine's retry with the same key reports the same port, no new request
    const again = await w.portIn.requestPortIn({ idempotencyKey: key(1), msisdn: TN, losingCarrier: 'Major Wireless', accountNumber: 'ACC-1001', pin: '4321' });
    expect(again).toEqual({ portRequestId: run.portRequestId, portedAt: run.portedAt });
    expect(await w.store.list()).toHaveLength(1);
  });

  it('an account number in the wrong format is corrected automatically, resubmitted as v2 and confirmed', async () => {
    const w = aPortInWorld({ at: MONDAY_9, carrierOverride: { accountNumberPattern: '###-####' } });
    w.addCustomer('wireline_clec_manual', anAccount({ tns: [TN], accountNumber: '001-2345' }));
    const run = await w.run({ idempotencyKey: key(2), msisdn: TN, losingCarrier: 'Manual CLEC', accountNumber: '0012345' }, MONDAY_9 + 20 * DAY);
    expect(run.outcome).toBe('ported');
    const r = (await w.store.byTaskKey(key(2)))!.request;
    expect(r.version).toBe(2);
    expect(r.autoCorrections).toBe(1);
    expect(r.submitted.accountNumber).toBe('001-2345');
    expect(r.notes.join()).toMatch(/automatic correction: ACCOUNT_NUMBER_MISMATCH/);
  });

  it('the same reject without automatic corrections is a permanent failure with the reason code', async () => {
    const w = aPortInWorld({ at: MONDAY_9, carrierOverride: { accountNumberPattern: '###-####' }, policy: { autoCorrect: false } });
    w.addCustomer('wireline_clec_manual', anAccount({ tns: [TN], accountNumber: '001-2345' }));
    const run = await w.run({ idempotencyKey: key(3), msisdn: TN, losingCarrier: 'Manual CLEC', accountNumber: '0012345' }, MONDAY_9 + 20 * DAY);
    expect(run.outcome).toBe('failed');
    expect(run.failure?.code).toBe('ACCOUNT_NUMBER_MISMATCH');
  });

  it('a port-out lock cannot be fixed automatically: permanent failure PORT_OUT_LOCKED', async () => {
    const w = aPortInWorld({ at: MONDAY_9 });
    w.addCustomer('wireline_ilec_gateway', anAccount({ tns: [TN], lock: 'PORT_OUT_LOCK' }));
    const run = await w.run({ idempotencyKey: key(4), msisdn: TN, losingCarrier: 'Incumbent Telephone', accountNumber: 'ACC-1001' }, MONDAY_9 + 10 * DAY);
    expect(run.outcome).toBe('failed');
    expect(run.failure?.code).toBe('PORT_OUT_LOCKED');
    expect(run.failure?.text).toMatch(/Incumbent Telephone/);
  });

  it('a carrier that never answers raises jeopardy and the task keeps waiting', async () => {
    const silent = { ...CARRIER_PROFILES.wireline_ilec_gateway, faults: { ...CARRIER_PROFILES.wireline_ilec_gateway.faults, silenceProbability: 1 } };
    const w = aPortInWorld({ at: MONDAY_9, profiles: [silent] });
    w.addCustomer('wireline_ilec_gateway', anAccount({ tns: [TN] }));
    const run = await w.run({ idempotencyKey: key(5), msisdn: TN, losingCarrier: 'ILEC', accountNumber: 'ACC-1001' }, MONDAY_9 + 2 * DAY);
    expect(run.outcome).toBe('waiting');
    const r = (await w.store.byTaskKey(key(5)))!.request;
    expect(r.jeopardies.map((j) => j.code)).toContain('OSP_IRRESPONSIVE');
    expect(r.state).toBe('SUBMITTED');
  });
});
