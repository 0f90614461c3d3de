import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SKUS, stockOnHand, type Customer } from '../../sim/world/index.js';
import { VirtualClock } from '../../src/adapters/clock/virtual-clock.js';
import type { SimulatedSystems } from '../../src/adapters/simulators/index.js';
import { stackSaturated } from '../../src/adapters/simulators/provisioning-load.js';
import { closeSqliteDatabase, openSqliteDatabase } from '../../src/adapters/sqlite/sqlite-database.js';
import { SqliteEffectLedger } from '../../src/adapters/sqlite/sqlite-effect-ledger.js';
import { aCustomer, anItem, anOrder, installAt, MONDAY, outcome, simulate, world } from './simulators-fixtures.js';

const HOUR = 3_600_000;
const inStock = (c: Customer): boolean => ['ONT-XGS', 'ESIM-PROFILE', 'RTR-WIFI6'].every((id) => stockOnHand(world.seed, c.regionId, SKUS.find((s) => s.id === id)!, new Date(MONDAY)) > 0);
const customer = aCustomer((c) => world.region(c.regionId)?.legacy === false && world.buildings.byId(c.buildingId)?.kind === 'single-dwelling' && inStock(c));
const place = installAt(world.buildings.byId(customer.buildingId)!);
const order = anOrder('o1', customer, [anItem('1', 'po-fiber-500', { places: [place as never] }), anItem('2', 'po-cpe-router-wifi6', { related: ['1'] })]);
const k = (task: string) => `o1:${task}`;

/** Every effectful operation of every port, each under its own key. */
const CALLS: readonly [string, (s: SimulatedSystems) => Promise<unknown>][] = [
  ['reserveSim', (s) => s.inventory.reserveSim({ idempotencyKey: k('1.sim'), simType: 'esim' })],
  ['reserveNumber', (s) => s.inventory.reserveNumber({ idempotencyKey: k('1.number') })],
  ['reserveNetworkPort', (s) => s.inventory.reserveNetworkPort({ idempotencyKey: k('1.port'), technology: 'fiber' })],
  ['releaseSim', (s) => s.inventory.releaseSim({ idempotencyKey: k('1.sim~undo'), iccid: 'X' })],
  ['provisionSubscriber', (s) => s.subscribers.provisionSubscriber({ idempotencyKey: k('1.subscriber') })],
  ['activateService', (s) => s.activation.activateService({ idempotencyKey: k('1.activate'), characteristics: {} })],
  ['configureNetwork', (s) => s.activation.configureNetwork({ idempotencyKey: k('1.network'), productType: 'fiber', characteristics: {} })],
  ['revert', (s) => s.activation.revert({ idempotencyKey: k('1.activate~undo'), ref: 'SER-1' })],
  ['checkPortedNumber', (s) => s.activation.checkPortedNumber({ idempotencyKey: k('1.activate/check/3125550147'), msisdn: '3125550147' })],
  ['ship', (s) => s.logistics.ship({ idempotencyKey: k('2.ship'), offeringId: 'po-cpe-router-wifi6' })],
  ['scheduleVisit', (s) => s.fieldService.scheduleVisit({ idempotencyKey: k('1.visit'), earliest: MONDAY })],
  ['applyItem', (s) => s.billing.applyItem({ idempotencyKey: k('1.billing'), action: 'modify', productType: 'fiber' })],
  ['recordItem', (s) => s.crm.recordItem({ idempotencyKey: k('1.crm'), action: 'add', productType: 'fiber' })],
  ['submitWorkOrder', (s) => s.legacy.submitWorkOrder({ idempotencyKey: k('1.legacy'), productType: 'dsl', payload: {} })],
];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('one effect per idempotency key', () => {
  it.each(CALLS)('%s called twice applies one effect and returns the first result', async (_name, call) => {
    const { systems, ledger } = simulate({ orders: [order] });
    const first = await call(systems);
    const again = await call(systems);
    expect(again).toEqual(first);
    expect((await ledger.report()).totalApplied).toBe(1);
  });

  it('answers a repeat after a restart from the ledger in the database, without a second effect', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'provisio-sim-restart-'));
    dirs.push(dir);
    const path = join(dir, 'provisio.db');
    const results: unknown[][] = [];
    for (let life = 0; life < 2; life++) {
      const db = openSqliteDatabase({ path });
      const ledger = new SqliteEffectLedger(db, new VirtualClock(MONDAY));
      const { systems } = simulate({ orders: [order], ledger });
      results.push(await Promise.all(CALLS.map(([, call]) => call(systems))));
      await ledger.drain();
      const report = await ledger.report();
      closeSqliteDatabase(db);
      expect(report).toMatchObject({ totalApplied: CALLS.length, duplicates: 0, refused: 0 });
    }
    expect(results[1]).toEqual(results[0]);
  });

  it('lets exactly one of concurrent first calls of a key apply its effect', async () => {
    const db = openSqliteDatabase({ path: ':memory:' });
    const ledger = new SqliteEffectLedger(db, new VirtualClock(MONDAY));
    const { systems } = simulate({ orders: [order], ledger });
    const ports = await Promise.all([1, 2, 3, 4].map(() => systems.inventory.reserveNetworkPort({ idempotencyKey: k('1.port'), technology: 'fiber' })));
    expect(new Set(ports.map((p) => p.portId)).size).toBe(1);
    expect(await ledger.report()).toMatchObject({ totalApplied: 1, duplicates: 0, refused: 3 });
    expect(systems.stats.snapshot().inventory).toMatchObject({ applied: 1, replays: 3 });
    closeSqliteDatabase(db);
  });

  it('keeps the effect of a call whose answer was lost to a timeout, and returns it on retry', async () => {
    const legacy: Customer = aCustomer((c) => world.region(c.regionId)?.legacy === true);
    const busy = Array.from({ length: 24 * 14 }, (_, h) => MONDAY + h * HOUR).find((t) => stackSaturated(world, 5, legacy.regionId, true, t));
    const orders = Array.from({ length: 20 }, (_, i) => anOrder(`L${i}`, legacy, [anItem('1', 'po-fiber-500')]));
    const { systems, ledger, clock } = simulate({ orders, at: busy! });
    const activate = (o: string) => systems.activation.activateAccess({ idempotencyKey: `${o}:1.activate`, productType: 'fiber' });
    expect((await Promise.all(orders.map((o) => outcome(activate(o.orderId))))).every((r) => r === 'retry:TIMEOUT')).toBe(true);
    const doneLate = (await Promise.all(orders.map(async (o) => ((await ledger.lookup(`${o.orderId}:1.activate`)) === undefined ? undefined : o.orderId)))).filter((x) => x !== undefined);
    expect(doneLate.length).toBeGreaterThan(0);
    expect(doneLate.length).toBeLessThan(orders.length);
    const recorded = await ledger.lookup(`${doneLate[0]!}:1.activate`);
    clock.advanceTo(busy! + 5 * HOUR);
    expect(await activate(doneLate[0]!)).toEqual(recorded?.effect);
    expect((await ledger.report()).totalApplied).toBe(doneLate.length);
  });
});
