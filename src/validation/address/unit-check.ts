import { CODES } from '../finding-codes.js';
import { finding, type Finding } from '../finding.js';
import { closest } from '../string-similarity.js';
import type { AddressReference } from './address-reference.js';
import type { UsAddress } from './us-address.js';

/** Outcome of the unit check on a service address. */
export interface UnitCheckResult {
  readonly findings: readonly Finding[];
  /** The inventory says multi-dwelling and no unit was given. */
  readonly missing: boolean;
  /** No inventory entry, but cues suggest a multi-dwelling building without a unit. */
  readonly likelyMissing: boolean;
}

// Words in a street line that usually name an apartment or office building.
const MDU_CUES = /\b(APARTMENTS?|APTS|TOWERS?|CONDOS?|CONDOMINIUMS?|LOFTS|RESIDENCES|COMMONS|VILLAS|MANOR|PLAZA|COMPLEX|MOBILE HOME|TRAILER PARK)\b/;

/** Multi-dwelling buildings need a unit; units the inventory does not list are suspicious. */
export function checkUnit(a: UsAddress, ref: AddressReference, field: string, noteUnit?: string): UnitCheckResult {
  const building = ref.building(a);
  const hasUnit = a.unitType !== undefined;
  if (building?.kind === 'multi' && !hasUnit) {
    const hint = noteUnit === undefined ? '' : ` (the order's notes mention unit ${noteUnit})`;
    const msg = `The building at ${a.streetNr ?? ''} ${a.streetName ?? ''} is multi-dwelling; a unit is required${hint}`;
    return { findings: [finding(field, CODES.ADDR_UNIT_REQUIRED, 'blocking', msg, 0.95, noteUnit)], missing: true, likelyMissing: false };
  }
  if (building?.kind === 'multi' && building.units !== undefined && building.units.length > 0 && a.unitNumber !== undefined) {
    if (!building.units.includes(a.unitNumber)) {
      const best = closest(a.unitNumber, building.units);
      const msg = `Unit ${a.unitNumber} is not listed for this building`;
      return { findings: [finding(field, CODES.ADDR_UNIT_UNKNOWN, 'warning', msg, 0.75, best?.candidate)], missing: false, likelyMissing: false };
    }
  }
  if (building === undefined && !hasUnit && (MDU_CUES.test(a.streetName ?? '') || noteUnit !== undefined)) {
    const why = noteUnit !== undefined ? `the order's notes mention unit ${noteUnit}` : 'the street line names an apartment building';
    const msg = `No unit given, but ${why}`;
    return { findings: [finding(field, CODES.ADDR_UNIT_LIKELY_REQUIRED, 'warning', msg, 0.7, noteUnit)], missing: false, likelyMissing: true };
  }
  return { findings: [], missing: false, likelyMissing: false };
}
