import { streamFor, type RandomStream, type Seed } from '../random/index.js';
import type { Building, BuildingRegistry } from './building-registry.js';
import type { CarrierAccount, Customer } from './customer.js';
import { LOSING_CARRIERS } from './losing-carrier.js';
import { nicknamesOf } from './names/nicknames.js';
import { BUSINESS_FORMS, BUSINESS_STEMS, BUSINESS_TRADES, FAMILY_NAMES, GIVEN_NAMES } from './names/person-names.js';
import { drawPhoneNumber } from './phone-number.js';
import type { Region } from './region.js';

const MAIL_DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'aol.com', 'hotmail.com'];

/** Lower-case ASCII form of a name for e-mail addresses. */
function asciiSlug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function pickBuilding(rng: RandomStream, region: Region, registry: BuildingRegistry): Building {
  const place = rng.pick(region.places);
  const list = registry.buildingsOf(rng.pick(place.zips));
  const wantMdu = rng.bernoulli(region.mduShare);
  const fitting = list.filter((b) => (b.kind === 'multi-dwelling') === wantMdu);
  return rng.pick(fitting.length > 0 ? fitting : list);
}

function carrierAccountOf(rng: RandomStream, c: Omit<Customer, 'carrierAccount'>, region: Region): CarrierAccount {
  const carrier = rng.weighted(LOSING_CARRIERS.map((k) => [k, k.marketShare] as const));
  const lines = c.kind === 'business' ? 1 + rng.poisson(1.5) : 1 + rng.poisson(0.4);
  const tns = Array.from({ length: lines }, () => drawPhoneNumber(rng, region.areaCodes));
  const holder = `${c.givenName} ${c.familyName}`;
  // Some accounts are held by a household member: the usual source of name mismatches.
  const names = rng.bernoulli(0.15) ? [`${rng.pick(GIVEN_NAMES)} ${c.familyName}`] : [holder];
  const base = {
    carrierId: carrier.id,
    customerId: c.id,
    type: c.kind === 'business' ? ('BUSINESS' as const) : ('CONSUMER' as const),
    accountNumber: rng.chars(rng.int(8, 12)),
    authorizedNames: names,
    serviceAddress: c.address,
    btn: tns[0] ?? c.contactPhone,
    tns,
  };
  const withPin = carrier.requiresPin || rng.bernoulli(0.2) ? { ...base, pin: rng.chars(rng.int(4, 6)) } : base;
  return c.businessName === undefined ? withPin : { ...withPin, businessName: c.businessName };
}

function drawCustomer(seed: Seed, i: number, regions: readonly Region[], registry: BuildingRegistry): Customer {
  const rng = streamFor(seed, 'customer', i);
  const region = rng.pick(regions);
  const building = pickBuilding(rng, region, registry);
  const unit = building.units.length > 0 ? { unitType: building.unitType, unit: rng.pick(building.units) } : {};
  const kind = rng.bernoulli(0.12) ? ('business' as const) : ('individual' as const);
  const givenName = rng.pick(GIVEN_NAMES);
  const familyName = rng.pick(FAMILY_NAMES);
  const nicks = nicknamesOf(givenName);
  const nickname = nicks.length > 0 && rng.bernoulli(0.55) ? rng.pick(nicks) : undefined;
  const businessName =
    kind === 'business' ? `${rng.bernoulli(0.3) ? familyName : rng.pick(BUSINESS_STEMS)} ${rng.pick(BUSINESS_TRADES)} ${rng.pick(BUSINESS_FORMS)}`.trim() : undefined;
  const mailName = rng.bernoulli(0.6) ? `${asciiSlug(nickname ?? givenName)}.${asciiSlug(familyName)}` : `${asciiSlug(givenName).slice(0, 1)}${asciiSlug(familyName)}${rng.int(1, 99)}`;
  const customer: Omit<Customer, 'carrierAccount'> = {
    id: `CUST-${String(i).padStart(6, '0')}`,
    kind,
    givenName,
    familyName,
    ...(nickname === undefined ? {} : { nickname }),
    ...(businessName === undefined ? {} : { businessName }),
    displayName: businessName ?? `${givenName} ${familyName}`,
    email: businessName === undefined ? `${mailName}@${rng.pick(MAIL_DOMAINS)}` : `${mailName}@${asciiSlug(businessName).slice(0, 14)}.com`,
    contactPhone: drawPhoneNumber(rng, region.areaCodes),
    regionId: region.id,
    buildingId: building.id,
    address: { ...building.address, ...unit },
    creditScore: Math.min(850, Math.max(300, Math.round(rng.normal(690, 70)))),
    prospect: rng.bernoulli(0.4),
    billingAccountId: `BA-${String(i).padStart(6, '0')}`,
  };
  const hasCarrier = rng.bernoulli(customer.prospect ? 0.8 : 0.35);
  return hasCarrier ? { ...customer, carrierAccount: carrierAccountOf(rng, customer, region) } : customer;
}

/** Builds `count` customers; customer i depends only on (seed, i), the regions and the buildings. */
export function buildCustomers(seed: Seed, count: number, regions: readonly Region[], registry: BuildingRegistry): Customer[] {
  return Array.from({ length: count }, (_, i) => drawCustomer(seed, i, regions, registry));
}
