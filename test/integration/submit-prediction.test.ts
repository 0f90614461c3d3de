import { describe, expect, it } from 'vitest';
import { openSqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { orderToJson } from '../../src/api/tmf622/v4/order-to-json.js';
import { draftFromCreateJson } from '../../src/api/tmf622/v4/order-from-json.js';
import { submitOrder } from '../../src/app/submit-order.js';
import type { ProductOrder } from '../../src/domain/order/product-order.js';
import { aNewMobileActivation } from '../fixtures/catalog-orders.js';
import { createBodyOf } from '../fixtures/tmf622-bodies.js';

const prediction = {
  modelVersion: 'm-7',
  risk: 0.31,
  riskByCause: { port: 0.2, address: 0.05 },
  topCause: 'port',
  topFactors: [{ feature: 'nameSimToCSR', value: 0.71, contribution: 0.9, text: 'port-in name similarity 0.71 raises port risk' }],
};

describe('fallout prediction at submit', () => {
  it('stores the prediction of an accepted order with its model version and shows it over the API', async () => {
    const stores = openSqliteStores({ path: ':memory:' });
    let n = 0;
    const seen: ProductOrder[] = [];
    const deps = {
      store: stores.orders,
      clock: { now: () => Date.parse('2026-11-26T10:00:00.000Z') },
      ids: { next: () => `id-${++n}` },
      entryChecks: [],
      predictor: (o: ProductOrder) => (seen.push(o), prediction),
    };
    const order = await submitOrder(deps, draftFromCreateJson(createBodyOf(aNewMobileActivation())));
    expect(seen).toHaveLength(1);
    expect((await stores.orders.getOrder(order.id))?.falloutPrediction).toEqual(prediction);
    expect(orderToJson(order, { base: 'http://x' }).falloutPrediction).toEqual(prediction);
    await stores.close();
  });

  it('does not score a rejected order', async () => {
    const stores = openSqliteStores({ path: ':memory:' });
    let called = 0;
    const deps = {
      store: stores.orders,
      clock: { now: () => 0 },
      ids: { next: () => `id-${Math.random()}` },
      entryChecks: [() => ({ findings: [{ code: 'X', severity: 'blocking' as const, message: 'no' }] })],
      predictor: () => (called++, prediction),
    };
    const order = await submitOrder(deps, draftFromCreateJson(createBodyOf(aNewMobileActivation())));
    expect([order.state, order.falloutPrediction, called]).toEqual(['rejected', undefined, 0]);
    await stores.close();
  });
});
