import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { ConcurrencyConflict } from '../../src/ports/change-set.js';
import type { Filter } from '../../src/ports/order-query.js';
import type { OrderStore } from '../../src/ports/order-store.js';
import type { ProductOrder } from '../../src/domain/order/product-order.js';
import { aCancelRequest, aCustomer, anOrderItem, aProductOrder } from '../fixtures/product-order-builder.js';

/** An order store under test and how to dispose of it. */
export interface OrderStoreHandle {
  readonly store: OrderStore;
  close(): Promise<void>;
}

const page = (filters: Filter[], offset = 0, limit = 100) => ({ filters, offset, limit });
const ids = (items: readonly { id: string }[]) => items.map((o) => o.id);
const insert = (store: OrderStore, ...orders: ProductOrder[]) =>
  store.commit({ orders: orders.map((record) => ({ record, expectedVersion: null })) });

/** The behaviour every OrderStore adapter must show. */
export function describeOrderStoreContract(name: string, makeStore: () => Promise<OrderStoreHandle>): void {
  describe(`OrderStore contract: ${name}`, () => {
    let handle: OrderStoreHandle;
    let store: OrderStore;
    beforeEach(async () => {
      handle = await makeStore();
      store = handle.store;
    });
    afterEach(async () => handle.close());

    describe('round trip and versions', () => {
      it('returns a committed order exactly as written, createdAt byte for byte', async () => {
        const order = aProductOrder({ id: 'RT-1', createdAt: '2024-05-01T10:00:00Z', externalId: 'EXT-9' });
        await insert(store, order);
        const read = await store.getOrder('RT-1');
        expect(read).toEqual(order);
        expect(read?.createdAt).toBe('2024-05-01T10:00:00Z');
        expect(await store.getOrder('missing')).toBeUndefined();
      });

      it('refuses to insert an order id that already exists', async () => {
        await insert(store, aProductOrder({ id: 'V-1' }));
        await expect(insert(store, aProductOrder({ id: 'V-1', description: 'second' }))).rejects.toBeInstanceOf(
          ConcurrencyConflict,
        );
        expect((await store.getOrder('V-1'))?.description).toBeUndefined();
      });

      it('updates only when the stored version is the expected one', async () => {
        await insert(store, aProductOrder({ id: 'V-2' }));
        const v2 = aProductOrder({ id: 'V-2', version: 2, state: 'inProgress' });
        await store.commit({ orders: [{ record: v2, expectedVersion: 1 }] });
        const stale = aProductOrder({ id: 'V-2', version: 2, state: 'held' });
        await expect(store.commit({ orders: [{ record: stale, expectedVersion: 1 }] })).rejects.toBeInstanceOf(
          ConcurrencyConflict,
        );
        expect(await store.getOrder('V-2')).toEqual(v2);
        await expect(
          store.commit({ orders: [{ record: aProductOrder({ id: 'nobody', version: 2 }), expectedVersion: 1 }] }),
        ).rejects.toBeInstanceOf(ConcurrencyConflict);
      });

      it('finds an updated order by its new category, external id and parties, not by the old ones', async () => {
        const filterCount = async (path: string, value: string) => (await store.listOrders(page([{ path, op: 'eq', values: [value] }]))).total;
        await insert(store, aProductOrder({ id: 'U-1', category: 'mobile', externalId: 'EXT-1', relatedParty: [aCustomer('C-OLD')] }));
        // A state-only update keeps them (told that the parties stay, as the engine's updates are); then one that moves every indexed member.
        const v2 = aProductOrder({ id: 'U-1', version: 2, state: 'inProgress', category: 'mobile', externalId: 'EXT-1', relatedParty: [aCustomer('C-OLD')] });
        await store.commit({ orders: [{ record: v2, expectedVersion: 1, partiesUnchanged: true }] });
        expect([await filterCount('category', 'mobile'), await filterCount('relatedParty.id', 'C-OLD'), await filterCount('state', 'inProgress')]).toEqual([1, 1, 1]);
        const v3 = aProductOrder({ id: 'U-1', version: 3, state: 'inProgress', category: 'fiber', externalId: 'EXT-2', relatedParty: [aCustomer('C-NEW'), aCustomer('C-2ND')] });
        await store.commit({ orders: [{ record: v3, expectedVersion: 2 }] });
        expect(await store.getOrder('U-1')).toEqual(v3);
        expect([await filterCount('category', 'mobile'), await filterCount('externalId', 'EXT-1'), await filterCount('relatedParty.id', 'C-OLD')]).toEqual([0, 0, 0]);
        expect([await filterCount('category', 'fiber'), await filterCount('externalId', 'EXT-2'), await filterCount('relatedParty.id', 'C-2ND')]).toEqual([1, 1, 1]);
        // Dropping the parties leaves none behind; a stale version still conflicts.
        await store.commit({ orders: [{ record: { ...v3, version: 4, relatedParty: [] }, expectedVersion: 3 }] });
        expect(await filterCount('relatedParty.id', 'C-NEW')).toBe(0);
        await expect(store.commit({ orders: [{ record: { ...v3, version: 4 }, expectedVersion: 3 }] })).rejects.toBeInstanceOf(ConcurrencyConflict);
      });

      it('writes nothing of a change set in which one record conflicts', async () => {
        await insert(store, aProductOrder({ id: 'A-1' }));
        const fresh = aProductOrder({ id: 'A-2' });
        const conflicting = aProductOrder({ id: 'A-1', version: 3 });
        await expect(
          store.commit({
            orders: [
              { record: fresh, expectedVersion: null },
              { record: conflicting, expectedVersion: 2 },
            ],
          }),
        ).rejects.toBeInstanceOf(ConcurrencyConflict);
        expect(await store.getOrder('A-2')).toBeUndefined();
      });
    });

    describe('deletion', () => {
      it('removes the order and it no longer shows up in lists, also by party', async () => {
        await insert(store, aProductOrder({ id: 'D-1', relatedParty: [aCustomer('C-DEL')] }), aProductOrder({ id: 'D-2' }));
        await expect(store.commit({ deletedOrders: [{ id: 'D-1', expectedVersion: 7 }] })).rejects.toBeInstanceOf(
          ConcurrencyConflict,
        );
        await store.commit({ deletedOrders: [{ id: 'D-1', expectedVersion: 1 }] });
        expect(await store.getOrder('D-1')).toBeUndefined();
        expect((await store.listOrders(page([{ path: 'relatedParty.id', op: 'eq', values: ['C-DEL'] }]))).total).toBe(0);
        expect(ids((await store.listOrders(page([]))).items)).toEqual(['D-2']);
        // the id can be used again once deleted
        await insert(store, aProductOrder({ id: 'D-1' }));
        expect(await store.getOrder('D-1')).toBeDefined();
      });
    });

    describe('listing', () => {
      const orders = [
        aProductOrder({
          id: 'L-1',
          createdAt: '2024-05-01T08:00:00.000Z',
          state: 'acknowledged',
          category: 'mobile',
          externalId: 'EXT-1',
          relatedParty: [aCustomer('C-1'), aCustomer('REP-7', { role: 'seller', '@referredType': 'Individual' })],
          items: [anOrderItem({ id: '1', state: 'acknowledged', quantity: 1 })],
          requestedStartDate: '2024-06-01T00:00:00+02:00',
        }),
        aProductOrder({
          id: 'L-2',
          createdAt: '2024-05-02T08:00:00.000Z',
          state: 'inProgress',
          category: 'fixed',
          externalId: 'EXT-2',
          relatedParty: [aCustomer('C-2')],
          items: [
            anOrderItem({ id: '1', state: 'completed', action: 'modify', quantity: 3 }),
            anOrderItem({ id: '2', state: 'inProgress', productOffering: { id: 'PO-FIBRE-1G' } }),
          ],
          requestedStartDate: '2024-05-31T23:30:00Z',
          priority: '1',
        }),
        aProductOrder({
          id: 'L-3',
          createdAt: '2024-05-03T08:00:00.000Z',
          state: 'completed',
          category: 'mobile',
          relatedParty: [aCustomer('C-1')],
          items: [anOrderItem({ id: '1', state: 'completed', quantity: 12 })],
          description: 'port-in with new SIM',
          extra: { isBundle: true, channel: { id: 'CH-WEB', name: 'Web "shop"' } },
        }),
      ];
      beforeEach(async () => insert(store, ...orders));
      const list = async (...filters: Filter[]) => ids((await store.listOrders(page(filters))).items);

      it('lists newest first with the total', async () => {
        const all = await store.listOrders(page([]));
        expect(all.total).toBe(3);
        expect(ids(all.items)).toEqual(['L-3', 'L-2', 'L-1']);
      });

      it('filters on state, ORing several values', async () => {
        expect(await list({ path: 'state', op: 'eq', values: ['completed'] })).toEqual(['L-3']);
        expect(await list({ path: 'state', op: 'eq', values: ['acknowledged', 'inProgress'] })).toEqual(['L-2', 'L-1']);
      });

      it('filters on id, externalId, category, priority and description', async () => {
        expect(await list({ path: 'id', op: 'eq', values: ['L-2', 'nope'] })).toEqual(['L-2']);
        expect(await list({ path: 'externalId', op: 'eq', values: ['EXT-1'] })).toEqual(['L-1']);
        expect(await list({ path: 'category', op: 'eq', values: ['mobile'] })).toEqual(['L-3', 'L-1']);
        expect(await list({ path: 'priority', op: 'eq', values: ['1'] })).toEqual(['L-2']);
        expect(await list({ path: 'description', op: 'eq', values: ['port-in with new SIM'] })).toEqual(['L-3']);
      });

      it('compares createdAt as an instant whatever the offset notation', async () => {
        expect(await list({ path: 'createdAt', op: 'gte', values: ['2024-05-02T10:00:00+02:00'] })).toEqual(['L-3', 'L-2']);
        expect(await list({ path: 'createdAt', op: 'gt', values: ['2024-05-02T08:00:00Z'] })).toEqual(['L-3']);
        expect(
          await list(
            { path: 'createdAt', op: 'gt', values: ['2024-05-01'] },
            { path: 'createdAt', op: 'lt', values: ['2024-05-03T08:00:00.000Z'] },
          ),
        ).toEqual(['L-2', 'L-1']);
        expect(await list({ path: 'createdAt', op: 'lte', values: ['2024-05-01T08:00:00.000Z'] })).toEqual(['L-1']);
        expect(await list({ path: 'createdAt', op: 'eq', values: ['2024-05-02T10:00:00+02:00'] })).toEqual(['L-2']);
      });

      it('compares other dates as instants too', async () => {
        // L-1 starts 2024-05-31T22:00Z, L-2 at 23:30Z
        expect(await list({ path: 'requestedStartDate', op: 'lt', values: ['2024-05-31T23:00:00Z'] })).toEqual(['L-1']);
        expect(await list({ path: 'requestedStartDate', op: 'gte', values: ['2024-05-31T23:00:00Z'] })).toEqual(['L-2']);
      });

      it('matches related parties by id and role, any party counting', async () => {
        expect(await list({ path: 'relatedParty.id', op: 'eq', values: ['C-1'] })).toEqual(['L-3', 'L-1']);
        expect(await list({ path: 'relatedParty.id', op: 'eq', values: ['REP-7', 'C-2'] })).toEqual(['L-2', 'L-1']);
        expect(await list({ path: 'relatedParty.role', op: 'eq', values: ['seller'] })).toEqual(['L-1']);
      });

      it('matches item attributes when any item matches', async () => {
        expect(await list({ path: 'items.state', op: 'eq', values: ['completed'] })).toEqual(['L-3', 'L-2']);
        expect(await list({ path: 'items.state', op: 'eq', values: ['inProgress'] })).toEqual(['L-2']);
        expect(await list({ path: 'items.action', op: 'eq', values: ['modify'] })).toEqual(['L-2']);
        expect(await list({ path: 'items.productOffering.id', op: 'eq', values: ['PO-FIBRE-1G'] })).toEqual(['L-2']);
      });

      it('matches numbers, booleans and quoted text in the stored document', async () => {
        expect(await list({ path: 'items.quantity', op: 'eq', values: ['3', '1'] })).toEqual(['L-2', 'L-1']);
        expect(await list({ path: 'extra.isBundle', op: 'eq', values: ['true'] })).toEqual(['L-3']);
        expect(await list({ path: 'extra.channel.name', op: 'eq', values: ['Web "shop"'] })).toEqual(['L-3']);
        expect(await list({ path: 'extra.channel', op: 'eq', values: ['CH-WEB'] })).toEqual([]);
      });

      it('compares numbers numerically', async () => {
        expect(await list({ path: 'items.quantity', op: 'gt', values: ['2'] })).toEqual(['L-3', 'L-2']);
        expect(await list({ path: 'items.quantity', op: 'gte', values: ['12'] })).toEqual(['L-3']);
      });

      it('ANDs filters', async () => {
        expect(
          await list({ path: 'category', op: 'eq', values: ['mobile'] }, { path: 'relatedParty.id', op: 'eq', values: ['C-1'] }, { path: 'state', op: 'eq', values: ['acknowledged'] }),
        ).toEqual(['L-1']);
      });

      it('returns nothing, without failing, for a path no order has', async () => {
        const result = await store.listOrders(page([{ path: 'no.such.path', op: 'eq', values: ['x'] }]));
        expect(result).toEqual({ total: 0, items: [] });
      });
    });

    describe('paging', () => {
      it('pages newest first (createdAt, then id, descending) and counts before paging', async () => {
        const many = Array.from({ length: 25 }, (_, i) =>
          aProductOrder({ id: `P-${String(i).padStart(2, '0')}`, createdAt: `2024-05-${String(1 + (i % 5)).padStart(2, '0')}T00:00:00.000Z` }),
        );
        await insert(store, ...many);
        const expected = [...many]
          .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))
          .map((o) => o.id);
        const second = await store.listOrders(page([], 10, 10));
        expect(second.total).toBe(25);
        expect(ids(second.items)).toEqual(expected.slice(10, 20));
        const last = await store.listOrders(page([], 20, 10));
        expect(ids(last.items)).toEqual(expected.slice(20));
        expect((await store.listOrders(page([], 30, 10))).items).toEqual([]);
      });
    });

    describe('cancel requests', () => {
      it('stores, versions and lists cancel requests by order, state and date', async () => {
        await insert(store, aProductOrder({ id: 'O-1' }), aProductOrder({ id: 'O-2' }));
        const c1 = aCancelRequest({ id: 'CR-1', orderId: 'O-1', createdAt: '2024-05-01T11:00:00.000Z' });
        const c2 = aCancelRequest({ id: 'CR-2', orderId: 'O-2', createdAt: '2024-05-02T11:00:00.000Z' });
        await store.commit({ cancelRequests: [c1, c2].map((record) => ({ record, expectedVersion: null })) });
        expect(await store.getCancelRequest('CR-1')).toEqual(c1);
        const done = aCancelRequest({ ...c1, version: 2, state: 'inProgress' });
        await store.commit({ cancelRequests: [{ record: done, expectedVersion: 1 }] });
        await expect(store.commit({ cancelRequests: [{ record: done, expectedVersion: 1 }] })).rejects.toBeInstanceOf(
          ConcurrencyConflict,
        );
        const listIds = async (...filters: Filter[]) => ids((await store.listCancelRequests(page(filters))).items);
        expect(await listIds()).toEqual(['CR-2', 'CR-1']);
        expect(await listIds({ path: 'orderId', op: 'eq', values: ['O-1'] })).toEqual(['CR-1']);
        expect(await listIds({ path: 'state', op: 'eq', values: ['inProgress'] })).toEqual(['CR-1']);
        expect(await listIds({ path: 'createdAt', op: 'gt', values: ['2024-05-02'] })).toEqual(['CR-2']);
        expect(await listIds({ path: 'id', op: 'eq', values: ['CR-2'] })).toEqual(['CR-2']);
        expect(await listIds({ path: 'cancellationReason', op: 'eq', values: ['customer request'] })).toEqual(['CR-2', 'CR-1']);
        expect((await store.listCancelRequests(page([], 1, 1))).total).toBe(2);
      });
    });

    describe('concurrent commits', () => {
      it('fails only the conflicting change set among many committed together', async () => {
        await insert(store, aProductOrder({ id: 'G-0' }));
        const results = await Promise.allSettled(
          Array.from({ length: 60 }, (_, i) =>
            i === 30
              ? store.commit({ orders: [{ record: aProductOrder({ id: 'G-0', version: 5 }), expectedVersion: 4 }] })
              : insert(store, aProductOrder({ id: `G-${i + 1}` })),
          ),
        );
        const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [[i, r.reason]] : []));
        expect(failed).toHaveLength(1);
        expect(failed[0]?.[0]).toBe(30);
        expect(failed[0]?.[1]).toBeInstanceOf(ConcurrencyConflict);
        expect((await store.listOrders(page([]))).total).toBe(60);
        expect((await store.getOrder('G-0'))?.version).toBe(1);
      });

      it('lets exactly one of several concurrent updates of the same version win', async () => {
        await insert(store, aProductOrder({ id: 'R-1' }));
        const results = await Promise.allSettled(
          ['held', 'pending', 'inProgress'].map((state) =>
            store.commit({
              orders: [{ record: aProductOrder({ id: 'R-1', version: 2, state: state as ProductOrder['state'] }), expectedVersion: 1 }],
            }),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect((await store.getOrder('R-1'))?.version).toBe(2);
      });
    });
  });
}
