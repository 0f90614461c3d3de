// PostgreSQL store benchmark: commits orders (each with its create event fanned out to a hub listener,
// optionally with a 5-task plan) through the group committer from concurrent callers, then times the
// common list queries. Runs in a schema of its own, dropped at the end.
//   npx tsx bench/pg-store-bench.ts [--url postgres://...] [--n 20000] [--callers 1,16,256] [--plans] [--json]
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { quoteIdent } from '../src/adapters/postgres/pg-database.js';
import { openPostgresStores } from '../src/adapters/postgres/pg-stores.js';
import { initialPlanState } from '../src/domain/plan/plan-state.js';
import type { Plan } from '../src/domain/plan/plan.js';
import type { OrderState } from '../src/domain/order/order-state.js';
import type { Filter } from '../src/ports/order-query.js';
import { aCustomer, anOrderEvent, anOrderItem, aProductOrder } from '../test/fixtures/product-order-builder.js';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.PROVISIO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    n: { type: 'string', default: '20000' },
    callers: { type: 'string', default: '1,16,256' },
    plans: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const N = Number(args.n);
const CALLERS = args.callers.split(',').map(Number);
const STATES: readonly OrderState[] = ['acknowledged', 'inProgress', 'completed', 'completed', 'failed', 'held'];
const T0 = Date.UTC(2024, 0, 1);
const schema = `provisio_bench_${randomBytes(4).toString('hex')}`;

function order(i: number) {
  const createdAt = new Date(T0 + i * 60_000).toISOString();
  return aProductOrder({
    id: `PO-${String(i).padStart(7, '0')}`,
    createdAt,
    updatedAt: createdAt,
    state: STATES[i % STATES.length]!,
    category: i % 3 === 0 ? 'fixed' : 'mobile',
    externalId: `EXT-${i}`,
    relatedParty: [aCustomer(`CUST-${i % Math.max(1, Math.floor(N / 10))}`)],
    items: [anOrderItem({ id: '1', state: i % 7 === 0 ? 'failed' : 'acknowledged' }), anOrderItem({ id: '2', action: 'modify' })],
  });
}

// A 5-task chain, the shape of a simple activation.
function plan(orderId: string): Plan {
  const types = ['reserve-resources', 'provision-subscriber', 'activate-service', 'update-crm', 'start-billing'] as const;
  return {
    orderId,
    revision: 1,
    items: [{ itemId: '1', action: 'add', productType: 'mobile' }],
    tasks: types.map((type, k) => ({ id: `1.${k}`, type: type as Plan['tasks'][number]['type'], itemId: '1', mode: 'do' as const, dependsOn: k === 0 ? [] : [`1.${k - 1}`], inputs: { k } })),
    missing: [],
  };
}

const batches: number[] = [];
const stores = await openPostgresStores({ url: args.url, schema, listen: false, onCommitBatch: (b) => batches.push(b.size) });
const runs: { callers: number; commits: number; perSecond: number; meanBatch: number }[] = [];
await stores.hub.addListener({ id: 'L-1', callback: 'http://x', query: 'eventType=ProductOrderCreateEvent', createdAt: new Date(T0).toISOString() });
let next = 0;
try {
  for (const callers of CALLERS) {
    const until = Math.min(N, next + Math.ceil(N / CALLERS.length));
    const first = next;
    const committer = stores.orders;
    batches.length = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: callers }, async () => {
        for (let i = next++; i < until; i = next++) {
          const o = order(i);
          const p = args.plans ? plan(o.id) : undefined;
          await committer.commit({
            orders: [{ record: o, expectedVersion: null }],
            events: [anOrderEvent(o)],
            ...(p ? { newPlans: [{ plan: p, state: initialPlanState(p, T0) }] } : {}),
          });
        }
      }),
    );
    next = until;
    const secs = (performance.now() - started) / 1000;
    runs.push({ callers, commits: until - first, perSecond: Math.round((until - first) / secs), meanBatch: Number(((until - first) / Math.max(1, batches.length)).toFixed(1)) });
  }
  const queries: Record<string, Filter[]> = {
    'state=held': [{ path: 'state', op: 'eq', values: ['held'] }],
    'relatedParty.id': [{ path: 'relatedParty.id', op: 'eq', values: ['CUST-7'] }],
    'createdAt range': [
      { path: 'createdAt', op: 'gte', values: [new Date(T0 + 1000 * 60_000).toISOString()] },
      { path: 'createdAt', op: 'lt', values: [new Date(T0 + 2000 * 60_000).toISOString()] },
    ],
    'items.state (document)': [{ path: 'items.state', op: 'eq', values: ['failed'] }],
  };
  const listMs: Record<string, number> = {};
  for (const [name, filters] of Object.entries(queries)) {
    const t = performance.now();
    for (let k = 0; k < 5; k++) await stores.orders.listOrders({ filters, offset: 0, limit: 20 });
    listMs[name] = Number(((performance.now() - t) / 5).toFixed(1));
  }
  const result = { store: 'postgres', orders: next, plans: args.plans, runs, listMs };
  if (args.json) console.log(JSON.stringify(result));
  else {
    for (const r of runs) console.log(`${String(r.callers).padStart(5)} callers: ${r.commits} commits, ${r.perSecond} commits/s, ${r.meanBatch} change sets per transaction`);
    for (const [name, ms] of Object.entries(listMs)) console.log(`list ${name} (first page of 20 + total over ${next} orders): ${ms} ms`);
  }
} finally {
  await stores.close();
  const c = new pg.Client({ connectionString: args.url });
  await c.connect();
  await c.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
  await c.end();
}
