import { describe, expect, it } from 'vitest';
import { POST_PORT_CHECKS } from '../../src/domain/porting/port-request.js';
import { aSimulation, ny } from './porting-world.js';

const HOUR = 3_600_000;
const TN = '2125550101';

describe('porting scenarios on a virtual clock (porting.md §16)', () => {
  it('H1: wireless automatic port completes within hours; SV active', async () => {
    const t0 = ny('2025-05-21', '15:00');
    const s = aSimulation({ at: t0, profile: 'wireless_major_auto', account: { tns: [TN], pin: '4321' },
      request: { requestedDue: { kind: 'DATETIME', at: new Date(t0 + 3 * HOUR).toISOString() } } });
    expect(await s.submit()).toBeUndefined();
    await s.runUntil(t0 + 4 * HOUR);
    for (const c of POST_PORT_CHECKS) await s.driver.act({ type: 'postPortCheckPassed', check: c });
    expect(s.driver.states).toEqual(['DRAFT', 'READY', 'SUBMITTED', 'FOC_CONFIRMED', 'SCHEDULED', 'ACTIVATING', 'PORTED', 'COMPLETED']);
    expect(s.world.query('PON-1').svs).toEqual([expect.objectContaining({ tn: TN, status: 'active' })]);
  });

  it('H2: LSR Monday 12:59 gets a Tuesday FOC and activates from Tuesday 00:00 local', async () => {
    const s = aSimulation({ at: ny('2025-05-19', '12:59'), profile: 'wireline_ilec_gateway', account: { tns: [TN] } });
    await s.submit();
    await s.runUntil(ny('2025-05-20', '02:00'));
    expect(s.driver.req.confirmedDue).toEqual({ kind: 'DATE', date: '2025-05-20' });
    expect(s.driver.req.state).toBe('PORTED');
    expect(Date.parse(s.driver.req.lines[0]!.activatedAt!)).toBeGreaterThanOrEqual(ny('2025-05-20', '00:00'));
  });

  it('H3: LSR Monday 13:01 asking for Tuesday is counter-proposed Wednesday', async () => {
    const s = aSimulation({ at: ny('2025-05-19', '13:01'), profile: 'wireline_ilec_gateway', account: { tns: [TN] },
      request: { requestedDue: { kind: 'DATE', date: '2025-05-21' } } });
    // Provisio itself refuses Tuesday (G-SUBMIT); the carrier's counter-proposal is exercised through a SUPP below
    expect(s.driver.req.requestedDue).toEqual({ kind: 'DATE', date: '2025-05-21' });
    await s.submit();
    await s.runUntil(ny('2025-05-20', '12:00'));
    expect(s.driver.req.confirmedDue).toEqual({ kind: 'DATE', date: '2025-05-21' });
    const tooEarly = aSimulation({ at: ny('2025-05-19', '13:01'), profile: 'wireline_ilec_gateway', account: { tns: [TN] } });
    expect(await tooEarly.submit()).toMatch(/G-SUBMIT/);
  });

  it('H4: LSR Friday 11:00 before a Monday holiday is due Tuesday', async () => {
    const s = aSimulation({ at: ny('2025-05-23', '11:00'), profile: 'wireline_ilec_gateway', account: { tns: [TN] },
      request: { requestedDue: { kind: 'DATE', date: '2025-05-27' } } });
    await s.submit();
    await s.runUntil(ny('2025-05-27', '01:00'));
    expect(s.driver.req.confirmedDue).toEqual({ kind: 'DATE', date: '2025-05-27' });
    expect(s.driver.req.state).toBe('PORTED');
  });

  it('H5: non-simple 5 TNs from Monday 10:00: due Friday, 5 SVs, PORTED when all are active', async () => {
    const tns = ['2125550101', '2125550102', '2125550103', '2125550104', '2125550105'];
    const s = aSimulation({ at: ny('2025-05-19', '10:00'), profile: 'wireline_ilec_gateway', account: { tns, btn: tns[0] },
      request: { kind: 'WIRELINE_NON_SIMPLE', requestedDue: { kind: 'DATE', date: '2025-05-23' } } });
    expect(await s.submit()).toBeUndefined();
    await s.runUntil(ny('2025-05-23', '01:00'));
    expect(s.world.query('PON-1').svs.filter((x) => x.status === 'active')).toHaveLength(5);
    expect(s.driver.req.state).toBe('PORTED');
  });

  it('R1: wrong account number -> REJECTED (customer) -> SUPP v2 -> FOC_CONFIRMED', async () => {
    const s = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_ilec_gateway', account: { tns: [TN] },
      request: { submitted: { accountNumber: 'WRONG-9', authorizedName: 'Ann Lee', serviceAddress: { line1: '123 North Main Street Apt 4', city: 'NYC', state: 'NY', postalCode: '10001' } } } });
    await s.submit();
    await s.runUntil(ny('2025-05-19', '14:00'));
    expect(s.driver.req.state).toBe('REJECTED');
    expect(s.driver.req.currentReasons).toEqual([expect.objectContaining({ code: 'ACCOUNT_NUMBER_MISMATCH', fixableBy: 'CUSTOMER' })]);
    expect(await s.driver.act({ type: 'correct', changes: { submitted: { accountNumber: 'acc 1001' } } })).toBeUndefined();
    await s.runUntil(ny('2025-05-19', '19:00'));
    expect(s.driver.req.version).toBe(2);
    expect(s.driver.states.slice(s.driver.states.indexOf('REJECTED'))).toEqual(['REJECTED', 'SUBMITTED', 'FOC_CONFIRMED', 'SCHEDULED']);
  });

  it('automatic correction: an EXACT carrier rejects a reformatted account number; Provisio resends it as on the record', async () => {
    const s = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_clec_manual', account: { tns: [TN], accountNumber: '001-2345' },
      request: {
        requestedDue: { kind: 'DATE', date: '2025-06-03' },
        submitted: { accountNumber: '0012345', authorizedName: 'Ann Lee', serviceAddress: { line1: '123 N Main St Apt 4', city: 'New York', state: 'NY', postalCode: '10001' } },
        accountRecord: { accountNumber: '001-2345', authorizedNames: ['Ann Lee'], serviceAddress: { line1: '123 N Main St Apt 4', city: 'New York', state: 'NY', postalCode: '10001' }, tns: [TN] },
      } });
    await s.submit();
    await s.runUntil(ny('2025-05-23', '12:00'));
    expect(s.driver.req.version).toBe(2);
    expect(s.driver.req.submitted.accountNumber).toBe('001-2345');
    expect(s.driver.req.notes.join()).toMatch(/automatic correction: ACCOUNT_NUMBER_MISMATCH/);
    expect(s.driver.states).toContain('FOC_CONFIRMED');
  });

  it('R2: wrong PIN three times: PIN_INVALID twice, then PORT_OUT_LOCKED and FRAUD_SIGNAL', async () => {
    const t0 = ny('2025-05-21', '10:00');
    const s = aSimulation({ at: t0, profile: 'wireless_major_auto', account: { tns: [TN], pin: '4321' },
      request: { requestedDue: { kind: 'DATETIME', at: new Date(t0 + 5 * HOUR).toISOString() }, submitted: { accountNumber: 'ACC-1001', pin: '1111', authorizedName: 'Ann Lee', serviceAddress: { line1: 'x', city: 'y', state: 'NY', postalCode: '10001' } } } });
    await s.submit();
    const codes: string[] = [];
    for (const pin of ['2222', '3333', 'end']) {
      await s.runUntil(s.clock.now() + 20 * 60_000);
      codes.push(...s.driver.req.currentReasons.map((r) => r.code));
      if (pin !== 'end') await s.driver.act({ type: 'correct', changes: { submitted: { pin } } });
    }
    expect(codes).toEqual(['PIN_INVALID', 'PIN_INVALID', 'PORT_OUT_LOCKED']);
    expect(s.driver.jeopardies()).toContain('FRAUD_SIGNAL');
  });

  it.each([
    ['R3', { lock: 'PORT_OUT_LOCK' as const }, {}, 'PORT_OUT_LOCKED'],
    ['R4', { pendingOrder: true }, {}, 'PENDING_ORDER_ON_ACCOUNT'],
    ['R5', { tns: [TN, '2125550102', '2125550103'], btn: TN }, { lines: [{ tn: TN }, { tn: '2125550102' }], kind: 'WIRELINE_NON_SIMPLE' as const, requestedDue: { kind: 'DATE' as const, date: '2025-05-23' } }, 'PARTIAL_PORT_DISPOSITION_REQUIRED'],
    ['R7', { tns: [{ tn: TN, status: 'ACTIVE' as const, features: ['DSL'] }] }, {}, 'PORT_TYPE_INCORRECT'],
  ])('%s: rejected with the expected reason', async (_id, account, request, code) => {
    const s = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_ilec_gateway', account: { tns: [TN], ...account }, request });
    expect(await s.submit()).toBeUndefined();
    await s.runUntil(ny('2025-05-19', '16:00'));
    expect(s.driver.req.state).toBe('REJECTED');
    expect(s.driver.req.currentReasons.map((r) => r.code)).toContain(code);
  });

  it('R8: four errors come back in one answer with reportAllErrors, one per round trip without', async () => {
    const wrong = { accountNumber: 'X1', authorizedName: 'Bob Roe', serviceAddress: { line1: '9 Elm St', city: 'NYC', state: 'NY', postalCode: '10999' } };
    const loa = { signer: 'Bob Roe', signedAt: '2025-05-19T10:00:00Z' };
    const all = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_ilec_gateway', account: { tns: [TN] }, request: { submitted: wrong, loa } });
    expect(await all.submit()).toBeUndefined();
    await all.runUntil(ny('2025-05-19', '16:00'));
    expect(all.driver.req.currentReasons).toHaveLength(4);
    const one = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_clec_manual', account: { tns: [TN] }, request: { submitted: wrong, loa, requestedDue: { kind: 'DATE', date: '2025-06-03' } } });
    await one.submit();
    await one.runUntil(ny('2025-05-21', '16:00'));
    expect(one.driver.req.currentReasons).toHaveLength(1);
  });

  it('R9: a billing address is refused; the USPS-normalised service address matches', async () => {
    const s = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_ilec_gateway', account: { tns: [TN] },
      request: { submitted: { accountNumber: 'ACC-1001', authorizedName: 'Ann Lee', serviceAddress: { line1: 'PO Box 77', city: 'New York', state: 'NY', postalCode: '10001' } } } });
    await s.submit();
    await s.runUntil(ny('2025-05-19', '16:00'));
    expect(s.driver.req.currentReasons.map((r) => r.code)).toEqual(['SERVICE_ADDRESS_MISMATCH']);
    await s.driver.act({ type: 'correct', changes: { submitted: { serviceAddress: { line1: '123 North Main Street Apt 4', city: 'New York', state: 'NY', postalCode: '10001' } } } });
    await s.runUntil(ny('2025-05-19', '23:00'));
    expect(s.driver.states).toContain('FOC_CONFIRMED');
  });

  it('R10: a request sent to the MVNO SPID is RESELLER_WRONG_CARRIER', async () => {
    const t0 = ny('2025-05-21', '10:00');
    const s = aSimulation({ at: t0, profile: 'wireless_mvno', account: { tns: [TN], pin: '1' }, request: { requestedDue: { kind: 'DATETIME', at: new Date(t0 + 4 * HOUR).toISOString() } } });
    await s.submit();
    await s.runUntil(t0 + 2 * HOUR);
    expect(s.driver.req.currentReasons.map((r) => r.code)).toEqual(['RESELLER_WRONG_CARRIER']);
  });

  it('D1/D2: a delay holds the port, then confirms; a delay with no follow-up raises OSP_IRRESPONSIVE', async () => {
    const s = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_ilec_gateway', account: { tns: [TN] } });
    s.world.script('PON-1', [{ do: 'DELAY', answerAfterMinutes: 120 }]);
    await s.submit();
    await s.runUntil(ny('2025-05-19', '18:00'));
    expect(s.driver.states).toEqual(expect.arrayContaining(['DELAYED', 'FOC_CONFIRMED']));
    const silent = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_ilec_gateway', account: { tns: [TN] } });
    silent.world.script('PON-1', [{ do: 'DELAY', answerAfterMinutes: 120, thenSilent: true }]);
    await silent.submit();
    await silent.runUntil(ny('2025-05-19', '18:00'));
    expect(silent.driver.req.state).toBe('DELAYED');
    expect(silent.driver.jeopardies()).toContain('OSP_IRRESPONSIVE');
  });

  it('D3: silence raises OSP_IRRESPONSIVE; a resend is accepted once (idempotent)', async () => {
    const s = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_ilec_gateway', account: { tns: [TN] } });
    s.world.script('PON-1', [{ do: 'SILENCE' }]);
    await s.submit();
    await s.runUntil(ny('2025-05-19', '14:00'));
    expect(s.driver.jeopardies()).toContain('OSP_IRRESPONSIVE');
    await s.driver.act({ type: 'resend' });
    await s.driver.act({ type: 'resend' });
    expect(s.world.log.filter((m) => m.direction === 'IN')).toHaveLength(1);
  });

  it('C1/C2: counter-proposed dates are flagged; a 10-business-day minimum exceeds the rule', async () => {
    const s = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_ilec_gateway', account: { tns: [TN] } });
    s.world.script('PON-1', [{ do: 'COUNTER', extraBusinessDays: 2 }]);
    await s.submit();
    await s.runUntil(ny('2025-05-19', '17:00'));
    expect(s.driver.req.confirmedDue).toEqual({ kind: 'DATE', date: '2025-05-22' });
    expect(s.driver.jeopardies()).toEqual(expect.arrayContaining(['COUNTER_DATE']));
    expect(s.driver.jeopardies()).not.toContain('COUNTER_DATE_EXCEEDS_RULE');
    expect(s.driver.commands).toContainEqual(expect.objectContaining({ kind: 'sendNpac', message: expect.objectContaining({ type: 'SvCreate', due: { kind: 'DATE', date: '2025-05-22' } }) }));
    const clec = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_clec_manual', account: { tns: [TN] } });
    await clec.submit();
    await clec.runUntil(ny('2025-05-22', '09:00'));
    expect(clec.driver.req.confirmedDue).toEqual({ kind: 'DATE', date: '2025-06-03' });
    expect(clec.driver.jeopardies()).toContain('COUNTER_DATE_EXCEEDS_RULE');
  });

  it('N1: the old provider never concurs; T1 then T2 expire, and activation on the due date succeeds', async () => {
    const s = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_clec_manual', account: { tns: [TN] }, request: { requestedDue: { kind: 'DATE', date: '2025-06-03' } } });
    await s.submit();
    await s.runUntil(ny('2025-06-03', '01:00'));
    expect(s.driver.jeopardies()).toContain('SV_TIMERS_RUNNING');
    expect(s.driver.req.lines[0]!.sv).toMatchObject({ concurred: false, activatable: true });
    expect(s.driver.req.state).toBe('PORTED');
  });

  it('N3: the old provider cannot set conflict after noon the business day before a wireline due date', async () => {
    const s = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_ilec_gateway', account: { tns: [TN] }, request: { requestedDue: { kind: 'DATE', date: '2025-05-21' } } });
    await s.submit();
    await s.runUntil(ny('2025-05-20', '12:30'));
    expect(s.world.oldSpConflict('PON-1', 7)).toMatch(/restriction/);
  });

  it('N5: a retention cancel we do not acknowledge ends in CONFLICT after both windows', async () => {
    const s = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_ilec_gateway', account: { tns: [TN] }, request: { requestedDue: { kind: 'DATE', date: '2025-05-23' } } });
    await s.submit();
    await s.runUntil(ny('2025-05-19', '18:00'));
    s.world.retentionCancel('PON-1');
    await s.runUntil(ny('2025-05-19', '18:00') + 19 * HOUR);
    expect(s.driver.states).toEqual(expect.arrayContaining(['CANCEL_PENDING', 'CONFLICT']));
    expect(s.world.query('PON-1').svs[0]!.status).toBe('conflict');
  });

  it('N4/N6: cancel of a concurred SV can be undone; without undo it is cancelled', async () => {
    const s = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_ilec_gateway', account: { tns: [TN] }, request: { requestedDue: { kind: 'DATE', date: '2025-05-23' } } });
    await s.submit();
    await s.runUntil(ny('2025-05-19', '18:00'));
    expect(s.driver.req.state).toBe('SCHEDULED');
    await s.driver.act({ type: 'cancel' });
    await s.runUntil(ny('2025-05-19', '18:01'));
    expect(await s.driver.act({ type: 'cancelUndo' })).toBeUndefined();
    await s.runUntil(ny('2025-05-19', '20:00'));
    expect(s.driver.req.state).toBe('SCHEDULED');
    expect(s.world.query('PON-1').svs[0]!.status).toBe('pending');
    await s.driver.act({ type: 'cancel' });
    await s.runUntil(ny('2025-05-20', '20:00'));
    expect(s.driver.req.state).toBe('CANCELLED');
  });

  it('N7/N8: partial broadcast needs a resend; a line failing past the budget leaves PARTIALLY_PORTED until split off', async () => {
    const tns = ['2125550101', '2125550102', '2125550103', '2125550104', '2125550105'];
    const s = aSimulation({ at: ny('2025-05-19', '10:00'), profile: 'wireline_ilec_gateway', account: { tns, btn: tns[0] },
      request: { kind: 'WIRELINE_NON_SIMPLE', requestedDue: { kind: 'DATE', date: '2025-05-23' } } });
    s.world.failLsms(tns[1]!, { status: 'partial-failure', attempts: 1 });
    s.world.failLsms(tns[2]!, { status: 'partial-failure', attempts: 1 });
    s.world.failLsms(tns[4]!, { status: 'failed', attempts: 99 });
    await s.submit();
    await s.runUntil(ny('2025-05-23', '01:00'));
    const status = (): string[] => s.driver.req.lines.map((l) => l.status);
    expect(status()).toEqual(['ACTIVE', 'ACTIVE_BROADCAST_PARTIAL', 'ACTIVE_BROADCAST_PARTIAL', 'ACTIVE', 'ACTIVATION_FAILED']);
    expect(s.driver.req.state).toBe('PARTIALLY_PORTED');
    await s.driver.act({ type: 'resendActivation' });
    await s.runUntil(ny('2025-05-23', '02:00'));
    expect(s.driver.req.state).toBe('PARTIALLY_PORTED');
    await s.driver.act({ type: 'splitOff', tns: [tns[4]!] });
    expect(s.driver.req.state).toBe('PORTED');
  });

  it('N10/F1: a missed FOC day is revoked by the carrier and Provisio re-supplements a new date', async () => {
    const s = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_ilec_gateway', account: { tns: [TN] }, request: { networkReady: false } });
    await s.submit();
    await s.runUntil(ny('2025-05-21', '06:00'));
    expect(s.driver.jeopardies()).toContain('NETWORK_NOT_READY');
    expect(s.driver.req.notes.join()).toMatch(/automatic correction: FOC_EXPIRED/);
    expect(s.driver.req.version).toBe(2);
    expect(s.driver.commands).toContainEqual(expect.objectContaining({ kind: 'sendCarrier', message: expect.objectContaining({ supType: 'DUE_DATE_CHANGE' }) }));
  });

  it('S1: snap-back inside the window restores the number to the original provider', async () => {
    const t0 = ny('2025-05-21', '10:00');
    const s = aSimulation({ at: t0, profile: 'wireless_major_auto', account: { tns: [TN], pin: '4321' }, request: { requestedDue: { kind: 'DATETIME', at: new Date(t0 + 3 * HOUR).toISOString() } } });
    await s.submit();
    await s.runUntil(t0 + 4 * HOUR);
    expect(await s.driver.act({ type: 'requestSnapback', reason: 'ported in error' })).toBeUndefined();
    await s.runUntil(t0 + 5 * HOUR);
    expect(s.driver.req.state).toBe('RESTORED');
    expect(s.world.query('PON-1').svs.map((x) => x.status).sort()).toEqual(['active', 'old']);
  });

  it('X1: a duplicate delivery of the FOC has no second effect', async () => {
    const s = aSimulation({ at: ny('2025-05-19', '09:00'), profile: 'wireline_ilec_gateway', account: { tns: [TN] } });
    const seen: string[] = [];
    s.world.onMessage((m) => { if (m.type === 'PortResponse') seen.push(m.messageId); });
    await s.submit();
    await s.runUntil(ny('2025-05-19', '13:00'));
    const creates = s.driver.commands.filter((c) => c.kind === 'sendNpac').length;
    const out = await s.driver.apply({ kind: 'message', message: (await s.gateway.query('PON-1'), s.world.log.find((l) => l.correlationId === seen[0])!.normalized as never) });
    expect(out).toBeUndefined();
    expect(s.driver.commands.at(-1)).toMatchObject({ kind: 'recordStale', why: 'DUPLICATE' });
    expect(s.driver.commands.filter((c) => c.kind === 'sendNpac').length).toBe(creates);
  });
});

