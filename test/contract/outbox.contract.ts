import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryQueue } from '../../src/ports/delivery-queue.js';
import type { HubListener, HubStore } from '../../src/ports/hub-store.js';
import type { OrderStore } from '../../src/ports/order-store.js';
import type { OrderEventType } from '../../src/domain/events/order-event.js';
import type { ProductOrder } from '../../src/domain/order/product-order.js';
import { anOrderEvent, aProductOrder } from '../fixtures/product-order-builder.js';

/** The stores an outbox adapter provides, sharing one transaction boundary, and their disposal. */
export interface OutboxHandle {
  readonly orders: OrderStore;
  readonly hub: HubStore;
  readonly deliveries: DeliveryQueue;
  close(): Promise<void>;
}

const T0 = 1_714_557_600_000;
const LEASE = 30_000;
const listener = (id: string, query?: string): HubListener => ({
  id,
  callback: `http://listener.test/${id}`,
  ...(query === undefined ? {} : { query }),
  createdAt: '2024-05-01T00:00:00.000Z',
});

/** The behaviour every HubStore + DeliveryQueue adapter pair must show. */
export function describeOutboxContract(name: string, makeStores: () => Promise<OutboxHandle>): void {
  describe(`HubStore + DeliveryQueue contract: ${name}`, () => {
    let s: OutboxHandle;
    beforeEach(async () => {
      s = await makeStores();
    });
    afterEach(async () => s.close());

    const create = (order: ProductOrder) =>
      s.orders.commit({ orders: [{ record: order, expectedVersion: null }], events: [anOrderEvent(order)] });
    const change = (order: ProductOrder, type: OrderEventType = 'ProductOrderStateChangeEvent') =>
      s.orders.commit({
        orders: [{ record: order, expectedVersion: order.version - 1 }],
        events: [anOrderEvent(order, { type })],
      });
    const claimed = async (now = T0, limit = 100) =>
      (await s.deliveries.claimDue(now, limit, LEASE)).map((d) => `${d.listener.id}:${d.event.id}`).sort();

    it('registers, reads, lists and removes listeners', async () => {
      await s.hub.addListener(listener('H-1', 'eventType=ProductOrderCreateEvent'));
      await s.hub.addListener(listener('H-2'));
      expect(await s.hub.getListener('H-1')).toEqual(listener('H-1', 'eventType=ProductOrderCreateEvent'));
      expect((await s.hub.listListeners()).map((l) => l.id).sort()).toEqual(['H-1', 'H-2']);
      expect(await s.hub.removeListener('H-1')).toBe(true);
      expect(await s.hub.removeListener('H-1')).toBe(false);
      expect(await s.hub.getListener('H-1')).toBeUndefined();
    });

    it('fans a committed event out to each listener whose query matches', async () => {
      await s.hub.addListener(listener('ALL'));
      await s.hub.addListener(listener('CREATES', 'eventType=ProductOrderCreateEvent'));
      await s.hub.addListener(listener('DONE', 'event.productOrder.state=completed'));
      await create(aProductOrder({ id: 'E-1' }));
      await change(aProductOrder({ id: 'E-1', version: 2, state: 'completed' }));
      expect(await claimed()).toEqual(['ALL:EV-E-1-1', 'CREATES:EV-E-1-1', 'DONE:EV-E-1-2']);
      expect((await s.deliveries.claimDue(T0, 100, LEASE)).length).toBe(0);
      const ev = (await s.deliveries.claimDue(T0 + LEASE, 100, LEASE)).find((d) => d.listener.id === 'DONE');
      expect(ev?.event.subject).toEqual({ kind: 'productOrder', order: aProductOrder({ id: 'E-1', version: 2, state: 'completed' }) });
      expect(ev?.listener.callback).toBe('http://listener.test/DONE');
      expect(ev?.attempts).toBe(0);
    });

    it('sends nothing for a change set that failed, nor to listeners added after the commit', async () => {
      await s.hub.addListener(listener('EARLY'));
      await create(aProductOrder({ id: 'F-1' }));
      await expect(create(aProductOrder({ id: 'F-1' }))).rejects.toThrow();
      await s.hub.addListener(listener('LATE'));
      expect(await claimed()).toEqual(['EARLY:EV-F-1-1']);
    });

    it('leases a delivery to one claimer until the lease expires', async () => {
      await s.hub.addListener(listener('L'));
      await create(aProductOrder({ id: 'X-1' }));
      await create(aProductOrder({ id: 'X-2' }));
      const [a, b] = await Promise.all([s.deliveries.claimDue(T0, 1, LEASE), s.deliveries.claimDue(T0, 1, LEASE)]);
      expect(a?.length).toBe(1);
      expect(b?.length).toBe(1);
      expect(a?.[0]?.id).not.toBe(b?.[0]?.id);
      expect(await claimed(T0 + LEASE - 1)).toEqual([]);
      expect(await claimed(T0 + LEASE)).toEqual(['L:EV-X-1-1', 'L:EV-X-2-1']);
    });

    it('retries a failed delivery at the scheduled time and gives up when told to', async () => {
      await s.hub.addListener(listener('L'));
      await create(aProductOrder({ id: 'R-1' }));
      await create(aProductOrder({ id: 'R-2' }));
      const [first, second] = await s.deliveries.claimDue(T0, 10, LEASE);
      await s.deliveries.markFailed(first!.id, 'HTTP 503', T0 + 5_000);
      await s.deliveries.markFailed(second!.id, 'HTTP 410', null);
      expect(await claimed(T0 + 4_999)).toEqual([]);
      const retry = await s.deliveries.claimDue(T0 + 5_000, 10, LEASE);
      expect(retry.map((d) => [d.id, d.attempts])).toEqual([[first!.id, 1]]);
      await s.deliveries.markDelivered(first!.id, T0 + 5_100);
      expect(await claimed(T0 + 10 * LEASE)).toEqual([]);
      expect(await s.deliveries.stats()).toEqual({ pending: 0, delivered: 1, dead: 1 });
    });

    it('hands out a listener’s deliveries about one order one at a time, in commit order', async () => {
      await s.hub.addListener(listener('A'));
      await s.hub.addListener(listener('B'));
      await create(aProductOrder({ id: 'S-1' }));
      await change(aProductOrder({ id: 'S-1', version: 2, state: 'inProgress' }));
      await create(aProductOrder({ id: 'S-2' }));
      const firstRound = await s.deliveries.claimDue(T0, 100, LEASE);
      expect(firstRound.map((d) => `${d.listener.id}:${d.event.id}`).sort()).toEqual([
        'A:EV-S-1-1',
        'A:EV-S-2-1',
        'B:EV-S-1-1',
        'B:EV-S-2-1',
      ]);
      const aFirst = firstRound.find((d) => d.listener.id === 'A' && d.event.id === 'EV-S-1-1')!;
      await s.deliveries.markFailed(aFirst.id, 'timeout', T0 + 1_000);
      // A's S-1 update waits behind the failed S-1 create; B's waits behind its leased create.
      expect(await claimed(T0 + 500)).toEqual([]);
      expect(await claimed(T0 + 1_000)).toEqual(['A:EV-S-1-1']);
      await s.deliveries.markDelivered(aFirst.id, T0 + 1_100);
      expect(await claimed(T0 + 1_200)).toEqual(['A:EV-S-1-2']);
    });

    it('drops pending deliveries of a removed listener', async () => {
      await s.hub.addListener(listener('GONE'));
      await s.hub.addListener(listener('STAYS'));
      await create(aProductOrder({ id: 'Z-1' }));
      await s.hub.removeListener('GONE');
      expect(await claimed()).toEqual(['STAYS:EV-Z-1-1']);
      expect((await s.deliveries.stats()).pending).toBe(1);
    });
  });
}
