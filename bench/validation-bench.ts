// Entry-validation throughput: validateOrder over a mix of realistic orders on one core.
// Usage: npx tsx bench/validation-bench.ts [--json] [--orders N]
import { aFreeTextAddress, anAustinAddress, anOrderItem, aPortInItem, aValidationOrder } from '../test/fixtures/validation-orders.js';
import { validateOrder } from '../src/validation/validate-order.js';
import type { ProductOrder } from '../src/domain/order/product-order.js';

const json = process.argv.includes('--json');
const nArg = process.argv.indexOf('--orders');
const total = nArg > 0 ? Number(process.argv[nArg + 1]) : 20_000;
const now = new Date('2026-03-02T15:00:00Z');

const NOTES = [
  'gate code 4411, dog in yard. pls call b4 coming. apt 2B. install on 3/10 works',
  'Cust wants to keep her number from T-Mobile. she is in unit 4C. pls install tomorow',
  'nobody home until 5pm, leave with front desk. ask for bob',
  'authorized by Mary Johnson; switching from at&t. call 512-555-0147 tmrw',
  'customer moving next week to 55 Oak Ave',
];
const STREETS = ['500 W 2nd St', '77 Rainey St Apt 2B', '1100 Congress Ave', '301 Brazos St Ste 400', '9 Elm Stret'];

function order(i: number): ProductOrder {
  const place = i % 3 === 0 ? anAustinAddress() : aFreeTextAddress(`${STREETS[i % STREETS.length]}, Austin, TX 78701`);
  const items = i % 4 === 0 ? [anOrderItem({ places: [place] }), aPortInItem({ portingAuthorisationName: i % 8 === 0 ? 'Bob Smith' : 'Robert Smith' })] : [anOrderItem({ places: [place] })];
  const notes = i % 2 === 0 ? [{ text: NOTES[i % NOTES.length] ?? '' }] : [];
  return aValidationOrder({ id: `po-${i}`, items, notes });
}

const orders = Array.from({ length: 500 }, (_, i) => order(i));
for (const o of orders) validateOrder(o, { now }); // warm-up: JIT, lazy indexes
let findings = 0;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
for (let i = 0; i < total; i++) findings += validateOrder(orders[i % orders.length]!, { now }).findings.length;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
// CPU time is reported beside wall time: on a shared machine the wall clock includes other processes.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const result = {
  bench: 'validation',
  orders: total,
  seconds: Number(seconds.toFixed(3)),
  cpuSeconds: Number(cpuSeconds.toFixed(3)),
  ordersPerSecond: Math.round(total / seconds),
  ordersPerCpuSecond: Math.round(total / cpuSeconds),
  usPerOrder: Number(((seconds * 1e6) / total).toFixed(1)),
  findingsPerOrder: Number((findings / total).toFixed(2)),
};
if (json) console.log(JSON.stringify(result));
else console.log(`validateOrder: ${result.ordersPerSecond} orders/s wall, ${result.ordersPerCpuSecond} per CPU-second (${result.usPerOrder} µs/order, ${result.findingsPerOrder} findings/order, ${total} orders, half with notes, a quarter with port-ins)`);
