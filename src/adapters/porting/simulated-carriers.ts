import { CARRIER_PROFILES, type CarrierProfile } from '../../../sim/carrier/carrier-profile.js';
import type { CarrierWorld } from '../../../sim/carrier/carrier-world.js';
import type { PortingGateway } from '../../ports/porting-gateway.js';
import { InProcessPortingGateway } from '../carrier/in-process-porting-gateway.js';
import type { PortingCarrier } from './porting-carrier.js';

/** A simulated carrier profile as Provisio's porting view of that carrier. */
export function portingCarrierOf(p: CarrierProfile): PortingCarrier {
  return { name: p.name, spid: p.spid, profileId: p.id, network: p.network, calendar: p.calendar, pinRequired: p.matching.requirePin };
}

/** Looks a simulated carrier up by name, SPID or profile id (case-insensitive). */
export function simulatedCarrierOf(profiles: readonly CarrierProfile[] = Object.values(CARRIER_PROFILES)): (nameOrSpid: string) => PortingCarrier | undefined {
  return (x) => {
    const k = x.trim().toLowerCase();
    const p = profiles.find((c) => [c.name, c.spid, c.id].some((v) => v.toLowerCase() === k));
    return p === undefined ? undefined : portingCarrierOf(p);
  };
}

/**
 * The in-process gateway with the carrier world caught up to the shared clock before every poll:
 * in a virtual-clock run the world's carriers answer whatever fell due while the engine slept.
 */
export function simulatedCarrierGateway(world: CarrierWorld, now: () => number): PortingGateway {
  const inner = new InProcessPortingGateway(world);
  return Object.assign(Object.create(inner) as InProcessPortingGateway, {
    poll: (cursor: string | undefined, limit?: number) => {
      world.scheduler.runUntil(now());
      return inner.poll(cursor, limit);
    },
  });
}
