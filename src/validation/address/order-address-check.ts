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
  const cityHint = (zip: string): string | undefined => ref.zip(zip)?.city;
  const out: ParsedPlace[] = [];
  for (const item of items) {
    for (const { place, path } of item.places) {
      const placed = addressFromPlace(place, cityHint);
      if (placed !== undefined) out.push({ placed, role: place.role, path });
    }
  }
  return out;
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

function addressFeatures(s: readonly AddressScores[]): Record<string, number> {
  const any = (pick: (x: AddressScores) => boolean): number => (s.length === 0 ? Number.NaN : s.some(pick) ? 1 : 0);
  return {
    [FEATURES.addrCount]: s.length,
    [FEATURES.addrParseOk]: s.length === 0 ? Number.NaN : s.every((x) => x.parseOk) ? 1 : 0,
    [FEATURES.addrScore]: minOf(s.map((x) => x.score)),
    [FEATURES.unitMissing]: any((x) => x.unitMissing),
    [FEATURES.unitLikelyMissing]: any((x) => x.unitLikelyMissing),
    [FEATURES.poBoxService]: any((x) => x.poBoxService),
    [FEATURES.zipStateMismatch]: any((x) => x.zipStateMismatch),
    [FEATURES.zipCityMismatch]: any((x) => x.zipCityMismatch),
    [FEATURES.zipUnknown]: any((x) => x.zipUnknown),
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
