// CPU per order of what an API process does for a create before its commit, with no store: the
// entry checks of the server (catalog, dates, rules + NLP validation) and the plan. Run on generated
// world orders (the realistic mix) and on the single order `bench:api` posts, pass after pass, so
// that a change to that work can be compared run against run on a loaded machine (CPU time, not wall).
// Usage: npx tsx bench/submit-bench.ts [--orders 3000] [--passes 5] [--json]
import { parseArgs } from 'node:util';
import { loadFileCatalog } from '../src/adapters/catalog/file-catalog.js';
import { draftFromCreateJson } from '../src/api/tmf622/v4/order-from-json.js';
import { catalogEntryCheck, orderDatesEntryCheck } from '../src/app/catalog-entry-check.js';
import { previewOrder } from '../src/app/submit-order.js';
import { validationEntryCheck } from '../src/app/validation-entry-check.js';
import { planForSubmit } from '../src/domain/decomposition/plan-for-submit.js';
import type { OrderDraft } from '../src/domain/order/order-draft.js';
import { loadShippedDecompositionRules } from '../src/main/provisioning.js';
import { generateOrders } from '../sim/generator/index.js';
import { worldAccountLookup, worldAddressReference } from '../sim/validation-corpus/world-reference-data.js';
import { createWorld } from '../sim/world/index.js';
import { aNewMobileActivation } from '../test/fixtures/catalog-orders.js';
import { createBodyOf } from '../test/fixtures/tmf622-bodies.js';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '3000' },
    passes: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
  },
});
const count = Number(values.orders);
const passes = Number(values.passes);
const say = (line: string): void => void process.stderr.write(`${line}\n`);

const start = new Date();
const world = createWorld({ seed: 1, start: start.toISOString() });
const catalog = loadFileCatalog();
const rules = loadShippedDecompositionRules();
const reference = { addressReference: worldAddressReference(world), accountLookup: worldAccountLookup(world) };
let clockMs = start.getTime();
let seq = 0;
const deps = {
  clock: { now: () => clockMs },
  ids: { next: () => `bench-${++seq}` },
  entryChecks: [catalogEntryCheck(catalog), orderDatesEntryCheck, validationEntryCheck((now: Date) => ({ now, ...reference, catalog }))],
};
const toDraft = (body: unknown): OrderDraft => draftFromCreateJson(JSON.parse(JSON.stringify(body)) as Parameters<typeof draftFromCreateJson>[0]);
const generated = generateOrders({ seed: 7, count, startTime: start.toISOString(), days: 1, world }).map((o) => toDraft(o.body));
const apiBenchOrder = toDraft(createBodyOf(aNewMobileActivation()));

interface Pass {
  readonly set: string;
  readonly pass: number;
  readonly checksUs: number;
  readonly planUs: number;
  readonly totalUs: number;
  readonly tasksPerOrder: number;
}

function cpuUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

function run(set: string, drafts: readonly OrderDraft[], pass: number): Pass {
  let checks = 0;
  let plan = 0;
  let tasks = 0;
  for (const draft of drafts) {
    clockMs += 7;
    const t0 = cpuUs();
    const { order } = previewOrder(deps, draft);
    const t1 = cpuUs();
    if (order.state !== 'rejected') tasks += planForSubmit(order, catalog, rules, clockMs).plan.tasks.length;
    const t2 = cpuUs();
    checks += t1 - t0;
    plan += t2 - t1;
  }
  const per = (us: number): number => Math.round((us / drafts.length) * 10) / 10;
  return { set, pass, checksUs: per(checks), planUs: per(plan), totalUs: per(checks + plan), tasksPerOrder: Math.round((tasks / drafts.length) * 10) / 10 };
}

const sets: [string, readonly OrderDraft[]][] = [
  ['generated', generated],
  ['bench:api order', Array.from({ length: count }, () => apiBenchOrder)],
];
const results: Pass[] = [];
for (let pass = 1; pass <= passes; pass++) {
  for (const [name, drafts] of sets) {
    const r = run(name, drafts, pass);
    results.push(r);
    say(`pass ${pass} ${name}: entry checks ${r.checksUs} µs, plan ${r.planUs} µs (${r.tasksPerOrder} tasks), total ${r.totalUs} µs per order`);
  }
}
// The best pass of each set: the least disturbed by the rest of the machine.
const best = sets.map(([name]) => results.filter((r) => r.set === name).reduce((a, b) => (b.totalUs < a.totalUs ? b : a)));
if (values.json) process.stdout.write(`${JSON.stringify({ bench: 'submit', orders: count, passes: results, best })}\n`);
else for (const b of best) console.log(`${b.set}: best pass ${b.totalUs} µs per order (entry checks ${b.checksUs}, plan ${b.planUs}, ${b.tasksPerOrder} tasks)`);
