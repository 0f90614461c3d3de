import { parseOneLineAddress } from './one-line-address-parser.js';
import { addressTokens, parseStreetTokens, type StreetLineParts } from './street-line-parser.js';
import type { UsAddress } from './us-address.js';
import { UNIT_DESIGNATORS, US_STATES } from './usps-abbreviations.js';

/** An address read from a TMF673 GeographicAddress (structured) or its one-line `name` (free text). */
export interface PlaceAddress {
  readonly address: UsAddress;
  readonly form: 'structured' | 'freeText';
}

const STRUCTURED_FIELDS = ['streetNr', 'streetName', 'city', 'postcode', 'stateOrProvince'] as const;
const COUNTRIES: ReadonlyMap<string, string> = new Map([
  ['US', 'US'], ['USA', 'US'], ['UNITED STATES', 'US'], ['UNITED STATES OF AMERICA', 'US'], ['U.S.', 'US'], ['U.S.A.', 'US'],
]);

/**
 * Reads the address of a place. Structured TMF673 fields win; otherwise a one-line `name` (or
 * `streetLine`) is parsed. Undefined when the place carries no address at all (a bare reference).
 */
export function addressFromPlace(place: Readonly<Record<string, unknown>>, cityHint?: (zip: string) => string | undefined): PlaceAddress | undefined {
  if (STRUCTURED_FIELDS.some((f) => str(place[f]) !== undefined)) return { address: structured(place), form: 'structured' };
  const line = str(place['name']) ?? str(place['streetLine']) ?? str(place['addressLine']);
  if (line === undefined || !/\d/.test(line)) return undefined;
  const parsed = parseOneLineAddress(line, cityHint);
  const country = str(place['country']);
  return { address: country === undefined ? parsed : { ...parsed, country: countryCode(country) }, form: 'freeText' };
}

function structured(p: Readonly<Record<string, unknown>>): UsAddress {
  const streetTokens = [str(p['streetNr']), str(p['streetNrSuffix']), str(p['streetName']), str(p['streetType']), str(p['streetSuffix'])]
    .filter((s): s is string => s !== undefined)
    .flatMap(addressTokens);
  const street = parseStreetTokens(streetTokens);
  const unit = subUnitOf(p['geographicSubAddress']);
  const stateGiven = str(p['stateOrProvince']);
  const state = stateGiven === undefined ? undefined : US_STATES.get(stateGiven.toUpperCase().replace(/\./g, '').trim());
  const postcode = str(p['postcode'])?.replace(/\s/g, '');
  const zipParts = /^(\d{5})-?(\d{4})?$/.exec(postcode ?? '');
  const city = str(p['city'])?.toUpperCase().replace(/[.,]/g, '').replace(/\s+/g, ' ').trim();
  // Filled field by field: object spreads are the slowest step of reading an address.
  const out = Object.assign<Mutable<UsAddress>, StreetLineParts>({} as Mutable<UsAddress>, street);
  if (unit !== undefined) Object.assign(out, unit);
  if (city !== undefined) out.city = city;
  if (state !== undefined) out.state = state;
  else if (stateGiven !== undefined) out.stateGiven = stateGiven;
  if (zipParts?.[1] !== undefined) out.zip = zipParts[1];
  else if (postcode !== undefined) out.zip = postcode;
  if (zipParts?.[2] !== undefined) out.zip4 = zipParts[2];
  out.country = countryCode(str(p['country']) ?? 'US');
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// TMF673 v4 nests units under subUnit[]; older payloads put subUnitType/Number on the sub-address.
function subUnitOf(value: unknown): { unitType: string; unitNumber?: string } | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (first === null || typeof first !== 'object') return undefined;
  const rec = first as Record<string, unknown>;
  const inner: unknown = Array.isArray(rec['subUnit']) ? (rec['subUnit'] as unknown[])[0] : rec;
  if (inner === null || typeof inner !== 'object') return undefined;
  const u = inner as Record<string, unknown>;
  const number = str(u['subUnitNumber'])?.toUpperCase().replace(/^#\s*/, '');
  const typeGiven = str(u['subUnitType'])?.toUpperCase().replace(/\./g, '');
  if (number === undefined && typeGiven === undefined) return undefined;
  const unitType = (typeGiven === undefined ? undefined : UNIT_DESIGNATORS.get(typeGiven)) ?? typeGiven ?? 'UNIT';
  return number === undefined ? { unitType } : { unitType, unitNumber: number };
}

function countryCode(country: string): string {
  const c = country.toUpperCase().trim();
  return COUNTRIES.get(c) ?? c;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
