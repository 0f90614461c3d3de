import { describe, expect, it } from 'vitest';
import { createWorld } from '../world/index.js';
import { DEFAULT_MIX, generateOrders, ORDER_TYPES, truthIndex, type GeneratedOrder } from './index.js';

const START = '2025-01-01T00:00:00Z';
const world = createWorld({ seed: 11, start: START, customers: 3000 });
const orders = generateOrders({ seed: 11, count: 4000, startTime: START, days: 120, world });

type Item = { id: string; productOrderItem?: Item[]; productOrderItemRelationship?: { id: string }[] };
const allItems = (items: Item[]): Item[] => items.flatMap((i) => [i, ...allItems(i.productOrderItem ?? [])]);
const share = (pred: (o: GeneratedOrder) => boolean, list = orders): number => list.filter(pred).length / list.length;

describe('generateOrders', () => {
  it('gives identical orders for the same seed and different ones for another seed', () => {
    const a = generateOrders({ seed: 5, count: 200, startTime: START, days: 30, world });
    const b = generateOrders({ seed: 5, count: 200, startTime: START, days: 30, world });
    const c = generateOrders({ seed: 6, count: 200, startTime: START, days: 30, world });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a.map((o) => o.body))).not.toBe(JSON.stringify(c.map((o) => o.body)));
  });

  it('returns orders sorted by submission time inside the window', () => {
    const times = orders.map((o) => Date.parse(o.submitAt));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse(START));
    expect(Math.max(...times)).toBeLessThan(Date.parse(START) + 120 * 86_400_000);
  });

  it('puts more orders on weekdays and at month end than on Sundays and mid-month', () => {
    const perDay = (pred: (d: Date) => boolean): number => {
      const days = new Set<string>();
      let n = 0;
      for (let t = Date.parse(START); t < Date.parse(START) + 120 * 86_400_000; t += 86_400_000) if (pred(new Date(t))) days.add(new Date(t).toISOString().slice(0, 10));
      for (const o of orders) if (days.has(o.submitAt.slice(0, 10))) n++;
      return n / days.size;
    };
    expect(perDay((d) => d.getUTCDay() === 0)).toBeLessThan(0.6 * perDay((d) => d.getUTCDay() === 2));
    expect(perDay((d) => d.getUTCDate() >= 26 && d.getUTCDay() > 0 && d.getUTCDay() < 6)).toBeGreaterThan(
      1.15 * perDay((d) => d.getUTCDate() >= 8 && d.getUTCDate() <= 20 && d.getUTCDay() > 0 && d.getUTCDay() < 6),
    );
  });

  it('writes well-formed bodies: unique ids, a customer party, items that reference existing items', () => {
    expect(new Set(orders.map((o) => o.body['externalId'])).size).toBe(orders.length);
    for (const { body } of orders) {
      const items = allItems(body['productOrderItem'] as Item[]);
      expect(items.length).toBeGreaterThan(0);
      const ids = items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const rel of items.flatMap((i) => i.productOrderItemRelationship ?? [])) expect(ids).toContain(rel.id);
      const parties = body['relatedParty'] as { role: string; id: string; '@referredType': string }[];
      const customer = parties.find((p) => p.role === 'customer');
      expect(customer?.['@referredType']).toBeTruthy();
      expect(world.customer(customer?.id ?? '')).toBeDefined();
    }
  });

  it('keeps the truth out of the order bodies', () => {
    const forbidden = ['truth', 'latent', 'causes', 'firstCause', 'probabilities', 'addressDefects', 'portMismatches', 'humanError'];
    const keys = (v: unknown): string[] =>
      v === null || typeof v !== 'object' ? [] : Object.entries(v).flatMap(([k, x]) => [k, ...keys(x)]);
    for (const o of orders) {
      expect(keys(o.body).filter((k) => forbidden.includes(k))).toEqual([]);
      expect(JSON.stringify(o.body)).not.toContain('"fallout"');
    }
    const index = truthIndex(orders);
    expect(index.size).toBe(orders.length);
    for (const o of orders.slice(0, 50)) expect(index.get(o.body['externalId'] as string)).toBe(o.truth);
  });

  it('follows the order-type mix within tolerance', () => {
    // Change orders for customers with nothing to change become activations, so compare loosely.
    for (const t of ORDER_TYPES) {
      const observed = share((o) => o.truth.orderType === t);
      const slack = t === 'new-activation' ? 0.09 : 0.05;
      expect(Math.abs(observed - DEFAULT_MIX[t])).toBeLessThan(slack);
      if (t !== 'new-activation') expect(observed).toBeGreaterThan(DEFAULT_MIX[t] * 0.6);
    }
    const onlyMoves = generateOrders({ seed: 3, count: 100, startTime: START, days: 10, world, mix: { 'new-activation': 0, 'port-in': 0, 'plan-change': 0, 'feature-change': 0, disconnect: 0, move: 1 } });
    expect(share((o) => o.truth.orderType === 'move', onlyMoves)).toBeGreaterThan(0.9);
  });

  it('lands the fallout rate and cause shares near the reference targets', () => {
    const fallout = share((o) => o.truth.fallout);
    expect(fallout).toBeGreaterThan(0.1);
    expect(fallout).toBeLessThan(0.26);
    const fell = orders.filter((o) => o.truth.fallout);
    const human = share((o) => o.truth.firstCause === 'human', fell);
    expect(human).toBeGreaterThan(0.12);
    expect(human).toBeLessThan(0.4);
    for (const o of fell) expect(o.truth.firstCause).toBe(o.truth.causes[0]);
  });

  it('puts a real defect in the address of every order whose address cause fired', () => {
    const fired = orders.filter((o) => o.truth.causes.includes('address'));
    expect(fired.length).toBeGreaterThan(40);
    for (const o of fired) expect(o.truth.latent.addressDefects.length).toBeGreaterThan(0);
    for (const o of orders) if (o.truth.latent.addressDefects.includes('missing-unit')) expect(o.truth.latent.mdu).toBe(true);
    const benign = share((o) => !o.truth.causes.includes('address') && o.truth.latent.addressDefects.length > 0);
    expect(benign).toBeGreaterThan(0.03);
    expect(benign).toBeLessThan(0.15);
    const poBox = fired.find((o) => o.truth.latent.addressDefects.includes('po-box'));
    expect(JSON.stringify(poBox?.body)).toContain('PO Box');
  });

  it('makes port-ins whose name mismatches differ from the carrier record', () => {
    const ports = orders.filter((o) => o.truth.orderType === 'port-in');
    expect(ports.length).toBeGreaterThan(300);
    const mismatched = ports.filter((o) => o.truth.latent.nameMismatch);
    expect(mismatched.length / ports.length).toBeGreaterThan(0.1);
    for (const o of mismatched) {
      const customer = world.customer(o.truth.customerId);
      const text = JSON.stringify(o.body);
      const entered = /"portingAuthorisationName","value":"([^"]+)"/.exec(text)?.[1];
      expect(customer?.carrierAccount?.authorizedNames).not.toContain(entered);
    }
    expect(share((o) => o.truth.causes.includes('port'), mismatched)).toBeGreaterThan(share((o) => o.truth.causes.includes('port'), ports.filter((o) => !o.truth.latent.nameMismatch)));
  });

  it('references real inventory products in modify and delete items', () => {
    const inventoryIds = new Set(world.inventory.map((p) => p.id));
    const changes = orders.filter((o) => ['plan-change', 'feature-change', 'move', 'disconnect'].includes(o.truth.orderType));
    for (const o of changes) {
      for (const item of allItems(o.body['productOrderItem'] as Item[]) as unknown as { action: string; product: { id?: string } }[]) {
        if (item.action === 'modify' || item.action === 'delete') expect(inventoryIds.has(item.product.id ?? '')).toBe(true);
      }
    }
  });
});
