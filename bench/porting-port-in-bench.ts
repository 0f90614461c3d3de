// Port-in outcomes on generated orders: first-time-right with and without automatic corrections, and
// the time to a firm order confirmation (FOC) in simulated time.
// `npx tsx bench/porting-port-in-bench.ts [--source world|synthetic] [--ports 200] [--seed 1] [--json]`
// world: port-in orders generated from the simulated world (its customers' carrier accounts, their
// entry mistakes), run as the server runs them; synthetic: single-number accounts with drawn defects.
import { CoordinatedNumberPortIn } from '../src/adapters/porting/coordinated-number-port-in.js';
import { InMemoryPortRequestStore } from '../src/adapters/porting/in-memory-port-request-store.js';
import { PROVISIO_PROVIDER, type PortInCustomer } from '../src/adapters/porting/porting-carrier.js';
import { simulatedCarrierGateway, simulatedCarrierOf } from '../src/adapters/porting/simulated-carriers.js';
import { PortCoordinator } from '../src/app/porting/port-coordinator.js';
import { DEFAULT_CALENDAR, fromLocal } from '../src/domain/porting/business-calendar.js';
import { DEFAULT_PORT_POLICY } from '../src/domain/porting/port-policy.js';
import { SouthboundError } from '../src/ports/southbound-error.js';
import { CARRIER_PROFILES, type CarrierProfileId } from '../sim/carrier/carrier-profile.js';
import { CarrierWorld } from '../sim/carrier/carrier-world.js';
import { anAccount } from '../sim/carrier/sim-account.js';
import { seededRandom } from '../sim/carrier/seeded-random.js';
import { VirtualClock } from '../sim/carrier/sim-scheduler.js';
import { worldPortScenario, type BenchPort, type PortScenario } from './porting-world-ports.js';

const HOUR = 3_600_000;
const arg = (flag: string, dflt: number): number => { const i = process.argv.indexOf(flag); return i < 0 ? dflt : Number(process.argv[i + 1]); };
const PORTS = arg('--ports', 200);
const SEED = arg('--seed', 1);
const SOURCE = process.argv.includes('--source') ? process.argv[process.argv.indexOf('--source') + 1] : 'world';
if (SOURCE !== 'world' && SOURCE !== 'synthetic') throw new Error(`--source must be world or synthetic, got ${SOURCE}`);
const START = fromLocal('2025-06-02', '08:00', DEFAULT_CALENDAR.zone);
const PROFILES: readonly CarrierProfileId[] = ['wireless_major_auto', 'wireless_major_auto', 'wireline_ilec_gateway', 'wireline_clec_manual'];
// how customers get their port-in details wrong, and how often (the rest are entered right)
const DEFECTS = [['accountDigitsOnly', 0.14], ['zipPlus4', 0.06], ['wrongPin', 0.04], ['otherName', 0.04], ['portOutLock', 0.03]] as const;
type Defect = (typeof DEFECTS)[number][0] | 'none';

function syntheticScenario(world: CarrierWorld): PortScenario {
  const rng = seededRandom(SEED);
  const customers = new Map<string, PortInCustomer>();
  const ports = Array.from({ length: PORTS }, (_, i): BenchPort => {
    const profile = PROFILES[rng.int(0, PROFILES.length - 1)]!;
    const spid = CARRIER_PROFILES[profile].spid;
    const tn = `646${String(2000000 + i).padStart(7, '0')}`;
    const pin = String(rng.int(1000, 9999));
    const u = rng.next();
    let acc = 0;
    const defect: Defect = DEFECTS.find(([, p]) => (acc += p) > u)?.[0] ?? 'none';
    const address = { line1: `${rng.int(1, 999)} Main St`, city: 'New York', state: 'NY', postalCode: '10001' };
    world.addAccount(spid, anAccount({ tns: [tn], accountNumber: `${spid}-${100000 + i}`, pin, serviceAddress: address, authorizedNames: ['Ann Lee'], lock: defect === 'portOutLock' ? 'PORT_OUT_LOCK' : 'NONE' }));
    const key = `order-${i}:port-in-number`;
    customers.set(key, { authorizedName: defect === 'otherName' ? 'Zed Quinn' : 'Ann Lee', serviceAddress: { ...address, postalCode: defect === 'zipPlus4' ? '10001-4402' : '10001' } });
    return {
      key, profile, accountLines: 1, arrivesAt: START + rng.int(0, 5 * 24) * HOUR,
      request: {
        idempotencyKey: key, msisdn: tn, losingCarrier: CARRIER_PROFILES[profile].name, pin: defect === 'wrongPin' ? '0000' : pin,
        accountNumber: defect === 'accountDigitsOnly' ? String(100000 + i) : `${spid}-${100000 + i}`,
      },
    };
  });
  const carrierOf = simulatedCarrierOf();
  return {
    ports,
    carrierOf: (n) => { const c = carrierOf(n); return c === undefined ? undefined : { ...c, accountNumberPattern: `${c.spid}-######` }; },
    customerOf: async (r) => customers.get(r.idempotencyKey),
  };
}

interface Outcome { port: BenchPort; result: 'ported' | 'failed' | 'waiting'; code?: string; versions: number; focMs?: number; firstRejects?: readonly string[] }

async function run(autoCorrect: boolean): Promise<Outcome[]> {
  const clock = new VirtualClock(START);
  const world = new CarrierWorld({ seed: SEED, clock });
  const scenario = SOURCE === 'world' ? worldPortScenario(world, { seed: SEED, count: PORTS, start: START, days: 5 }) : syntheticScenario(world);
  const ports = scenario.ports;
  const store = new InMemoryPortRequestStore();
  const portIn = new CoordinatedNumberPortIn({
    driver: new PortCoordinator({ store, clock, gateway: simulatedCarrierGateway(world, () => clock.now()) }), clock,
    policy: { ...DEFAULT_PORT_POLICY, autoCorrect }, provider: PROVISIO_PROVIDER, pollEveryMs: HOUR,
    carrierOf: scenario.carrierOf, customerOf: scenario.customerOf,
  });
  const due = new Map(ports.map((p) => [p.key, p.arrivesAt]));
  const outcomes = new Map<string, Outcome>();
  const end = START + 40 * 24 * HOUR;
  while (due.size > 0 && clock.now() <= end) {
    for (const p of ports) {
      if ((due.get(p.key) ?? Infinity) > clock.now()) continue;
      try {
        const a = await portIn.requestPortIn(p.request);
        if (a.portedAt !== undefined) { outcomes.set(p.key, { port: p, result: 'ported', versions: 0 }); due.delete(p.key); } else due.set(p.key, a.checkAgainAt ?? clock.now() + HOUR);
      } catch (e) {
        if (!(e instanceof SouthboundError) || e.retryable) throw e;
        outcomes.set(p.key, { port: p, result: 'failed', code: e.code, versions: 0 });
        due.delete(p.key);
      }
    }
    world.scheduler.runUntil(Math.min(...due.values()));
  }
  for (const rec of await store.list()) {
    const o = outcomes.get(rec.taskKey) ?? { port: ports.find((p) => p.key === rec.taskKey)!, result: 'waiting' as const, versions: 0 };
    const foc = rec.timeline.find((e) => e.direction === 'IN' && (e.normalised as { to?: string }).to === 'FOC_CONFIRMED');
    const sub = rec.request.submittedAt === undefined ? undefined : Date.parse(rec.timeline.find((e) => e.type === 'PortRequest')?.at ?? rec.request.submittedAt);
    const reject = rec.timeline.find((e) => e.direction === 'IN' && (e.normalised as { to?: string }).to === 'REJECTED');
    outcomes.set(rec.taskKey, {
      ...o, versions: rec.request.version, ...(foc === undefined || sub === undefined ? {} : { focMs: Date.parse(foc.at) - sub }),
      ...(reject === undefined ? {} : { firstRejects: (reject.normalised as { reasons: string[] }).reasons }),
    });
  }
  return [...outcomes.values()];
}

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s.length === 0 ? Number.NaN : s[Math.floor((s.length - 1) / 2)]!; };

function summarise(os: Outcome[]) {
  const ported = os.filter((o) => o.result === 'ported');
  const firstTime = ported.filter((o) => o.versions === 1).length;
  const failures: Record<string, number> = {};
  const firstRejects: Record<string, number> = {};
  for (const o of os) if (o.code !== undefined) failures[o.code] = (failures[o.code] ?? 0) + 1;
  for (const code of os.flatMap((o) => [...new Set(o.firstRejects ?? [])])) firstRejects[code] = (firstRejects[code] ?? 0) + 1;
  const focHours = (pick: (o: Outcome) => boolean) => +(median(os.filter((o) => pick(o) && o.focMs !== undefined).map((o) => o.focMs!)) / HOUR).toFixed(2);
  return {
    ports: os.length, ported: ported.length, failed: os.filter((o) => o.result === 'failed').length, waiting: os.filter((o) => o.result === 'waiting').length,
    firstTimeRight: +(firstTime / os.length).toFixed(3), portedWithoutPerson: +(ported.length / os.length).toFixed(3),
    medianHoursToFoc: focHours(() => true),
    medianHoursToFocByProfile: Object.fromEntries([...new Set(os.map((o) => o.port.profile))].sort().map((p) => [p, focHours((o) => o.port.profile === p)])),
    failures, firstRejects,
  };
}

const started = performance.now();
const without = summarise(await run(false));
const withFixes = summarise(await run(true));
const result = { source: SOURCE, seed: SEED, ports: PORTS, withoutAutoCorrection: without, withAutoCorrection: withFixes, wallMs: Math.round(performance.now() - started) };
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else {
  for (const [name, s] of [['without automatic corrections', without], ['with automatic corrections', withFixes]] as const) {
    console.log(`${name}: ${s.ported}/${s.ports} ported without a person (${(100 * s.portedWithoutPerson).toFixed(1)}%), first-time-right (v1) ${(100 * s.firstTimeRight).toFixed(1)}%, `
      + `median time to FOC ${s.medianHoursToFoc} h ${JSON.stringify(s.medianHoursToFocByProfile)}; failures ${JSON.stringify(s.failures)}; still waiting ${s.waiting}`);
    console.log(`  reasons on the first reject, per port: ${JSON.stringify(s.firstRejects)}`);
  }
  console.log(`source ${SOURCE}, seed ${SEED}, wall ${result.wallMs} ms`);
}
