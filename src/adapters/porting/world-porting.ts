import { CARRIER_PROFILES, type CarrierProfile } from '../../../sim/carrier/carrier-profile.js';
import type { CarrierWorld } from '../../../sim/carrier/carrier-world.js';
import { anAccount } from '../../../sim/carrier/sim-account.js';
import { streetLine, type LosingCarrier, type PostalAddress as WorldAddress, type World } from '../../../sim/world/index.js';
import type { PostalAddress } from '../../domain/porting/normalisation.js';
import type { NumberPortIn } from '../../ports/number-port-in.js';
import { keyParts, type OrderFactsLookup } from '../simulators/order-facts.js';
import { portInAccountDetails } from './port-in-item.js';
import type { PortInCustomer, PortingCarrier } from './porting-carrier.js';

/** A world address as one street line (how port requests carry it). */
function portAddress(a: WorldAddress): PostalAddress {
  return { line1: streetLine(a), city: a.city, state: a.state, postalCode: a.postalCode };
}

/** The carrier-simulator profile that behaves like a world carrier (by its suggested profile, else by kind). */
export function profileOfWorldCarrier(c: LosingCarrier): CarrierProfile {
  const known = Object.values(CARRIER_PROFILES).find((p) => p.id === c.profile);
  return known ?? (c.kind === 'wireless' ? CARRIER_PROFILES.wireless_major_auto : CARRIER_PROFILES.wireline_ilec_gateway);
}

/**
 * The profile of the network provider that answers a world carrier's ports: the carrier's own, or for a
 * reseller (MVNO) its host network's, since port requests go to the network provider (porting.md §2).
 */
export function networkProfileOfWorldCarrier(c: LosingCarrier): CarrierProfile {
  const own = profileOfWorldCarrier(c);
  return Object.values(CARRIER_PROFILES).find((p) => own.resellerOf !== undefined && p.spid === own.resellerOf) ?? own;
}

/** Provisio's porting view of the simulated world's losing carriers, by name or id (resellers by their network provider). */
export function worldCarrierOf(world: World): (nameOrId: string) => PortingCarrier | undefined {
  return (x) => {
    const c = world.carriers.find((w) => w.name === x || w.id === x);
    if (c === undefined) return undefined;
    const p = networkProfileOfWorldCarrier(c);
    return { name: c.name, spid: p.spid, profileId: p.id, network: p.network, calendar: p.calendar, pinRequired: c.requiresPin };
  };
}

/** Loads every world customer's account at a losing carrier into the carrier simulator (its records, not what customers enter), at the network provider. */
export function seedCarrierWorldFromWorld(world: World, carriers: CarrierWorld): number {
  let n = 0;
  for (const customer of world.customers) {
    const a = customer.carrierAccount;
    const carrier = a === undefined ? undefined : world.carriers.find((c) => c.id === a.carrierId);
    if (a === undefined || carrier === undefined) continue;
    carriers.addAccount(networkProfileOfWorldCarrier(carrier).spid, anAccount({
      accountNumber: a.accountNumber, type: a.type, authorizedNames: [...a.authorizedNames], serviceAddress: portAddress(a.serviceAddress), btn: a.btn, tns: [...a.tns],
      ...(a.pin === undefined ? {} : { pin: a.pin }), ...(a.businessName === undefined ? {} : { businessName: a.businessName }),
    }));
    n++;
  }
  return n;
}

/**
 * The porting customer as the order states it: the authorising name from the item's
 * `portingAuthorisationName` (else the customer's legal name), the customer's service address, and
 * the item's account details (billing number, numbers that move with it, partial-port disposition).
 */
export function worldPortInCustomer(world: World, facts: OrderFactsLookup): (req: Parameters<NumberPortIn['requestPortIn']>[0]) => Promise<PortInCustomer | undefined> {
  return async (req) => {
    const { orderId, itemId } = keyParts(req.idempotencyKey);
    const f = await facts(orderId);
    const customer = f?.customerId === undefined ? undefined : world.customer(f.customerId);
    if (customer === undefined) return undefined;
    const chars = f?.items.get(itemId)?.characteristics ?? {};
    const named = chars.portingAuthorisationName;
    return {
      authorizedName: typeof named === 'string' && named.trim() !== '' ? named : `${customer.givenName} ${customer.familyName}`,
      serviceAddress: portAddress(customer.address), ...(customer.businessName === undefined ? {} : { businessName: customer.businessName }),
      ...portInAccountDetails(chars),
    };
  };
}
