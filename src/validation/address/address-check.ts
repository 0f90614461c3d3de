import { CODES } from '../finding-codes.js';
import { finding, type Finding } from '../finding.js';
import { SERVICE_PLACE_ROLES } from '../order-vocabulary.js';
import { closest, jaroWinkler } from '../string-similarity.js';
import type { PlaceAddress } from './address-from-place.js';
import type { AddressReference } from './address-reference.js';
import { parseStreetLine } from './street-line-parser.js';
import { checkUnit } from './unit-check.js';
import { oneLine, streetKey, type UsAddress } from './us-address.js';

/** Scores of one checked address, aggregated into the order's features. */
export interface AddressScores {
  readonly parseOk: boolean;
  /** 0..1: completeness and ZIP/city/state consistency. */
  readonly score: number;
  readonly unitMissing: boolean;
  readonly unitLikelyMissing: boolean;
  readonly poBoxService: boolean;
  readonly zipStateMismatch: boolean;
  readonly zipCityMismatch: boolean;
  readonly zipUnknown: boolean;
  /** JW of the street to the best known street; NaN when the inventory lists no streets. */
  readonly streetSim: number;
  /** JW of the city to the ZIP's city; NaN when the ZIP is unknown. */
  readonly citySim: number;
}

/** What the address check needs to know about one place. */
export interface AddressCheckInput {
  readonly placed: PlaceAddress;
  readonly role: string;
  /** JSON path of the place, e.g. `productOrderItem[0].product.place[0]`. */
  readonly path: string;
  /** A unit number found in the order's notes, offered as a suggestion. */
  readonly noteUnit?: string;
}

/** The result of checking one address. */
export interface AddressCheckResult {
  readonly findings: readonly Finding[];
  readonly scores: AddressScores;
}

// Reference lists are long-lived (one per ZIP or state): what is derived from them is kept with them.
const STREET_NAMES = new WeakMap<readonly string[], ReadonlySet<string | undefined>>();
const CITY_SETS = new WeakMap<readonly string[], ReadonlySet<string>>();
const CLOSEST = new WeakMap<readonly string[], Map<string, ReturnType<typeof closest>>>();
const ZIP5 = /^\d{5}$/;
const SAINT = /^(ST|SAINT)\s/;
const FORT = /^(FT|FORT)\s/;
const MOUNT = /^(MT|MOUNT)\s/;

const CITY_SUGGEST = 0.85;
const STREET_SUGGEST = 0.85;

/** Checks one US address: completeness, ZIP/state/city consistency, PO box, unit, street. */
export function checkAddress(input: AddressCheckInput, ref: AddressReference): AddressCheckResult {
  const a = input.placed.address;
  const f = fieldNamer(input);
  const out: Finding[] = [];
  const isService = SERVICE_PLACE_ROLES.includes(input.role);
  const hasStreet = a.poBox !== undefined || (a.streetNr !== undefined && a.streetName !== undefined);
  const hasLocality = a.zip !== undefined || (a.city !== undefined && (a.state ?? a.stateGiven) !== undefined);
  if (!hasStreet || !hasLocality) {
    const missing = [!hasStreet && 'house number and street', !hasLocality && 'ZIP or city and state'].filter(Boolean).join(', ');
    out.push(finding(f('streetName'), CODES.ADDR_UNPARSEABLE, 'blocking', `The ${input.role} is incomplete: missing ${missing}`, 0.95));
  }
  const zipResult = checkLocality(a, ref, f);
  out.push(...zipResult.findings);
  const poBoxService = isService && a.poBox !== undefined;
  if (poBoxService) {
    out.push(finding(f('streetName'), CODES.ADDR_PO_BOX_SERVICE, 'blocking', `A PO box cannot be the ${input.role}; service needs a physical address`, 0.97, 'the physical street address of the premises'));
  }
  const unit = isService && hasStreet && a.poBox === undefined ? checkUnit(a, ref, f('geographicSubAddress'), input.noteUnit) : undefined;
  out.push(...(unit?.findings ?? []));
  const street = checkStreet(a, ref, f('streetName'));
  out.push(...street.findings);
  const parseOk = hasStreet && hasLocality;
  const scores: AddressScores = {
    parseOk,
    score: parseOk ? Math.max(0, 1 - zipResult.penalty - street.penalty - (unit?.missing === true ? 0.3 : 0) - (a.streetType === undefined && a.poBox === undefined ? 0.05 : 0)) : 0,
    unitMissing: unit?.missing ?? false,
    unitLikelyMissing: unit?.likelyMissing ?? false,
    poBoxService,
    zipStateMismatch: zipResult.stateMismatch,
    zipCityMismatch: zipResult.cityMismatch,
    zipUnknown: zipResult.unknown,
    streetSim: street.sim,
    citySim: zipResult.citySim,
  };
  return { findings: out, scores };
}

type FieldNamer = (tmfField: string) => string;

// Free-text addresses have one field; structured ones point at the offending member.
function fieldNamer(input: AddressCheckInput): FieldNamer {
  return input.placed.form === 'freeText' ? () => `${input.path}.name` : (tmf) => `${input.path}.${tmf}`;
}

interface LocalityResult {
  readonly findings: Finding[];
  readonly penalty: number;
  readonly unknown: boolean;
  readonly stateMismatch: boolean;
  readonly cityMismatch: boolean;
  readonly citySim: number;
}

function checkLocality(a: UsAddress, ref: AddressReference, f: FieldNamer): LocalityResult {
  const out: Finding[] = [];
  const base = { findings: out, penalty: 0, unknown: false, stateMismatch: false, cityMismatch: false, citySim: Number.NaN };
  if (a.stateGiven !== undefined) {
    out.push(finding(f('stateOrProvince'), CODES.ADDR_STATE_INVALID, 'blocking', `'${a.stateGiven}' is not a US state or territory`, 0.9));
  }
  if (a.zip === undefined) return { ...base, penalty: 0.15, ...checkCityInState(a, ref, f, out) };
  if (!ZIP5.test(a.zip)) {
    out.push(finding(f('postcode'), CODES.ADDR_ZIP_INVALID, 'blocking', `'${a.zip}' is not a US ZIP code (5 digits, optionally ZIP+4)`, 0.97));
    return { ...base, penalty: 0.5, unknown: true };
  }
  const info = ref.zip(a.zip);
  if (info === undefined) {
    out.push(finding(f('postcode'), CODES.ADDR_ZIP_UNKNOWN, 'warning', `ZIP ${a.zip} is not in the ZIP table`, 0.6));
    return { ...base, penalty: 0.25, unknown: true };
  }
  const stateMismatch = a.state !== undefined && a.state !== info.state;
  if (stateMismatch) {
    out.push(finding(f('stateOrProvince'), CODES.ADDR_ZIP_STATE_MISMATCH, 'blocking', `ZIP ${a.zip} is in ${info.state}, not ${a.state}`, 0.92, info.state));
  }
  const city = compareCity(a, info.city, ref, f);
  out.push(...city.findings);
  return { ...base, penalty: (stateMismatch ? 0.4 : 0) + city.penalty, stateMismatch, cityMismatch: city.mismatch, citySim: city.sim };
}

function compareCity(a: UsAddress, zipCity: string, ref: AddressReference, f: FieldNamer): { findings: Finding[]; penalty: number; mismatch: boolean; sim: number } {
  if (a.city === undefined) return { findings: [], penalty: 0.05, mismatch: false, sim: Number.NaN };
  const want = zipCity.toUpperCase();
  const sim = jaroWinkler(a.city, want);
  // Exact only: JW rates one-letter typos (Austn) above any useful threshold.
  if (a.city === want || sameAfterSaintExpansion(a.city, want)) return { findings: [], penalty: 0, mismatch: false, sim };
  // A real city of the same state may be an acceptable name for the ZIP (Manhattan for New York).
  const isKnownCity = a.state !== undefined && setOf(ref.cities(a.state)).has(a.city);
  const confidence = isKnownCity ? 0.5 : sim >= CITY_SUGGEST ? 0.9 : 0.7;
  const message = `City '${a.city}' does not match ZIP ${a.zip ?? ''} (${zipCity})`;
  return { findings: [finding(f('city'), CODES.ADDR_ZIP_CITY_MISMATCH, 'warning', message, confidence, zipCity)], penalty: 0.2 * (1 - sim), mismatch: true, sim };
}

function sameAfterSaintExpansion(a: string, b: string): boolean {
  return expandSaint(a) === expandSaint(b);
}

function expandSaint(s: string): string {
  return s.replace(SAINT, 'SAINT ').replace(FORT, 'FORT ').replace(MOUNT, 'MOUNT ');
}

function setOf(list: readonly string[]): ReadonlySet<string> {
  let set = CITY_SETS.get(list);
  if (set === undefined) CITY_SETS.set(list, (set = new Set(list)));
  return set;
}

// The closest candidate of a reference list, remembered per list and value.
function closestIn(value: string, list: readonly string[]): ReturnType<typeof closest> {
  let byValue = CLOSEST.get(list);
  if (byValue === undefined) CLOSEST.set(list, (byValue = new Map<string, ReturnType<typeof closest>>()));
  if (byValue.has(value)) return byValue.get(value);
  const best = closest(value, list);
  if (byValue.size >= 10_000) byValue.clear();
  byValue.set(value, best);
  return best;
}

function streetNamesOf(streets: readonly string[]): ReadonlySet<string | undefined> {
  let names = STREET_NAMES.get(streets);
  if (names === undefined) STREET_NAMES.set(streets, (names = new Set(streets.map((s) => parseStreetLine(s).streetName))));
  return names;
}

function checkCityInState(a: UsAddress, ref: AddressReference, f: FieldNamer, out: Finding[]): Partial<LocalityResult> {
  if (a.city === undefined || a.state === undefined) return {};
  const cities = ref.cities(a.state);
  if (cities.length === 0 || setOf(cities).has(a.city)) return {};
  const best = closestIn(a.city, cities);
  if (best !== undefined && best.score >= CITY_SUGGEST) {
    out.push(finding(f('city'), CODES.ADDR_CITY_MISSPELLED, 'warning', `City '${a.city}' is not known in ${a.state}; did you mean ${best.candidate}?`, best.score, best.candidate));
  }
  return { citySim: best?.score ?? 0 };
}

function checkStreet(a: UsAddress, ref: AddressReference, field: string): { findings: Finding[]; penalty: number; sim: number } {
  if (a.zip === undefined || a.streetName === undefined) return { findings: [], penalty: 0, sim: Number.NaN };
  const streets = ref.streets(a.zip);
  if (streets === undefined || streets.length === 0) return { findings: [], penalty: 0, sim: Number.NaN };
  const key = streetKey(a);
  if (setOf(streets).has(key)) return { findings: [], penalty: 0, sim: 1 };
  const best = closestIn(key, streets);
  const sim = best?.score ?? 0;
  // The same street name with another suffix or directional is the inventory's spelling, not a typo.
  if (streetNamesOf(streets).has(a.streetName)) return { findings: [], penalty: 0, sim };
  if (best !== undefined && sim >= STREET_SUGGEST) {
    const msg = `Street '${key}' is not served in ZIP ${a.zip}; did you mean ${best.candidate}?`;
    return { findings: [finding(field, CODES.ADDR_STREET_MISSPELLED, 'warning', msg, sim, best.candidate)], penalty: 0.1, sim };
  }
  return { findings: [finding(field, CODES.ADDR_STREET_UNKNOWN, 'warning', `Street '${key}' is not known in ZIP ${a.zip} (${oneLine(a)})`, 0.6)], penalty: 0.2, sim };
}
