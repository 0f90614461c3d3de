import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../src/domain/porting/business-calendar.js';
import { DEFAULT_PORT_POLICY } from '../../src/domain/porting/port-policy.js';
import { newPortRequest } from '../../src/domain/porting/port-request.js';
import type { PortRequestStore, PortTimelineEntry, StoredPortRequest } from '../../src/ports/port-request-store.js';

/** A port request store under test and its disposal. */
export interface PortRequestStoreHandle {
  readonly store: PortRequestStore;
  close(): Promise<void>;
}

const T0 = Date.parse('2025-05-19T13:00:00.000Z');
const address = { line1: '123 N Main St Apt 4', city: 'New York', state: 'NY', postalCode: '10001' };

/** A stored port request of task `n` in DRAFT, not yet saved (revision 0). */
export function aRecord(n: number, timeline: readonly PortTimelineEntry[] = []): StoredPortRequest {
  const request = newPortRequest({
    id: `port-${n}`, pon: `PON-${n}`, kind: 'WIRELINE_NON_SIMPLE',
    losingCarrier: { name: 'Incumbent Telephone', spid: 'ILEC', profileId: 'wireline_ilec_gateway' },
    newProvider: { spid: 'PRVS', companyCode: 'PRV', lrn: '2125559999' }, calendar: DEFAULT_CALENDAR, policy: DEFAULT_PORT_POLICY,
    submitted: { accountNumber: 'ACC-1001', pin: '4321', authorizedName: 'Ann Lee', serviceAddress: address, btn: '3125550101' },
    lines: [{ tn: '3125550101', isBtn: true }, { tn: '3125550102' }], requestedDue: { kind: 'DATE', date: '2025-05-23' },
    partialPort: true, remainingTnDisposition: 'KEEP_WITH_OLD_PROVIDER', newBtn: '3125550103',
  }, T0);
  return { taskKey: `order-${n}:3.port`, request, timeline, revision: 0 };
}

const entry = (type: string, version: number): PortTimelineEntry => ({
  at: new Date(T0).toISOString(), direction: 'OUT', type, version, raw: { body: { pin: '***', tns: ['3125550101'] } }, normalised: { idempotencyKey: `k-${type}` },
});

/** The behaviour every PortRequestStore adapter must show. */
export function describePortRequestStoreContract(name: string, open: () => Promise<PortRequestStoreHandle>): void {
  describe(`PortRequestStore contract: ${name}`, () => {
    let h: PortRequestStoreHandle;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => h.close());

    it('stores a new request at revision 1 and finds it by id, task key and PON, as saved', async () => {
      const rec = aRecord(1, [entry('PortRequest', 1)]);
      expect(await h.store.save(rec, 0)).toBe('saved');
      const want = { ...rec, revision: 1 };
      expect(await h.store.byId('port-1')).toEqual(want);
      expect(await h.store.byTaskKey('order-1:3.port')).toEqual(want);
      expect(await h.store.byPon('PON-1')).toEqual(want);
      expect([await h.store.byId('nope'), await h.store.byTaskKey('nope'), await h.store.byPon('nope')]).toEqual([undefined, undefined, undefined]);
    });

    it('refuses a second request with the same id, task key or PON', async () => {
      expect(await h.store.save(aRecord(1), 0)).toBe('saved');
      const clash = aRecord(2);
      expect(await h.store.save({ ...clash, taskKey: 'order-1:3.port' }, 0)).toBe('conflict');
      expect(await h.store.save({ ...clash, request: { ...clash.request, pon: 'PON-1' } }, 0)).toBe('conflict');
      expect(await h.store.save({ ...clash, request: { ...clash.request, id: 'port-1' } }, 0)).toBe('conflict');
      expect((await h.store.list()).map((r) => r.request.id)).toEqual(['port-1']);
    });

    it('updates only from the revision it read: a stale save changes nothing', async () => {
      await h.store.save(aRecord(1), 0);
      const read = (await h.store.byId('port-1'))!;
      const next = { ...read, request: { ...read.request, state: 'VALIDATING' as const, version: 1 }, timeline: [entry('validate', 1)] };
      expect(await h.store.save(next, read.revision)).toBe('saved');
      const stale = { ...read, request: { ...read.request, state: 'CANCELLED' as const } };
      expect(await h.store.save(stale, read.revision)).toBe('conflict');
      const now = (await h.store.byId('port-1'))!;
      expect([now.revision, now.request.state, now.timeline]).toEqual([2, 'VALIDATING', [entry('validate', 1)]]);
    });

    it('lets exactly one of two concurrent saves from the same revision win', async () => {
      await h.store.save(aRecord(1), 0);
      const read = (await h.store.byId('port-1'))!;
      const outcomes = await Promise.all(['SUBMITTED', 'CANCELLED'].map((state) => h.store.save({ ...read, request: { ...read.request, state: state as 'SUBMITTED' } }, read.revision)));
      expect(outcomes.sort()).toEqual(['conflict', 'saved']);
      expect((await h.store.byId('port-1'))!.revision).toBe(2);
    });

    it('finds the other open requests holding a number, not the asking one, and forgets them once they end or drop the line', async () => {
      await h.store.save(aRecord(1), 0);
      const a = (await h.store.byId('port-1'))!;
      expect(await h.store.save({ ...a, request: { ...a.request, state: 'SUBMITTED' } }, a.revision)).toBe('saved');
      await h.store.save(aRecord(2), 0);
      expect(await h.store.openPortsFor(['3125550101', '3125550199'], 'port-2')).toEqual([{ tn: '3125550101', id: 'port-1', pon: 'PON-1' }]);
      // port-2 is a draft that claimed the numbers after port-1: it does not hold them against port-1
      expect(await h.store.openPortsFor(['3125550101', '3125550102'], 'port-1')).toEqual([]);
      expect(await h.store.openPortsFor([], 'port-2')).toEqual([]);
      const submitted = (await h.store.byId('port-1'))!;
      const lines = submitted.request.lines.map((l) => (l.tn === '3125550102' ? { ...l, status: 'REMOVED' as const } : l));
      expect(await h.store.save({ ...submitted, request: { ...submitted.request, lines } }, submitted.revision)).toBe('saved');
      expect(await h.store.openPortsFor(['3125550101', '3125550102'], 'port-2')).toEqual([{ tn: '3125550101', id: 'port-1', pon: 'PON-1' }]);
      const fewer = (await h.store.byId('port-1'))!;
      expect(await h.store.save({ ...fewer, request: { ...fewer.request, state: 'CANCELLED' } }, fewer.revision)).toBe('saved');
      expect(await h.store.openPortsFor(['3125550101', '3125550102'], 'port-2')).toEqual([]);
    });

    it('lets go of the numbers once they are ported (only post-port checks remain) or while the carrier has the request rejected', async () => {
      await h.store.save(aRecord(1), 0);
      const a = (await h.store.byId('port-1'))!;
      expect(await h.store.save({ ...a, request: { ...a.request, state: 'ACTIVATING' } }, a.revision)).toBe('saved');
      expect((await h.store.openPortsFor(['3125550101'], 'port-2')).map((o) => o.id)).toEqual(['port-1']);
      const activating = (await h.store.byId('port-1'))!;
      expect(await h.store.save({ ...activating, request: { ...activating.request, state: 'PORTED' } }, activating.revision)).toBe('saved');
      expect(await h.store.openPortsFor(['3125550101', '3125550102'], 'port-2')).toEqual([]);
      // a request the carrier rejected holds nothing either (resubmitted after a correction, it holds again)
      await h.store.save(aRecord(2), 0);
      const b = (await h.store.byId('port-2'))!;
      expect(await h.store.save({ ...b, request: { ...b.request, state: 'REJECTED' } }, b.revision)).toBe('saved');
      expect(await h.store.openPortsFor(['3125550101'], 'port-3')).toEqual([]);
      const rejected = (await h.store.byId('port-2'))!;
      expect(await h.store.save({ ...rejected, request: { ...rejected.request, state: 'SUBMITTED' } }, rejected.revision)).toBe('saved');
      expect((await h.store.openPortsFor(['3125550101'], 'port-3')).map((o) => o.id)).toEqual(['port-2']);
    });

    it('of two drafts claiming the same number, holds it for the first against the second only', async () => {
      await h.store.save(aRecord(5), 0);
      await h.store.save(aRecord(4), 0);
      expect(await h.store.openPortsFor(['3125550102'], 'port-4')).toEqual([{ tn: '3125550102', id: 'port-5', pon: 'PON-5' }]);
      expect(await h.store.openPortsFor(['3125550102'], 'port-5')).toEqual([]);
      // a request that never saved (no claim yet) sees every open holder
      expect((await h.store.openPortsFor(['3125550101'], 'port-9')).map((o) => o.id)).toEqual(['port-4', 'port-5']);
    });

    it('lists every request (in no promised order: the coordinator sorts by SLA risk)', async () => {
      for (const n of [3, 1, 2]) await h.store.save(aRecord(n), 0);
      expect((await h.store.list()).map((r) => [r.request.id, r.taskKey, r.revision]).sort()).toEqual([
        ['port-1', 'order-1:3.port', 1], ['port-2', 'order-2:3.port', 1], ['port-3', 'order-3:3.port', 1],
      ]);
    });
  });
}
