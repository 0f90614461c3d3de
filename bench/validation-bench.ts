// Entry-validation throughput on one core: validateOrder over a labelled tuning corpus, first pass
// (caches cold) and later passes (caches warm), in orders per CPU second and per wall-clock second.
// Run: npx tsx bench/validation-bench.ts [--orders 3000] [--passes 3] [--json]
import { loadFileCatalog } from '../src/adapters/catalog/file-catalog.js';
import { validateOrder } from '../src/validation/index.js';
import { buildValidationCorpus } from '../sim/validation-corpus/build-corpus.js';
import { corpusContext } from '../sim/validation-corpus/corpus-context.js';
import { TUNING_SEEDS } from '../sim/validation-corpus/corpus-seeds.js';

const TARGET = 5000;
const arg = (flag: string, fallback: number): number => {
  const i = process.argv.indexOf(flag);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const orders = arg('--orders', 3000);
const passes = arg('--passes', 3);
const json = process.argv.includes('--json');

process.stderr.write(`building corpus ${TUNING_SEEDS[0]} (${orders} orders) ...\n`);
const corpus = buildValidationCorpus({ seed: TUNING_SEEDS[0], orders });
const context = corpusContext(corpus, loadFileCatalog());
const rows: { pass: number; cpuOrdersPerSecond: number; wallOrdersPerSecond: number; microsPerOrder: number }[] = [];
for (let pass = 1; pass <= passes; pass++) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const c of corpus.cases) validateOrder(c.order, context(c));
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  rows.push({ pass, cpuOrdersPerSecond: Math.round((orders / cpuMs) * 1000), wallOrdersPerSecond: Math.round((orders / wallMs) * 1000), microsPerOrder: Math.round((cpuMs * 1000) / orders) });
  process.stderr.write(`pass ${pass}: ${rows.at(-1)?.cpuOrdersPerSecond} orders per CPU second\n`);
}
const best = Math.max(...rows.map((r) => r.cpuOrdersPerSecond));
const summary = { bench: 'validation', orders, seed: TUNING_SEEDS[0], passes: rows, coldCpuOrdersPerSecond: rows[0]?.cpuOrdersPerSecond, warmCpuOrdersPerSecond: best, target: TARGET, targetMet: best >= TARGET };
if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
else {
  for (const r of rows) console.log(`pass ${r.pass}: ${r.cpuOrdersPerSecond} orders/CPU s, ${r.wallOrdersPerSecond} orders/s wall, ${r.microsPerOrder} µs/order`);
  console.log(`cold ${summary.coldCpuOrdersPerSecond}, warm ${best} orders per CPU second (target ${TARGET}: ${summary.targetMet ? 'met' : 'not met'})`);
}
