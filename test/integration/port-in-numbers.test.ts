import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InMemoryPortRequestStore } from '../../src/adapters/porting/in-memory-port-request-store.js';
import { SqlitePortRequestStore } from '../../src/adapters/sqlite/sqlite-port-request-store.js';
import { openSqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { DEFAULT_CALENDAR, fromLocal } from '../../src/domain/porting/business-calendar.js';
import type { PortRequestStore } from '../../src/ports/port-request-store.js';
import { anAccount } from '../../sim/carrier/sim-account.js';
import { aPortInWorld, type PortInRun } from './port-in-harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONDAY_9 = fromLocal('2025-05-19', '09:00', DEFAULT_CALENDAR.zone);
const TN = '2125550101';
const portOf = (n: number) => ({ idempotencyKey: `order-${n}:port-in-number`, msisdn: TN, losingCarrier: 'Major Wireless', accountNumber: 'ACC-1001', pin: '4321' });

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const stores: Record<string, () => PortRequestStore> = {
  'in memory': () => new InMemoryPortRequestStore(),
  'SQLite file': () => {
    const dir = mkdtempSync(join(tmpdir(), 'provisio-port-numbers-'));
    const s = openSqliteStores({ path: join(dir, 'provisio.db') });
    cleanups.push(async () => (await s.close(), rmSync(dir, { recursive: true, force: true })));
    return new SqlitePortRequestStore(s.db);
  },
};

/** A carrier world whose Major Wireless account holds TN. */
function aWorld(store: PortRequestStore): ReturnType<typeof aPortInWorld> {
  const w = aPortInWorld({ at: MONDAY_9, store });
  w.addCustomer('wireless_major_auto', anAccount({ tns: [TN], pin: '4321' }));
  return w;
}

/** The run ported, with a due date after the days it waited (not the one its order first had). */
async function expectPortedWithDueAfterTheWait(w: ReturnType<typeof aPortInWorld>, run: PortInRun): Promise<void> {
  expect(run.failure).toBeUndefined();
  const ported = (await w.store.byId(run.portRequestId!))!.request;
  expect(ported.state).toBe('PORTED');
  expect(ported.requestedDue.kind === 'DATETIME' ? Date.parse(ported.requestedDue.at) : 0).toBeGreaterThan(MONDAY_9 + DAY);
}

describe.each(Object.keys(stores))('the numbers of a port-in: one open port order per number, activation of what ported (%s)', (name) => {
  it('a second order porting a number already in an open port falls out before reaching the carrier, naming the port that holds it', async () => {
    const w = aWorld(stores[name]!());
    const first = await w.portIn.requestPortIn(portOf(1));
    const firstPon = (await w.store.byId(first.portRequestId!))!.request.pon;
    const second = await w.run(portOf(2), MONDAY_9 + DAY);
    expect(second.outcome).toBe('failed');
    expect(second.failure?.code).toBe('PORT_VALIDATION_FAILED');
    expect(second.failure?.text).toContain(`${TN} is already in another open port order`);
    expect(second.failure?.text).toContain(`${TN} in ${firstPon}`);
    // the second made no port request: it holds nothing against later orders
    const byState = (await w.store.list()).map((r) => [r.taskKey, r.request.state]).sort();
    expect(byState).toEqual([['order-1:port-in-number', 'SUBMITTED']]);
    // the first goes on to port the number undisturbed by the second order
    expect((await w.run(portOf(1), MONDAY_9 + 3 * DAY)).outcome).toBe('ported');
  });

  it('of two port-ins of one number started at once, the first to claim it goes on and the other falls out', async () => {
    const w = aWorld(stores[name]!());
    const outcomes = await Promise.allSettled([w.portIn.requestPortIn(portOf(1)), w.portIn.requestPortIn(portOf(2))]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason)).toMatch(/is already in another open port order/);
    const states = (await w.store.list()).map((r) => r.request.state).sort();
    expect(states).toEqual(['DRAFT', 'SUBMITTED']);
    // the winner is cancelled; days later the other's draft is retried: its due date, past by now,
    // moves to the earliest the carrier allows, and it ports
    const winner = outcomes[0].status === 'fulfilled' ? 1 : 2;
    const loser = winner === 1 ? 2 : 1;
    const won = (await w.store.byTaskKey(portOf(winner).idempotencyKey))!;
    await w.portIn.cancelPortIn({ idempotencyKey: `${portOf(winner).idempotencyKey}~undo`, portTaskKey: portOf(winner).idempotencyKey, portRequestId: won.request.id });
    await w.run(portOf(winner), MONDAY_9 + 2 * DAY);
    w.world.scheduler.runUntil(MONDAY_9 + 2 * DAY);
    await expectPortedWithDueAfterTheWait(w, await w.run(portOf(loser), MONDAY_9 + 6 * DAY));
  });

  it('once the first port is cancelled, the second order (retried by an operator) ports the number', async () => {
    const w = aWorld(stores[name]!());
    const first = await w.portIn.requestPortIn(portOf(1));
    expect((await w.run(portOf(2), MONDAY_9 + HOUR)).outcome).toBe('failed');
    await w.portIn.cancelPortIn({ idempotencyKey: `${portOf(1).idempotencyKey}~undo`, portTaskKey: portOf(1).idempotencyKey });
    // the carrier's cancel confirmation arrives on a later check
    await w.run(portOf(1), MONDAY_9 + 2 * DAY);
    expect((await w.store.byId(first.portRequestId!))!.request.state).toBe('CANCELLED');
    // the retry comes days later and makes its request then, with a due date the carrier allows then
    w.world.scheduler.runUntil(MONDAY_9 + 2 * DAY);
    const retried = await w.run(portOf(2), MONDAY_9 + 5 * DAY);
    expect(retried.outcome).toBe('ported');
    await expectPortedWithDueAfterTheWait(w, retried);
  });

  it('a draft left by a lost race is withdrawn when its order stops (by the task key alone) and holds the number no longer', async () => {
    const w = aWorld(stores[name]!());
    const outcomes = await Promise.allSettled([w.portIn.requestPortIn(portOf(1)), w.portIn.requestPortIn(portOf(2))]);
    const loser = outcomes[0].status === 'rejected' ? 1 : 2;
    const winner = loser === 1 ? 2 : 1;
    const draft = (await w.store.byTaskKey(portOf(loser).idempotencyKey))!;
    expect(draft.request.state).toBe('DRAFT');
    await w.portIn.cancelPortIn({ idempotencyKey: `${portOf(loser).idempotencyKey}~undo`, portTaskKey: portOf(loser).idempotencyKey });
    const withdrawn = (await w.store.byId(draft.request.id))!;
    expect(withdrawn.request.state).toBe('CANCELLED');
    // withdrawn here: nothing went to the carrier
    expect(withdrawn.timeline.filter((e) => e.direction === 'OUT')).toEqual([]);
    expect(await w.store.openPortsFor([TN], '')).toEqual([expect.objectContaining({ tn: TN, pon: (await w.store.byTaskKey(portOf(winner).idempotencyKey))!.request.pon })]);
    // a task that made no request has nothing to withdraw; one already withdrawn, nothing more
    await w.portIn.cancelPortIn({ idempotencyKey: 'order-9:port-in-number~undo', portTaskKey: 'order-9:port-in-number' });
    await w.portIn.cancelPortIn({ idempotencyKey: `${portOf(loser).idempotencyKey}~undo`, portTaskKey: portOf(loser).idempotencyKey });
    expect((await w.store.list()).length).toBe(2);
  });

  it('a port whose cancel the carrier has confirmed, though nothing applied it yet, does not hold off the next order', async () => {
    const w = aWorld(stores[name]!());
    const first = await w.portIn.requestPortIn(portOf(1));
    await w.portIn.cancelPortIn({ idempotencyKey: `${portOf(1).idempotencyKey}~undo`, portTaskKey: portOf(1).idempotencyKey });
    expect((await w.store.byId(first.portRequestId!))!.request.state).toBe('CANCEL_PENDING');
    // the carrier confirms the cancel; no re-check of the first order applies it
    w.world.scheduler.runUntil(MONDAY_9 + DAY);
    w.clock.advanceTo(MONDAY_9 + DAY);
    const next = await w.portIn.requestPortIn(portOf(2));
    expect((await w.store.byId(first.portRequestId!))!.request.state).toBe('CANCELLED');
    expect((await w.store.byId(next.portRequestId!))!.request.state).toBe('SUBMITTED');
  });

  it('completes a ported request once every post-port check has passed, and records nothing on one not yet ported', async () => {
    const w = aWorld(stores[name]!());
    const key = portOf(1).idempotencyKey;
    await w.portIn.requestPortIn(portOf(1));
    await w.portIn.recordPostPortChecks(key, ['testCall', 'testSms', 'e911', 'cnam', 'messaging']);
    expect((await w.store.byTaskKey(key))!.request.postPort.testCall).toBe(false);
    expect((await w.run(portOf(1), MONDAY_9 + 3 * DAY)).outcome).toBe('ported');
    await w.portIn.recordPostPortChecks(key, ['testCall', 'testSms', 'e911']);
    expect((await w.store.byTaskKey(key))!.request.state).toBe('PORTED');
    await w.portIn.recordPostPortChecks(key, ['testCall', 'testSms', 'e911', 'cnam', 'messaging']);
    const done = (await w.store.byTaskKey(key))!;
    expect(done.request.state).toBe('COMPLETED');
    expect(done.timeline.filter((e) => e.type === 'postPortCheckPassed')).toHaveLength(5);
    // the number is ours: no open port order holds it any more
    expect(await w.store.openPortsFor([TN], '')).toEqual([]);
  });

  it('a port-in whose number a port being cancelled holds waits for the carrier to confirm the cancel, then ports; after two days it falls out', async () => {
    const w = aWorld(stores[name]!());
    const first = await w.portIn.requestPortIn(portOf(1));
    await w.portIn.cancelPortIn({ idempotencyKey: `${portOf(1).idempotencyKey}~undo`, portTaskKey: portOf(1).idempotencyKey });
    const waiting = await w.portIn.requestPortIn(portOf(2));
    expect(waiting.portRequestId).toBeUndefined();
    expect(waiting.checkAgainAt).toBeGreaterThan(w.clock.now());
    expect(await w.store.byTaskKey(portOf(2).idempotencyKey)).toBeUndefined();
    // the carrier confirms the cancel on a later check; the second order then makes its request and ports
    const run = await w.run(portOf(2), MONDAY_9 + 6 * DAY);
    expect(run.outcome).toBe('ported');
    expect((await w.store.byId(first.portRequestId!))!.request.state).toBe('CANCELLED');

    // a cancel left unconfirmed for two days stops holding the next order back: it falls out, naming
    // the holder, for a person to look at
    const v = aWorld(stores[name]!());
    const stuck = (await v.store.byId((await v.portIn.requestPortIn(portOf(1))).portRequestId!))!;
    const lastActivityAt = new Date(MONDAY_9 - 3 * DAY).toISOString();
    expect(await v.store.save({ ...stuck, request: { ...stuck.request, state: 'CANCEL_PENDING', lastActivityAt } }, stuck.revision)).toBe('saved');
    await expect(v.portIn.requestPortIn(portOf(3))).rejects.toThrow(`${TN} in ${stuck.request.pon}`);
  });

  it('tells activation which numbers a port request ported: none before it ports, not those taken off it', async () => {
    const w = aWorld(stores[name]!());
    const key = portOf(1).idempotencyKey;
    await w.portIn.requestPortIn(portOf(1));
    expect(await w.portIn.portedNumbers(key)).toBeUndefined();
    expect((await w.run(portOf(1), MONDAY_9 + 3 * DAY)).outcome).toBe('ported');
    expect(await w.portIn.portedNumbers(key)).toEqual([TN]);
    expect(await w.portIn.portedNumbers('order-9:port-in-number')).toBeUndefined();
    // a line taken off the request (split off by a supplement) is not reported as ported
    const stored = (await w.store.byTaskKey(key))!;
    const lines = [...stored.request.lines, { ...stored.request.lines[0]!, tn: '2125550102', status: 'REMOVED' as const }];
    expect(await w.store.save({ ...stored, request: { ...stored.request, lines } }, stored.revision)).toBe('saved');
    expect(await w.portIn.portedNumbers(key)).toEqual([TN]);
  });
});
