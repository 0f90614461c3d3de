import { FEATURES } from '../feature-names.js';
import type { CheckResult, Finding } from '../finding.js';
import type { ItemView } from '../item-view.js';
import { addressFromPlace, type PlaceAddress } from './address-from-place.js';
import { checkAddress, type AddressScores } from './address-check.js';
import type { AddressReference } from './address-reference.js';
import { oneLine } from './us-address.js';

/** An address read from one item's place, with the place's role and TMF622 path. */
export interface ParsedPlace {
  readonly placed: PlaceAddress;
  readonly role: string;
  readonly path: string;
}

/** Reads the address of every place on every item; places without an address are skipped. */
export function parsePlaces(items: readonly ItemView[], ref: AddressReference): ParsedPlace[] {
  const cityHint = cityHintOf(ref);
  const out: ParsedPlace[] = [];
  for (const item of items) {
    for (const { place, path } of item.places) {
      const placed = addressFromPlace(place, cityHint);
      if (placed !== undefined) out.push({ placed, role: place.role, path });
    }
  }
  return out;
}

// One hint function per reference, so parsing an order builds no closure.
const CITY_HINTS = new WeakMap<AddressReference, (zip: string) => string | undefined>();

function cityHintOf(ref: AddressReference): (zip: string) => string | undefined {
  let hint = CITY_HINTS.get(ref);
  if (hint === undefined) CITY_HINTS.set(ref, (hint = (zip) => ref.zip(zip)?.city));
  return hint;
}

/** Checks every US address of the order; an address repeated on several items is checked once. */
export function checkOrderAddresses(places: readonly ParsedPlace[], ref: AddressReference, noteUnit?: string): CheckResult {
  const findings: Finding[] = [];
  const scores: AddressScores[] = [];
  const seen = new Set<string>();
  for (const { placed, role, path } of places) {
    const key = `${role}|${oneLine(placed.address)}`;
    if (seen.has(key) || placed.address.country !== 'US') continue;
    seen.add(key);
    const r = checkAddress({ placed, role, path, ...(noteUnit === undefined ? {} : { noteUnit }) }, ref);
    findings.push(...r.findings);
    scores.push(r.scores);
  }
  return { findings, features: addressFeatures(scores) };
}

function any(s: readonly AddressScores[], pick: (x: AddressScores) => boolean): number {
  return s.length === 0 ? Number.NaN : s.some(pick) ? 1 : 0;
}

function addressFeatures(s: readonly AddressScores[]): Record<string, number> {
  return {
    [FEATURES.addrCount]: s.length,
    [FEATURES.addrParseOk]: s.length === 0 ? Number.NaN : s.every((x) => x.parseOk) ? 1 : 0,
    [FEATURES.addrScore]: minOf(s.map((x) => x.score)),
    [FEATURES.unitMissing]: any(s, (x) => x.unitMissing),
    [FEATURES.unitLikelyMissing]: any(s, (x) => x.unitLikelyMissing),
    [FEATURES.poBoxService]: any(s, (x) => x.poBoxService),
    [FEATURES.zipStateMismatch]: any(s, (x) => x.zipStateMismatch),
    [FEATURES.zipCityMismatch]: any(s, (x) => x.zipCityMismatch),
    [FEATURES.zipUnknown]: any(s, (x) => x.zipUnknown),
    [FEATURES.streetSim]: minOf(s.map((x) => x.streetSim)),
    [FEATURES.citySim]: minOf(s.map((x) => x.citySim)),
  };
}

// NaN entries mean "not applicable" and are skipped; all-NaN stays NaN.
function minOf(values: readonly number[]): number {
  let min = Number.NaN;
  for (const v of values) if (!Number.isNaN(v) && !(v >= min)) min = v;
  return min;
}
