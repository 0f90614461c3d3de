import { CoordinatedNumberPortIn } from '../../src/adapters/porting/coordinated-number-port-in.js';
import { InMemoryPortRequestStore } from '../../src/adapters/porting/in-memory-port-request-store.js';
import { PROVISIO_PROVIDER, type PortInCustomer, type PortingCarrier } from '../../src/adapters/porting/porting-carrier.js';
import { simulatedCarrierGateway, simulatedCarrierOf } from '../../src/adapters/porting/simulated-carriers.js';
import { PortCoordinator } from '../../src/app/porting/port-coordinator.js';
import { DEFAULT_PORT_POLICY, type PortPolicy } from '../../src/domain/porting/port-policy.js';
import type { PortRequestStore } from '../../src/ports/port-request-store.js';
import { SouthboundError } from '../../src/ports/southbound-error.js';
import { CARRIER_PROFILES, type CarrierProfile, type CarrierProfileId } from '../../sim/carrier/carrier-profile.js';
import { CarrierWorld } from '../../sim/carrier/carrier-world.js';
import type { SimAccount } from '../../sim/carrier/sim-account.js';
import { VirtualClock } from '../../sim/carrier/sim-scheduler.js';

/** The engine's view of one port-in task run to its end on the virtual clock. */
export interface PortInRun {
  readonly outcome: 'ported' | 'failed' | 'waiting';
  readonly portRequestId?: string;
  readonly portedAt?: number;
  readonly failure?: { readonly code: string; readonly text: string };
  readonly checks: number;
}

/** A virtual-clock carrier world with the coordinated port-in adapter over an in-process gateway. */
export function aPortInWorld(opts: { at: number; seed?: number; policy?: Partial<PortPolicy>; profiles?: readonly CarrierProfile[];
  carrierOverride?: Partial<PortingCarrier>; store?: PortRequestStore; pollEveryMs?: number; wakeOnCarrierEvents?: boolean }) {
  const clock = new VirtualClock(opts.at);
  const profiles = opts.profiles ?? Object.values(CARRIER_PROFILES);
  const world = new CarrierWorld({ seed: opts.seed ?? 7, clock, profiles });
  const gateway = simulatedCarrierGateway(world, () => clock.now());
  const carrierOf = simulatedCarrierOf(profiles);
  const customers = new Map<string, { account: SimAccount; details: Partial<PortInCustomer> }>();
  function connect(store: PortRequestStore) {
    const coordinator = new PortCoordinator({ store, gateway, clock });
    const portIn = new CoordinatedNumberPortIn({
      driver: coordinator, clock, policy: { ...DEFAULT_PORT_POLICY, ...opts.policy }, provider: PROVISIO_PROVIDER, pollEveryMs: opts.pollEveryMs ?? 3_600_000,
      ...(opts.wakeOnCarrierEvents === true ? { carrierNextAt: (pon: string) => world.nextEventAt(pon) } : {}),
      carrierOf: (n) => { const c = carrierOf(n); return c === undefined ? undefined : { ...c, ...opts.carrierOverride }; },
      customerOf: async (r) => {
        const c = customers.get(r.msisdn);
        if (c === undefined) return undefined;
        const a = c.account;
        return { authorizedName: a.authorizedNames[0] ?? '', serviceAddress: a.serviceAddress, ...(a.btn === undefined ? {} : { btn: a.btn }), ...c.details };
      },
    });
    return { store, coordinator, portIn };
  }
  const live = connect(opts.store ?? new InMemoryPortRequestStore());
  /** Adds the carrier's account and registers its holder as the porting customer (with what the order says of the account). */
  function addCustomer(profile: CarrierProfileId, account: SimAccount, details: Partial<PortInCustomer> = {}): void {
    world.addAccount(CARRIER_PROFILES[profile].spid, account);
    for (const t of account.tns) customers.set(t.tn, { account, details });
  }
  /** Calls the port-in the way the engine does: again at each `checkAgainAt`, until ported, failed or `until`. */
  async function run(req: Parameters<CoordinatedNumberPortIn['requestPortIn']>[0], until: number): Promise<PortInRun> {
    let last: string | undefined;
    for (let checks = 1; checks < 2_000; checks++) {
      try {
        const a = await live.portIn.requestPortIn(req);
        last = a.portRequestId;
        if (a.portedAt !== undefined) return { outcome: 'ported', portRequestId: a.portRequestId, portedAt: a.portedAt, checks };
        const next = a.checkAgainAt ?? clock.now() + 3_600_000;
        if (next > until) return { outcome: 'waiting', portRequestId: a.portRequestId, checks };
        world.scheduler.runUntil(next);
      } catch (e) {
        if (!(e instanceof SouthboundError) || e.retryable) throw e;
        return { outcome: 'failed', ...(last === undefined ? {} : { portRequestId: last }), failure: { code: e.code, text: e.message }, checks };
      }
    }
    throw new Error('port-in did not settle');
  }
  /** Replaces the adapter and its store, as a restarted process would (the in-memory poll cursor is lost). */
  function restart(store: PortRequestStore): void {
    Object.assign(live, connect(store));
  }
  return { clock, world, live, get store() { return live.store; }, get portIn() { return live.portIn; }, addCustomer, run, restart };
}
