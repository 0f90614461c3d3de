import {
  buildingKey,
  inMemoryAddressReference,
  parseStreetLine,
  type AccountLookup,
  type AccountLookupQuery,
  type AccountRecord,
  type AddressReference,
  type BuildingInfo,
} from '../../src/validation/index.js';
import { streetLine, type Building, type CarrierAccount, type PostalAddress, type World } from '../world/index.js';

/** The validator's building key of a world address: parsed by the same street-line parser the validator uses. */
function validatorKey(a: PostalAddress): string {
  const { unit: _unit, unitType: _unitType, ...bare } = a;
  const { unitType: _t, unitNumber: _u, ...street } = parseStreetLine(streetLine(bare));
  return buildingKey({ ...street, zip: a.postalCode.slice(0, 5), country: 'US' });
}

function infoOf(b: Building): BuildingInfo {
  return b.kind === 'multi-dwelling' ? { kind: 'multi', units: b.units.map((u) => u.toUpperCase()) } : { kind: 'single' };
}

/**
 * The address reference a server on the simulated world uses: the offline ZIP table for ZIP,
 * city and state, and the world's building registry as the address inventory (which buildings
 * exist, which are multi-dwelling with which units, which streets each ZIP has).
 */
export function worldAddressReference(world: World): AddressReference {
  const buildings = new Map<string, BuildingInfo>();
  const streets = new Map<string, string[]>();
  for (const b of world.buildings.buildings) {
    buildings.set(validatorKey(b.address), infoOf(b));
    const zip = b.address.postalCode.slice(0, 5);
    const key = validatorKey({ ...b.address, streetNumber: '1' }).split('|')[1] ?? '';
    const list = streets.get(zip) ?? [];
    if (!list.includes(key)) list.push(key);
    streets.set(zip, list);
  }
  return inMemoryAddressReference({ buildings, streets });
}

function digits(tn: string): string {
  const d = tn.replace(/\D/g, '');
  return d.length === 11 && d.startsWith('1') ? d.slice(1) : d;
}

function recordOf(world: World, account: CarrierAccount): AccountRecord {
  const carrier = world.carriers.find((c) => c.id === account.carrierId);
  const names = account.businessName === undefined ? account.authorizedNames : [account.businessName, ...account.authorizedNames];
  return {
    holderName: names[0] ?? '',
    otherNames: names.slice(1),
    kind: account.type === 'BUSINESS' ? 'business' : 'individual',
    ...(carrier === undefined ? {} : { pinRequired: carrier.requiresPin, network: carrier.kind }),
    tns: account.tns.map(digits),
  };
}

/**
 * The account lookup a server on the simulated world uses: the losing carriers' account records
 * (customer service records), found by the number to port, else by the customer id.
 */
export function worldAccountLookup(world: World): AccountLookup {
  const byTn = new Map<string, AccountRecord>();
  const byCustomer = new Map<string, AccountRecord>();
  for (const c of world.customers) {
    const account = c.carrierAccount;
    if (account === undefined) continue;
    const record = recordOf(world, account);
    byCustomer.set(c.id, record);
    for (const tn of account.tns) byTn.set(tn, record);
  }
  return (q: AccountLookupQuery) => {
    const hit = q.msisdn === undefined ? undefined : byTn.get(digits(q.msisdn));
    return hit ?? (q.customerId === undefined ? undefined : byCustomer.get(q.customerId));
  };
}
