// Port-in outcomes on generated orders: first-time-right with and without automatic corrections, and
// the time to a firm order confirmation (FOC) in simulated time. `npx tsx bench/porting-port-in-bench.ts [--ports 200] [--seed 1] [--json]`
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

const HOUR = 3_600_000;
const arg = (flag: string, dflt: number): number => { const i = process.argv.indexOf(flag); return i < 0 ? dflt : Number(process.argv[i + 1]); };
const PORTS = arg('--ports', 200);
const SEED = arg('--seed', 1);
const START = fromLocal('2025-06-02', '08:00', DEFAULT_CALENDAR.zone);
const PROFILES: readonly CarrierProfileId[] = ['wireless_major_auto', 'wireless_major_auto', 'wireline_ilec_gateway', 'wireline_clec_manual'];
// how customers get their port-in details wrong, and how often (the rest are entered right)
const DEFECTS = [['accountDigitsOnly', 0.14], ['zipPlus4', 0.06], ['wrongPin', 0.04], ['otherName', 0.04], ['portOutLock', 0.03]] as const;
type Defect = (typeof DEFECTS)[number][0] | 'none';

interface GeneratedPort { key: string; profile: CarrierProfileId; tn: string; accountNumber: string; pin: string; customer: PortInCustomer; defect: Defect; arrivesAt: number }

function generate(world: CarrierWorld): GeneratedPort[] {
  const rng = seededRandom(SEED);
  return Array.from({ length: PORTS }, (_, i) => {
    const profile = PROFILES[rng.int(0, PROFILES.length - 1)]!;
    const spid = CARRIER_PROFILES[profile].spid;
    const tn = `646${String(2000000 + i).padStart(7, '0')}`;
    const pin = String(rng.int(1000, 9999));
    const u = rng.next();
    let acc = 0;
    const defect: Defect = DEFECTS.find(([, p]) => (acc += p) > u)?.[0] ?? 'none';
    const address = { line1: `${rng.int(1, 999)} Main St`, city: 'New York', state: 'NY', postalCode: '10001' };
    world.addAccount(spid, anAccount({ tns: [tn], accountNumber: `${spid}-${100000 + i}`, pin, serviceAddress: address, authorizedNames: ['Ann Lee'], lock: defect === 'portOutLock' ? 'PORT_OUT_LOCK' : 'NONE' }));
    return {
      key: `order-${i}:port-in-number`, profile, tn, pin: defect === 'wrongPin' ? '0000' : pin,
      accountNumber: defect === 'accountDigitsOnly' ? String(100000 + i) : `${spid}-${100000 + i}`,
      customer: { authorizedName: defect === 'otherName' ? 'Zed Quinn' : 'Ann Lee', serviceAddress: { ...address, postalCode: defect === 'zipPlus4' ? '10001-4402' : '10001' } },
      defect, arrivesAt: START + rng.int(0, 5 * 24) * HOUR,
    };
  });
}

interface Outcome { port: GeneratedPort; result: 'ported' | 'failed' | 'waiting'; code?: string; versions: number; focMs?: number }

async function run(autoCorrect: boolean): Promise<Outcome[]> {
  const clock = new VirtualClock(START);
  const world = new CarrierWorld({ seed: SEED, clock });
  const ports = generate(world);
  const store = new InMemoryPortRequestStore();
  const carrierOf = simulatedCarrierOf();
  const portIn = new CoordinatedNumberPortIn({
    driver: new PortCoordinator({ store, clock, gateway: simulatedCarrierGateway(world, () => clock.now()) }), clock,
    policy: { ...DEFAULT_PORT_POLICY, autoCorrect }, provider: PROVISIO_PROVIDER, pollEveryMs: HOUR,
    carrierOf: (n) => { const c = carrierOf(n); return c === undefined ? undefined : { ...c, accountNumberPattern: `${c.spid}-######` }; },
    customerOf: async (r) => ports.find((p) => p.key === r.idempotencyKey)?.customer,
  });
  const due = new Map(ports.map((p) => [p.key, p.arrivesAt]));
  const outcomes = new Map<string, Outcome>();
  const end = START + 40 * 24 * HOUR;
  while (due.size > 0 && clock.now() <= end) {
    for (const p of ports) {
      if ((due.get(p.key) ?? Infinity) > clock.now()) continue;
      try {
        const a = await portIn.requestPortIn({ idempotencyKey: p.key, msisdn: p.tn, losingCarrier: CARRIER_PROFILES[p.profile].name, accountNumber: p.accountNumber, pin: p.pin });
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
    outcomes.set(rec.taskKey, { ...o, versions: rec.request.version, ...(foc === undefined || sub === undefined ? {} : { focMs: Date.parse(foc.at) - sub }) });
  }
  return [...outcomes.values()];
}

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s.length === 0 ? Number.NaN : s[Math.floor((s.length - 1) / 2)]!; };

function summarise(os: Outcome[]) {
  const ported = os.filter((o) => o.result === 'ported');
  const firstTime = ported.filter((o) => o.versions === 1).length;
  const failures: Record<string, number> = {};
  for (const o of os) if (o.code !== undefined) failures[o.code] = (failures[o.code] ?? 0) + 1;
  const focHours = (pick: (o: Outcome) => boolean) => +(median(os.filter((o) => pick(o) && o.focMs !== undefined).map((o) => o.focMs!)) / HOUR).toFixed(2);
  return {
    ports: os.length, ported: ported.length, failed: os.filter((o) => o.result === 'failed').length, waiting: os.filter((o) => o.result === 'waiting').length,
    firstTimeRight: +(firstTime / os.length).toFixed(3), portedWithoutPerson: +(ported.length / os.length).toFixed(3),
    medianHoursToFoc: focHours(() => true),
    medianHoursToFocByProfile: Object.fromEntries([...new Set(PROFILES)].map((p) => [p, focHours((o) => o.port.profile === p)])),
    failures,
  };
}

const started = performance.now();
const without = summarise(await run(false));
const withFixes = summarise(await run(true));
const result = { seed: SEED, ports: PORTS, withoutAutoCorrection: without, withAutoCorrection: withFixes, wallMs: Math.round(performance.now() - started) };
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else {
  for (const [name, s] of [['without automatic corrections', without], ['with automatic corrections', withFixes]] as const) {
    console.log(`${name}: ${s.ported}/${s.ports} ported without a person (${(100 * s.portedWithoutPerson).toFixed(1)}%), first-time-right (v1) ${(100 * s.firstTimeRight).toFixed(1)}%, `
      + `median time to FOC ${s.medianHoursToFoc} h ${JSON.stringify(s.medianHoursToFocByProfile)}; failures ${JSON.stringify(s.failures)}; still waiting ${s.waiting}`);
  }
  console.log(`wall ${result.wallMs} ms`);
}
