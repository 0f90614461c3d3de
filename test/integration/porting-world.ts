import { DEFAULT_CALENDAR, fromLocal } from '../../src/domain/porting/business-calendar.js';
import { DEFAULT_PORT_POLICY } from '../../src/domain/porting/port-policy.js';
import { newPortRequest, type NewPortRequest } from '../../src/domain/porting/port-request.js';
import { InProcessPortingGateway } from '../../src/adapters/carrier/in-process-porting-gateway.js';
import { CARRIER_PROFILES, type CarrierProfile, type CarrierProfileId } from '../../sim/carrier/carrier-profile.js';
import { CarrierWorld } from '../../sim/carrier/carrier-world.js';
import { anAccount, type SimAccount } from '../../sim/carrier/sim-account.js';
import { VirtualClock } from '../../sim/carrier/sim-scheduler.js';
import { PortDriver } from './porting-driver.js';

/** Carrier holidays used by the scenarios: Memorial Day 2025. */
export const HOLIDAYS = ['2025-05-26'];
/** A local New York instant. */
export const ny = (date: string, time: string): number => fromLocal(date, time, DEFAULT_CALENDAR.zone);

/** A virtual-clock simulation: the carrier world, an in-process gateway and a driver for one port. */
export function aSimulation(opts: { at: number; profile: CarrierProfileId; account: Omit<Partial<SimAccount>, 'tns'> & { tns: SimAccount['tns'] | string[] };
  profileOverride?: Partial<CarrierProfile>; request?: Partial<NewPortRequest> }) {
  const clock = new VirtualClock(opts.at);
  const base = CARRIER_PROFILES[opts.profile];
  const profile: CarrierProfile = { ...base, calendar: { ...base.calendar, holidays: HOLIDAYS }, ...opts.profileOverride };
  const others = Object.values(CARRIER_PROFILES).filter((p) => p.spid !== profile.spid);
  const world = new CarrierWorld({ seed: 7, clock, profiles: [profile, ...others] });
  world.addAccount(profile.spid, anAccount(opts.account));
  const gateway = new InProcessPortingGateway(world);
  const account = world.accounts.get(opts.account.accountNumber ?? 'ACC-1001')!;
  const wireless = profile.network === 'WIRELESS';
  const req = newPortRequest({
    id: 'port-1', pon: 'PON-1', kind: wireless ? 'WIRELESS' : 'WIRELINE_SIMPLE',
    losingCarrier: { name: profile.name, spid: profile.spid, profileId: profile.id },
    newProvider: { spid: 'PRVS', companyCode: 'PRV', lrn: '2125559999' },
    calendar: profile.calendar, policy: DEFAULT_PORT_POLICY,
    submitted: { accountNumber: account.accountNumber, pin: account.pin, authorizedName: account.authorizedNames[0]!, serviceAddress: account.serviceAddress, btn: account.btn },
    lines: account.tns.map((t) => ({ tn: t.tn, isBtn: t.tn === account.btn })),
    requestedDue: { kind: 'DATE', date: '2025-05-20' },
    loa: { signer: account.authorizedNames[0]!, signedAt: new Date(opts.at).toISOString() }, networkReady: true,
    ...opts.request,
  }, opts.at);
  const driver = new PortDriver(req, gateway, clock);
  /** Runs the world and the port's timers until `until`, event by event. */
  async function runUntil(until: number): Promise<void> {
    for (let guard = 0; guard < 10_000; guard++) {
      await driver.drainInbound();
      await driver.fireDueTimers();
      const next = Math.min(world.scheduler.nextAt() ?? Infinity, driver.nextTimerAt() ?? Infinity);
      if (next > until) break;
      world.scheduler.runUntil(Math.max(next, clock.now()));
    }
    world.scheduler.runUntil(until);
    await driver.drainInbound();
  }
  async function submit(): Promise<string | undefined> {
    return (await driver.act({ type: 'validate', pinRequired: false, tnsInOtherOpenOrders: [] })) ?? driver.act({ type: 'submit' });
  }
  return { clock, world, gateway, driver, runUntil, submit };
}
