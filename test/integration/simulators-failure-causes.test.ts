import { describe, expect, it } from 'vitest';
import { numbersFree, SKUS, stockOnHand, type Customer } from '../../sim/world/index.js';
import { stackSaturated } from '../../src/adapters/simulators/provisioning-load.js';
import { aCustomer, anItem, anOrder, installAt, MONDAY, outcome, simulate, world } from './simulators-fixtures.js';

const HOUR = 3_600_000;
const onNewStack = (c: Customer): boolean => world.region(c.regionId)?.legacy === false;
const home = (c: Customer) => world.buildings.byId(c.buildingId)!;
const single = aCustomer((c) => onNewStack(c) && home(c).kind === 'single-dwelling');
const mdu = aCustomer((c) => onNewStack(c) && home(c).kind === 'multi-dwelling');
const key = (order: string, task: string) => `${order}:${task}`;

describe('inventory', () => {
  it('runs the regional warehouse out of SIMs after the units on hand that day', async () => {
    const sku = SKUS.find((s) => s.id === 'SIM-NANO')!;
    const onHand = stockOnHand(world.seed, single.regionId, sku, new Date(MONDAY));
    const orders = Array.from({ length: onHand + 1 }, (_, i) => anOrder(`s${i}`, single, [anItem('1', 'po-sim-physical')]));
    const { systems } = simulate({ orders });
    const results: string[] = [];
    for (const o of orders) results.push(await outcome(systems.inventory.reserveSim({ idempotencyKey: key(o.orderId, '1.reserve'), simType: 'physical' })));
    expect(results.slice(0, onHand).every((r) => r === 'ok')).toBe(true);
    expect(results.at(-1)).toBe('fail:OUT_OF_STOCK');
  });

  it('refuses a number already assigned, and runs a short number pool dry', async () => {
    const { systems } = simulate({ orders: [anOrder('n1', single, [anItem('1', 'po-mobile-number')]), anOrder('n2', single, [anItem('1', 'po-mobile-number')])] });
    const first = await systems.inventory.reserveNumber({ idempotencyKey: key('n1', '1.reserve'), areaCode: world.region(single.regionId)!.areaCodes[0]! });
    expect(await outcome(systems.inventory.reserveNumber({ idempotencyKey: key('n2', '1.reserve'), msisdn: first.msisdn }))).toBe('fail:NUMBER_UNAVAILABLE');

    const DAY = 86_400_000;
    const short = world.regions.flatMap((r) => Array.from({ length: 90 }, (_, d) => ({ r, at: MONDAY + d * DAY }))).find(({ r, at }) => !r.legacy && numbersFree(world.seed, r.id, new Date(at)) <= 12);
    expect(short).toBeDefined();
    const customer = aCustomer((c) => c.regionId === short!.r.id);
    const free = numbersFree(world.seed, short!.r.id, new Date(short!.at));
    const orders = Array.from({ length: free + 1 }, (_, i) => anOrder(`p${i}`, customer, [anItem('1', 'po-mobile-number')]));
    const pool = simulate({ orders, at: short!.at });
    const results: string[] = [];
    for (const o of orders) results.push(await outcome(pool.systems.inventory.reserveNumber({ idempotencyKey: key(o.orderId, '1.reserve') })));
    expect(results.filter((r) => r === 'ok')).toHaveLength(free);
    expect(results.at(-1)).toBe('fail:NUMBER_POOL_EXHAUSTED');
  });

  it('reserves an access port only at an address the building registry serves', async () => {
    const b = home(mdu);
    const unit = b.units[0]!;
    const cases: [string, Record<string, unknown>][] = [
      ['ok', installAt(b, unit)],
      ['fail:UNIT_REQUIRED', installAt(b)],
      ['fail:UNIT_NOT_FOUND', installAt(b, '9Z9')],
      ['fail:ADDRESS_NOT_FOUND', installAt(b, unit, { postalCode: '99501' })],
      ['fail:ADDRESS_NOT_FOUND', installAt(b, unit, { streetName: `${b.address.streetName}x` })],
      ['fail:PO_BOX_NOT_SERVICEABLE', installAt(b, undefined, { poBox: '77' })],
      ['ok', installAt(home(single))],
    ];
    const orders = cases.map(([, place], i) => anOrder(`a${i}`, mdu, [anItem('1', 'po-fiber-500', { places: [place as never] })]));
    const { systems } = simulate({ orders });
    const got: string[] = [];
    for (const o of orders) got.push(await outcome(systems.inventory.reserveNetworkPort({ idempotencyKey: key(o.orderId, '1.port'), technology: 'dsl' })));
    expect(got).toEqual(cases.map(([expected]) => expected));
  });
});

describe('activation', () => {
  it('refuses an add-on the line cannot carry, and only on that line', async () => {
    const talkText = anOrder('i1', single, [anItem('1', 'po-mobile-plan-talk-text'), anItem('2', 'po-addon-voicemail', { related: ['1'] })]);
    const dataPlan = anOrder('i2', single, [anItem('1', 'po-mobile-plan-5gb'), anItem('2', 'po-addon-voicemail', { related: ['1'] })]);
    const twoLines = anOrder('i3', single, [anItem('1', 'po-mobile-plan-talk-text'), anItem('2', 'po-mobile-plan-5gb'), anItem('3', 'po-addon-voicemail', { related: ['2'] })]);
    const { systems } = simulate({ orders: [talkText, dataPlan, twoLines] });
    const modify = (o: string, item: string) => outcome(systems.activation.modifyService({ idempotencyKey: key(o, `${item}.change`), action: 'add', characteristics: {} }));
    expect(await modify('i1', '2')).toBe('fail:INCOMPATIBLE_SERVICES');
    expect(await outcome(systems.activation.activateService({ idempotencyKey: key('i1', '1.activate'), characteristics: {} }))).toBe('ok');
    expect(await modify('i2', '2')).toBe('ok');
    expect(await modify('i3', '3')).toBe('ok');
  });

  it('refuses a voice line whose emergency address does not exist', async () => {
    const b = home(single);
    const bad = anOrder('e1', single, [anItem('1', 'po-voip-line', { places: [{ ...installAt(b, undefined, { streetNumber: '1' }), role: 'serviceAddress' }] })]);
    const good = anOrder('e2', single, [anItem('1', 'po-voip-line', { places: [{ ...installAt(b), role: 'serviceAddress' }] })]);
    const { systems } = simulate({ orders: [bad, good] });
    const configure = (o: string) => outcome(systems.activation.configureNetwork({ idempotencyKey: key(o, '1.network'), productType: 'voip', characteristics: {} }));
    expect(await configure('e1')).toBe('fail:E911_ADDRESS_INVALID');
    expect(await configure('e2')).toBe('ok');
  });

  it('times out in a legacy region while its stack is saturated, and answers once the hour is over', async () => {
    const legacy = aCustomer((c) => world.region(c.regionId)?.legacy === true);
    const hours = Array.from({ length: 24 * 14 }, (_, h) => MONDAY + h * HOUR);
    const busy = hours.find((t) => stackSaturated(world, 5, legacy.regionId, true, t) && !stackSaturated(world, 5, legacy.regionId, true, t + HOUR));
    expect(busy).toBeDefined();
    const { systems, clock } = simulate({ orders: [anOrder('t1', legacy, [anItem('1', 'po-fiber-500')])], at: busy! });
    const activate = () => outcome(systems.activation.activateAccess({ idempotencyKey: key('t1', '1.activate'), productType: 'fiber' }));
    expect(await activate()).toBe('retry:TIMEOUT');
    expect(await activate()).toBe('retry:TIMEOUT');
    clock.advanceTo(busy! + HOUR);
    expect(await activate()).toBe('ok');
  });
});

describe('billing, porting, field service, legacy, transient failures', () => {
  it('refuses new products to a new account with a poor credit score', async () => {
    const poor = aCustomer((c) => c.creditScore < 540);
    const good = aCustomer((c) => c.creditScore > 700);
    const { systems } = simulate({ orders: [anOrder('c1', poor, [anItem('1', 'po-fiber-500')]), anOrder('c2', good, [anItem('1', 'po-fiber-500')]), anOrder('c3', poor, [anItem('1', 'po-fiber-500')], true)] });
    const bill = (o: string) => outcome(systems.billing.applyItem({ idempotencyKey: key(o, '1.billing'), action: 'add', productType: 'fiber' }));
    expect(await bill('c1')).toBe('fail:CREDIT_REFUSED');
    expect(await bill('c2')).toBe('ok');
    expect(await bill('c3')).toBe(poor.creditScore < 480 ? 'fail:CREDIT_REFUSED' : 'ok');
  });

  it('ports a number the losing carrier holds for the customer, and rejects what does not match its record', async () => {
    const holder = aCustomer((c) => c.carrierAccount !== undefined && c.carrierAccount.pin === undefined);
    const acct = holder.carrierAccount!;
    const carrier = world.carriers.find((c) => c.id === acct.carrierId)!;
    const item = (name: string) => anItem('1', 'po-number-port-in', { characteristics: { portingAuthorisationName: name } });
    const orders = ['ok', 'tn', 'acct', 'name'].map((k) => anOrder(`p-${k}`, holder, [item(k === 'name' ? 'Zebulon Quarrington' : acct.authorizedNames[0]!)]));
    const { systems, clock } = simulate({ orders });
    const port = (o: string, over: Partial<{ msisdn: string; accountNumber: string }> = {}) =>
      systems.portIn.requestPortIn({ idempotencyKey: key(o, '1.port'), msisdn: acct.tns[0]!, losingCarrier: carrier.name, accountNumber: acct.accountNumber, ...over });
    const first = await port('p-ok');
    expect(first.portedAt).toBeUndefined();
    expect(first.checkAgainAt).toBeGreaterThan(clock.now());
    clock.advanceTo(first.checkAgainAt!);
    expect(await port('p-ok')).toEqual({ portRequestId: first.portRequestId, portedAt: first.checkAgainAt });
    expect(await outcome(port('p-tn', { msisdn: '5550001111' }))).toBe('fail:TN_NOT_ON_ACCOUNT');
    expect(await outcome(port('p-acct', { accountNumber: '000' }))).toBe('fail:ACCOUNT_NUMBER_MISMATCH');
    expect(await outcome(port('p-name'))).toBe('fail:AUTH_NAME_MISMATCH');
  });

  it('books visits on business days and reports completed or failed visits once their time has passed', async () => {
    const orders = Array.from({ length: 80 }, (_, i) => anOrder(`v${i}`, single, [anItem('1', 'po-fiber-500')]));
    const { systems, clock, ledger } = simulate({ orders });
    const booked = await Promise.all(orders.map((o) => systems.fieldService.scheduleVisit({ idempotencyKey: key(o.orderId, '1.visit'), earliest: MONDAY })));
    for (const b of booked) expect([1, 2, 3, 4, 5]).toContain(new Date(b.at).getUTCDay());
    const status = (o: string) => systems.fieldService.visitStatus({ idempotencyKey: key(o, '1.install'), scheduledWithKey: key(o, '1.visit') });
    expect((await status('v0')).status).toBe('scheduled');
    clock.advanceTo(Math.max(...booked.map((b) => b.at)));
    const done = await Promise.all(orders.map((o) => status(o.orderId)));
    expect(done.filter((d) => d.status === 'failed').length).toBeGreaterThan(0);
    expect(done.filter((d) => d.status === 'completed').length).toBeGreaterThan(60);
    const completed = orders[done.findIndex((d) => d.status === 'completed')]!.orderId;
    const fresh = simulate({ orders, ledger, at: clock.now() });
    await fresh.systems.fieldService.cancelVisit({ idempotencyKey: key(completed, '1.visit~undo'), appointmentId: 'any' });
    expect((await fresh.systems.fieldService.visitStatus({ idempotencyKey: key(completed, '1.install'), scheduledWithKey: key(completed, '1.visit') })).status).toBe('failed');
  });

  it('keeps a legacy work order open for hours, then reports it done or rejected', async () => {
    const orders = Array.from({ length: 150 }, (_, i) => anOrder(`w${i}`, single, [anItem('1', 'po-dsl-100')]));
    const { systems, clock } = simulate({ orders });
    const submit = (o: string) => systems.legacy.submitWorkOrder({ idempotencyKey: key(o, '1.legacy'), productType: 'dsl', payload: {} });
    const open = await Promise.all(orders.map((o) => submit(o.orderId)));
    expect(open.every((w) => w.status === 'open' && w.checkAgainAt! > MONDAY + HOUR)).toBe(true);
    clock.advanceTo(Math.max(...open.map((w) => w.checkAgainAt!)));
    const later = await Promise.all(orders.map((o) => submit(o.orderId)));
    expect(later.map((w) => w.ticket)).toEqual(open.map((w) => w.ticket));
    expect(later.some((w) => w.status === 'rejected')).toBe(true);
    expect(later.filter((w) => w.status === 'done').length).toBeGreaterThan(130);
  });

  it('fails transiently at the configured rate, with the same draws for the same seed', async () => {
    const run = async (seed: number): Promise<string[]> => {
      const orders = Array.from({ length: 200 }, (_, i) => anOrder(`r${i}`, single, [anItem('1', 'po-fiber-500')]));
      const { systems } = simulate({ orders, seed, profiles: { crm: { medianMs: 150, spread: 0.5, transientRate: 0.2, legacyFronted: false } } });
      return Promise.all(orders.map((o) => outcome(systems.crm.recordItem({ idempotencyKey: key(o.orderId, '1.crm'), action: 'add', productType: 'fiber' }))));
    };
    const a = await run(1);
    const busy = a.filter((r) => r === 'retry:SYSTEM_BUSY').length;
    expect(busy).toBeGreaterThan(20);
    expect(busy).toBeLessThan(60);
    expect(await run(1)).toEqual(a);
    expect(await run(2)).not.toEqual(a);
  });

  it('answers everything at once and never fails in instant mode', async () => {
    const poor = aCustomer((c) => c.creditScore < 540);
    const { systems } = simulate({ mode: 'instant', orders: [anOrder('x1', poor, [anItem('1', 'po-fiber-500', { places: [installAt(home(mdu)) as never] })])] });
    expect(await outcome(systems.inventory.reserveNetworkPort({ idempotencyKey: key('x1', '1.port'), technology: 'fiber' }))).toBe('ok');
    expect(await outcome(systems.billing.applyItem({ idempotencyKey: key('x1', '1.billing'), action: 'add', productType: 'fiber' }))).toBe('ok');
    expect((await systems.fieldService.scheduleVisit({ idempotencyKey: key('x1', '1.visit'), earliest: MONDAY })).at).toBe(MONDAY);
    expect((await systems.legacy.submitWorkOrder({ idempotencyKey: key('x1', '1.legacy'), productType: 'dsl', payload: {} })).status).toBe('done');
  });
});
