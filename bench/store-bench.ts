// Store benchmark: commits N orders (with their create event fanned out to a hub listener) through
// the SQLite group committer from many concurrent callers, then times the common list queries.
//   npx tsx bench/store-bench.ts [--n 100000] [--callers 1000] [--sync FULL|NORMAL] [--json]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteStores } from '../src/adapters/sqlite/sqlite-stores.js';
import type { SynchronousMode } from '../src/adapters/sqlite/sqlite-database.js';
import type { Filter } from '../src/ports/order-query.js';
import type { OrderState } from '../src/domain/order/order-state.js';
import { aCustomer, anOrderEvent, anOrderItem, aProductOrder } from '../test/fixtures/product-order-builder.js';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    callers: { type: 'string', default: '1000' },
    sync: { type: 'string', default: 'FULL' },
    json: { type: 'boolean', default: false },
  },
});
const N = Number(args.n);
const CALLERS = Number(args.callers);
const SYNC = (args.sync === 'NORMAL' ? 'NORMAL' : 'FULL') satisfies SynchronousMode;
const STATES: readonly OrderState[] = ['acknowledged', 'inProgress', 'completed', 'completed', 'failed', 'held'];
const T0 = Date.UTC(2024, 0, 1);
const PARTIES = Math.max(1, Math.floor(N / 10));

function order(i: number) {
  const createdAt = new Date(T0 + i * 60_000).toISOString();
  return aProductOrder({
    id: `PO-${String(i).padStart(7, '0')}`,
    createdAt,
    updatedAt: createdAt,
    state: STATES[i % STATES.length]!,
    category: i % 3 === 0 ? 'fixed' : 'mobile',
    externalId: `EXT-${i}`,
    relatedParty: [aCustomer(`CUST-${i % PARTIES}`)],
    items: [anOrderItem({ id: '1', state: i % 7 === 0 ? 'failed' : 'acknowledged' }), anOrderItem({ id: '2', action: 'modify' })],
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const dir = mkdtempSync(join(tmpdir(), 'provisio-bench-'));
const batches: number[] = [];
const stores = openSqliteStores({
  path: join(dir, 'provisio.db'),
  synchronous: SYNC,
  onCommitBatch: (b) => batches.push(b.size),
});
let next = 0;
await stores.hub.addListener({ id: 'L-1', callback: 'http://x', query: 'eventType=ProductOrderCreateEvent', createdAt: new Date(T0).toISOString() });

const commitStart = performance.now();
await Promise.all(
  Array.from({ length: CALLERS }, async () => {
    for (let i = next++; i < N; i = next++) {
      const o = order(i);
      await stores.orders.commit({ orders: [{ record: o, expectedVersion: null }], events: [anOrderEvent(o)] });
    }
  }),
);
const commitSeconds = (performance.now() - commitStart) / 1000;
stores.db.exec('ANALYZE');

const at = (k: number) => new Date(T0 + (k % N) * 60_000).toISOString();
const QUERIES: Record<string, { runs: number; filters: (k: number) => Filter[]; offset?: number }> = {
  'all, first page': { runs: 200, filters: () => [] },
  'all, page at offset 5000': { runs: 50, filters: () => [], offset: 5000 },
  state: { runs: 200, filters: (k) => [{ path: 'state', op: 'eq', values: [STATES[k % STATES.length]!] }] },
  'state in (2)': { runs: 100, filters: () => [{ path: 'state', op: 'eq', values: ['failed', 'held'] }] },
  'createdAt 1 day': {
    runs: 200,
    filters: (k) => [
      { path: 'createdAt', op: 'gte', values: [at(k * 997)] },
      { path: 'createdAt', op: 'lt', values: [at(k * 997 + 1440)] },
    ],
  },
  'relatedParty.id': { runs: 200, filters: (k) => [{ path: 'relatedParty.id', op: 'eq', values: [`CUST-${(k * 31) % PARTIES}`] }] },
  externalId: { runs: 200, filters: (k) => [{ path: 'externalId', op: 'eq', values: [`EXT-${(k * 7919) % N}`] }] },
  category: { runs: 100, filters: () => [{ path: 'category', op: 'eq', values: ['fixed'] }] },
  'state + relatedParty.id': {
    runs: 200,
    filters: (k) => [
      { path: 'state', op: 'eq', values: ['completed'] },
      { path: 'relatedParty.id', op: 'eq', values: [`CUST-${(k * 31) % PARTIES}`] },
    ],
  },
  'items.state (JSON fallback)': { runs: 5, filters: () => [{ path: 'items.state', op: 'eq', values: ['failed'] }] },
};

const queries: Record<string, { p50: number; p99: number; total: number }> = {};
for (const [name, q] of Object.entries(QUERIES)) {
  const times: number[] = [];
  let total = 0;
  for (let k = 0; k < q.runs; k++) {
    const t = performance.now();
    const page = await stores.orders.listOrders({ filters: q.filters(k), offset: q.offset ?? 0, limit: 20 });
    times.push(performance.now() - t);
    total = page.total;
  }
  times.sort((a, b) => a - b);
  queries[name] = { p50: +percentile(times, 50).toFixed(3), p99: +percentile(times, 99).toFixed(3), total };
}
const deliveries = await stores.deliveries.stats();
await stores.close();
rmSync(dir, { recursive: true, force: true });

const result = {
  orders: N,
  callers: CALLERS,
  synchronous: SYNC,
  commitSeconds: +commitSeconds.toFixed(2),
  commitsPerSecond: Math.round(N / commitSeconds),
  pendingDeliveries: deliveries.pending,
  queriesMs: queries,
  transactions: batches.length,
  meanBatch: +(batches.reduce((a, b) => a + b, 0) / Math.max(1, batches.length)).toFixed(1),
};
if (args.json) {
  console.log(JSON.stringify(result));
} else {
  console.log(`${N} orders (+1 event, +1 delivery each) from ${CALLERS} concurrent callers, synchronous=${SYNC}`);
  console.log(`  ${result.commitsPerSecond} commits/s (${result.commitSeconds} s, ${result.transactions} transactions, mean batch ${result.meanBatch})`);
  console.log('  list query (limit 20)              p50 ms   p99 ms    total');
  for (const [name, q] of Object.entries(queries)) {
    console.log(`  ${name.padEnd(34)} ${q.p50.toFixed(2).padStart(7)}  ${q.p99.toFixed(2).padStart(7)}  ${String(q.total).padStart(7)}`);
  }
}
