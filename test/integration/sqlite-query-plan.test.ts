import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Filter } from '../../src/ports/order-query.js';
import { CANCEL_FILTER_TABLE, listSql, ORDER_FILTER_TABLE } from '../../src/adapters/sqlite/sqlite-order-store.js';
import { openSqliteStores, type SqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import type { FilterTable } from '../../src/adapters/sqlite/sqlite-filter-sql.js';
import { aCustomer, aProductOrder } from '../fixtures/product-order-builder.js';

// With 100k orders a full scan of the orders table per list request is what users would notice;
// the common filters must be answered from an index (plans checked with and without statistics).
const COMMON: Record<string, Filter[]> = {
  state: [{ path: 'state', op: 'eq', values: ['completed'] }],
  'several states': [{ path: 'state', op: 'eq', values: ['completed', 'failed'] }],
  'createdAt range': [
    { path: 'createdAt', op: 'gte', values: ['2024-05-02T00:00:00Z'] },
    { path: 'createdAt', op: 'lt', values: ['2024-05-03T00:00:00+02:00'] },
  ],
  'relatedParty.id': [{ path: 'relatedParty.id', op: 'eq', values: ['C-5'] }],
  externalId: [{ path: 'externalId', op: 'eq', values: ['E-5'] }],
  category: [{ path: 'category', op: 'eq', values: ['mobile'] }],
  'state and party': [
    { path: 'state', op: 'eq', values: ['completed'] },
    { path: 'relatedParty.id', op: 'eq', values: ['C-5'] },
  ],
  'state and items.state': [
    { path: 'state', op: 'eq', values: ['completed'] },
    { path: 'items.state', op: 'eq', values: ['completed'] },
  ],
};
const CANCEL_COMMON: Record<string, Filter[]> = {
  orderId: [{ path: 'orderId', op: 'eq', values: ['O-1'] }],
  state: [{ path: 'state', op: 'eq', values: ['done'] }],
  createdAt: [{ path: 'createdAt', op: 'gt', values: ['2024-05-02'] }],
};

describe('list queries on a large store use indexes', () => {
  let stores: SqliteStores;
  const plan = (table: string, spec: FilterTable, filters: Filter[]): string[] => {
    const sql = listSql(table, spec, { filters, offset: 0, limit: 20 });
    return [sql.count, sql.page].flatMap((q) =>
      (stores.db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail),
    );
  };
  const fullScans = (lines: string[]) => lines.filter((l) => /^SCAN o\b/.test(l));

  beforeAll(async () => {
    stores = openSqliteStores({ path: ':memory:' });
    const states = ['acknowledged', 'inProgress', 'completed', 'failed', 'held'] as const;
    await Promise.all(
      Array.from({ length: 2000 }, (_, i) =>
        stores.orders.commit({
          orders: [
            {
              record: aProductOrder({
                id: `O-${i}`,
                state: states[i % states.length]!,
                createdAt: new Date(Date.UTC(2024, 4, 1) + i * 60_000).toISOString(),
                externalId: `E-${i}`,
                category: i % 2 === 0 ? 'fixed' : 'mobile',
                relatedParty: [aCustomer(`C-${i % 300}`)],
              }),
              expectedVersion: null,
            },
          ],
        }),
      ),
    );
  });
  afterAll(async () => stores.close());

  for (const withStatistics of [false, true]) {
    describe(withStatistics ? 'after ANALYZE' : 'without statistics', () => {
      beforeAll(() => {
        if (withStatistics) stores.db.exec('ANALYZE');
      });
      it.each(Object.entries(COMMON))('orders filtered by %s', (_, filters) => {
        const lines = plan('product_order', ORDER_FILTER_TABLE, filters);
        expect(lines.some((l) => l.startsWith('SEARCH o'))).toBe(true);
        expect(fullScans(lines)).toEqual([]);
      });
      it.each(Object.entries(CANCEL_COMMON))('cancel requests filtered by %s', (_, filters) => {
        expect(fullScans(plan('cancel_request', CANCEL_FILTER_TABLE, filters))).toEqual([]);
      });
    });
  }

  it('detects a full scan when a filter has no index (the check can fail)', () => {
    expect(fullScans(plan('product_order', ORDER_FILTER_TABLE, [{ path: 'items.state', op: 'eq', values: ['x'] }]))).not.toEqual([]);
  });
});
