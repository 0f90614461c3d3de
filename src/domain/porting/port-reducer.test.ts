import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, fromLocal } from './business-calendar.js';
import { checkPortLifecycle } from './port-state.js';
import type { InboundPortMessage } from './port-message.js';
import { DEFAULT_PORT_POLICY } from './port-policy.js';
import { reducePort, type PortInput } from './port-reducer.js';
import { heldNumbers, newPortRequest, type PortRequest } from './port-request.js';

const cal = DEFAULT_CALENDAR;
const MON_10 = fromLocal('2025-05-19', '10:00', cal.zone);
const HOUR = 3_600_000;
let seq = 0;

function aPortRequest(over: Partial<Parameters<typeof newPortRequest>[0]> = {}): PortRequest {
  return newPortRequest({
    id: 'p1', pon: 'PON1', kind: 'WIRELINE_SIMPLE',
    losingCarrier: { name: 'Old Tel', spid: 'OLD1', profileId: 'wireline_ilec_gateway' },
    newProvider: { spid: 'NEW1', companyCode: 'PRV', lrn: '2125550000' },
    calendar: cal, policy: DEFAULT_PORT_POLICY,
    submitted: { accountNumber: '00123-45', authorizedName: 'Ann Lee', serviceAddress: { line1: '1 Main St', city: 'NY', state: 'NY', postalCode: '10001' } },
    accountRecord: { accountNumber: '0012345', authorizedNames: ['Ann Lee'], serviceAddress: { line1: '1 Main St', city: 'NY', state: 'NY', postalCode: '10001' }, tns: ['2125550101'] },
    lines: [{ tn: '2125550101' }], requestedDue: { kind: 'DATE', date: '2025-05-20' },
    loa: { signer: 'Ann Lee', signedAt: new Date(MON_10 - HOUR).toISOString() }, networkReady: true,
    ...over,
  }, MON_10);
}

function run(req: PortRequest, inputs: PortInput[], now = MON_10) {
  let r = req;
  const commands = [];
  for (const input of inputs) {
    const out = reducePort(r, input, now);
    if (out.refusal) throw new Error(`${out.refusal.guard}: ${out.refusal.reason}`);
    r = out.request;
    commands.push(...out.commands);
  }
  return { r, commands };
}

const act = (action: any): PortInput => ({ kind: 'action', action });
function carrier(body: object, version = 1): PortInput {
  seq++;
  return { kind: 'message', message: { messageId: `m${seq}`, idempotencyKey: `k${seq}`, pon: 'PON1', version, sentAt: '', exchange: 'CARRIER', ...body } as InboundPortMessage };
}
function npac(body: object): PortInput {
  seq++;
  return { kind: 'message', message: { messageId: `n${seq}`, idempotencyKey: `nk${seq}`, pon: 'PON1', sentAt: '', exchange: 'NPAC', ...body } as InboundPortMessage };
}
const sv = (status: string, extra: object = {}) => npac({ type: 'SvStatusChanged', tn: '2125550101', svId: 'sv1', status, newSpid: 'NEW1', ...extra });
const submitted = () => run(aPortRequest(), [act({ type: 'validate', pinRequired: false, tnsInOtherOpenOrders: [] }), act({ type: 'submit' })]);
const confirmed = () => run(submitted().r, [carrier({ type: 'PortResponse', response: 'CONFIRM', focDue: { kind: 'DATE', date: '2025-05-20' } })]);

describe('port request lifecycle table', () => {
  it('has no unknown targets and no unreachable states', () => {
    expect(checkPortLifecycle()).toEqual([]);
  });
});

describe('port reducer', () => {
  it('submits version 1 and starts the 4-business-hour response deadline', () => {
    const { r, commands } = submitted();
    expect(r.state).toBe('SUBMITTED');
    expect(commands.find((c) => c.kind === 'sendCarrier')).toMatchObject({ message: { type: 'PortRequest', body: { version: 1 } } });
    expect(r.timers.find((t) => t.name === 'CARRIER_RESPONSE_DUE')?.at).toBe(new Date(MON_10 + 4 * HOUR).toISOString());
  });

  it('refuses to submit a due date before the earliest allowed (G-SUBMIT)', () => {
    const req = aPortRequest({ requestedDue: { kind: 'DATE', date: '2025-05-19' } });
    const v = reducePort(req, act({ type: 'validate', pinRequired: false, tnsInOtherOpenOrders: [] }), MON_10).request;
    expect(reducePort(v, act({ type: 'submit' }), MON_10).refusal?.guard).toBe('G-SUBMIT');
  });

  it('a request not yet sent takes a new due date without a supplement, and can then be submitted', () => {
    const req = aPortRequest({ requestedDue: { kind: 'DATE', date: '2025-05-19' } });
    const redated = reducePort(req, act({ type: 'changeDueDate', due: { kind: 'DATE', date: '2025-05-23' } }), MON_10);
    expect(redated.refusal).toBeUndefined();
    expect(redated.commands.filter((c) => c.kind === 'sendCarrier')).toEqual([]);
    expect([redated.request.state, redated.request.version, redated.request.requestedDue]).toEqual(['DRAFT', req.version, { kind: 'DATE', date: '2025-05-23' }]);
    const v = reducePort(redated.request, act({ type: 'validate', pinRequired: false, tnsInOtherOpenOrders: [] }), MON_10).request;
    expect(reducePort(v, act({ type: 'submit' }), MON_10).request.state).toBe('SUBMITTED');
  });

  it('blocks validation of a TN held by another open order (I6)', () => {
    const out = reducePort(aPortRequest(), act({ type: 'validate', pinRequired: false, tnsInOtherOpenOrders: ['2125550101'] }), MON_10);
    expect(out.refusal?.reason).toMatch(/another open port order/);
  });

  it('confirmation creates the SV; T2 expiry with a silent old provider schedules it; due time activates', () => {
    const { r, commands } = confirmed();
    expect(r.state).toBe('FOC_CONFIRMED');
    expect(commands.find((c) => c.kind === 'sendNpac')).toMatchObject({ message: { type: 'SvCreate', due: { kind: 'DATE', date: '2025-05-20' } } });
    const s = run(r, [sv('pending', { concurred: false }), npac({ type: 'SvFinalWindowExpired', tn: '2125550101', svId: 'sv1', silentParty: 'OLD' })]).r;
    expect(s.state).toBe('SCHEDULED');
    const due = s.timers.find((t) => t.name === 'DUE_START');
    const fired = reducePort(s, { kind: 'timerFired', name: 'DUE_START', version: due!.version }, Date.parse(due!.at));
    expect(fired.request.state).toBe('ACTIVATING');
    const ported = run(fired.request, [sv('active')], Date.parse(due!.at)).r;
    expect(ported.state).toBe('PORTED');
  });

  it('refuses activation before the due time, with the reason (F2)', () => {
    const s = run(confirmed().r, [sv('pending', { concurred: true })]).r;
    expect(s.state).toBe('SCHEDULED');
    expect(reducePort(s, act({ type: 'activate' }), MON_10).refusal?.reason).toMatch(/has not been reached/);
  });

  it('fixes a reject automatically from the account record and sends SUPP v2', () => {
    const { r, commands } = run(submitted().r, [carrier({ type: 'PortResponse', response: 'REJECT', reasons: [{ code: 'ACCOUNT_NUMBER_MISMATCH', fields: [] }] })]);
    expect(r.state).toBe('SUBMITTED');
    expect(r.version).toBe(2);
    expect(r.submitted.accountNumber).toBe('0012345');
    expect(commands.some((c) => c.kind === 'sendCarrier' && c.message.type === 'PortSupplement')).toBe(true);
  });

  it('opens a customer fallout case for a reject with no safe fix, and abandons after 30 quiet days (R12)', () => {
    const { r, commands } = run(submitted().r, [carrier({ type: 'PortResponse', response: 'REJECT', reasons: [{ code: 'PIN_INVALID', fields: [] }] })]);
    expect(r.state).toBe('REJECTED');
    expect(commands.find((c) => c.kind === 'openFalloutCase')).toMatchObject({ fixableBy: 'CUSTOMER' });
    const t = r.timers.find((x) => x.name === 'REJECT_ABANDON')!;
    expect(reducePort(r, { kind: 'timerFired', name: 'REJECT_ABANDON', version: t.version }, Date.parse(t.at)).request.state).toBe('ABANDONED');
  });

  it('G-SUPP refuses a correction that touches none of the rejected fields', () => {
    const { r } = run(submitted().r, [carrier({ type: 'PortResponse', response: 'REJECT', reasons: [{ code: 'PIN_INVALID', fields: [] }] })]);
    expect(reducePort(r, act({ type: 'correct', changes: { submitted: { authorizedName: 'X' } } }), MON_10).refusal?.guard).toBe('G-SUPP');
    expect(reducePort(r, act({ type: 'correct', changes: { submitted: { pin: '1234' } } }), MON_10).request.version).toBe(2);
  });

  it('ignores a duplicate message and a message for an older version (X1)', () => {
    const { r } = run(submitted().r, [carrier({ type: 'PortResponse', response: 'REJECT', reasons: [{ code: 'PIN_INVALID', fields: [] }] }), act({ type: 'correct', changes: { submitted: { pin: '1' } } })]);
    const stale = reducePort(r, carrier({ type: 'PortResponse', response: 'CONFIRM', focDue: { kind: 'DATE', date: '2025-05-20' } }, 1), MON_10);
    expect(stale.request.state).toBe('SUBMITTED');
    expect(stale.commands).toEqual([expect.objectContaining({ kind: 'recordStale', why: 'OLDER_VERSION' })]);
    const msg = carrier({ type: 'PortResponse', response: 'CONFIRM', focDue: { kind: 'DATE', date: '2025-05-20' } }, 2);
    const once = reducePort(r, msg, MON_10).request;
    expect(reducePort(once, msg, MON_10).commands).toEqual([expect.objectContaining({ kind: 'recordStale', why: 'DUPLICATE' })]);
  });

  it('raises OSP_IRRESPONSIVE when the carrier is silent past the deadline (D3)', () => {
    const { r } = submitted();
    const t = r.timers.find((x) => x.name === 'CARRIER_RESPONSE_DUE')!;
    const out = reducePort(r, { kind: 'timerFired', name: t.name, version: t.version }, Date.parse(t.at));
    expect(out.request.jeopardies.map((j) => j.code)).toContain('OSP_IRRESPONSIVE');
    expect(out.request.state).toBe('SUBMITTED');
  });

  it('a timer of an older version does nothing', () => {
    const { r } = run(submitted().r, [carrier({ type: 'PortResponse', response: 'REJECT', reasons: [{ code: 'PIN_INVALID', fields: [] }] }), act({ type: 'correct', changes: { submitted: { pin: '1' } } })]);
    expect(reducePort(r, { kind: 'timerFired', name: 'CARRIER_RESPONSE_DUE', version: 1 }, MON_10 + 99 * HOUR).commands).toEqual([]);
  });

  it('due-date change: allowed 30 h before the due time, blocked 10 h before unless overridden (C3, C4)', () => {
    const s = run(confirmed().r, [sv('pending', { concurred: true })]).r;
    const dueAt = fromLocal('2025-05-20', '00:00', cal.zone);
    const due = { kind: 'DATE', date: '2025-05-22' };
    expect(reducePort(s, act({ type: 'changeDueDate', due }), dueAt - 30 * HOUR).request.version).toBe(2);
    expect(reducePort(s, act({ type: 'changeDueDate', due }), dueAt - 10 * HOUR).refusal?.guard).toBe('G-FREEZE');
    expect(reducePort(s, act({ type: 'changeDueDate', due, overrideNote: 'customer asked' }), dueAt - 10 * HOUR).request.state).toBe('SUBMITTED');
  });

  it('a cancel withdraws a request never sent: CANCELLED at once, nothing sent, its numbers free again', () => {
    const draft = aPortRequest();
    const ready = run(draft, [act({ type: 'validate', pinRequired: false, tnsInOtherOpenOrders: [] })]).r;
    expect(ready.state).toBe('READY');
    for (const r of [draft, ready]) {
      expect(heldNumbers(r)).toEqual(['2125550101']);
      const c = run(r, [act({ type: 'cancel', overrideNote: 'order cancelled' })]);
      expect(c.r.state).toBe('CANCELLED');
      expect(c.r.lines.map((l) => l.status)).toEqual(['CANCELLED']);
      expect(c.commands.filter((x) => x.kind === 'sendCarrier' || x.kind === 'sendNpac')).toEqual([]);
      expect(c.r.notes.at(-1)).toBe('withdrawn before submission: order cancelled');
      expect(heldNumbers(c.r)).toEqual([]);
    }
    // once sent, a cancel goes through the carrier
    const sent = run(submitted().r, [act({ type: 'cancel' })]);
    expect(sent.r.state).toBe('CANCEL_PENDING');
    expect(sent.commands.some((x) => x.kind === 'sendCarrier' && x.message.type === 'PortSupplement')).toBe(true);
  });

  it('cancel then cancel-undo returns to the prior state and reinstates the SV (N6)', () => {
    const s = run(confirmed().r, [sv('pending', { concurred: true })]).r;
    const c = run(s, [act({ type: 'cancel', overrideNote: 'late cancel' }), sv('cancel-pending')]);
    expect(c.r.state).toBe('CANCEL_PENDING');
    expect(c.commands.some((x) => x.kind === 'sendNpac' && x.message.type === 'SvCancel')).toBe(true);
    const u = run(c.r, [act({ type: 'cancelUndo' })]);
    expect(u.r.state).toBe('SCHEDULED');
    expect(u.commands.some((x) => x.kind === 'sendNpac' && x.message.type === 'SvCancelUndo')).toBe(true);
  });

  it('conflict cause 50: removal refused before 6 h and without logged contact and a note (N2)', () => {
    const c = run(confirmed().r, [sv('conflict', { cause: 50 })]).r;
    expect(c.state).toBe('CONFLICT');
    expect(reducePort(c, act({ type: 'removeFromConflict', tn: '2125550101', contactLogged: true, overrideNote: 'n' }), MON_10 + HOUR).refusal?.reason).toMatch(/restricted for 6 h/);
    expect(reducePort(c, act({ type: 'removeFromConflict', tn: '2125550101', contactLogged: true }), MON_10 + 7 * HOUR).refusal?.reason).toMatch(/cause 50/);
    const ok = reducePort(c, act({ type: 'removeFromConflict', tn: '2125550101', contactLogged: true, overrideNote: 'called ONSP, LSR found' }), MON_10 + 7 * HOUR);
    expect(ok.commands[0]).toMatchObject({ kind: 'sendNpac', message: { type: 'SvRemoveFromConflict' } });
  });

  it('snap-back inside the window, refused after it (S1, S2)', () => {
    const s = run(confirmed().r, [sv('pending', { concurred: true })]).r;
    const dueAt = fromLocal('2025-05-20', '00:00', cal.zone);
    const p = run(s, [act({ type: 'activate' }), sv('active')], dueAt).r;
    expect(p.state).toBe('PORTED');
    expect(reducePort(p, act({ type: 'requestSnapback', reason: 'wrong number' }), dueAt + 25 * HOUR).refusal?.guard).toBe('G-SNAPBACK');
    const sb = run(p, [act({ type: 'requestSnapback', reason: 'wrong number' }), sv('old')], dueAt + HOUR).r;
    expect(sb.state).toBe('RESTORED');
  });
});
