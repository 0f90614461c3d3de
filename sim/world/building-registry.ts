import { streamFor, type Seed } from '../random/index.js';
import { buildingKey, type PostalAddress } from './postal-address.js';
import type { Region } from './region.js';
import { inventStreets, type Street } from './street-names.js';

/** Whether a building has one dwelling or several. */
export const BUILDING_KINDS = ['single-dwelling', 'multi-dwelling'] as const;
/** The kind of a building. */
export type BuildingKind = (typeof BUILDING_KINDS)[number];

/** A building at a street address; multi-dwelling buildings list their unit numbers. */
export interface Building {
  readonly id: string;
  readonly regionId: string;
  readonly kind: BuildingKind;
  /** The address without unit. */
  readonly address: PostalAddress;
  /** Unit designator used in this building (`Apt`, `Unit`, `Ste`). */
  readonly unitType?: string;
  /** Unit numbers, empty for single-dwelling buildings. */
  readonly units: readonly string[];
}

/** The reference of which addresses exist, which are multi-dwelling and their units. */
export interface BuildingRegistry {
  readonly buildings: readonly Building[];
  /** Looks a building up by house number, street and ZIP (case-insensitive, unit ignored). */
  find(address: Pick<PostalAddress, 'streetNumber' | 'preDirectional' | 'streetName' | 'streetType' | 'postalCode'>): Building | undefined;
  /** The invented streets of a ZIP (for street-name checks). */
  streetsOf(zip: string): readonly Street[];
  /** The buildings of one ZIP. */
  buildingsOf(zip: string): readonly Building[];
  byId(id: string): Building | undefined;
}

const STREETS_PER_ZIP = 6;
const BUILDINGS_PER_STREET = 8;

function unitsFor(rng: ReturnType<typeof streamFor>): { unitType: string; units: string[] } {
  const floors = rng.int(2, 12);
  const perFloor = rng.int(2, 8);
  const style = rng.weighted([['numeric', 5], ['letter', 3], ['flat', 2]] as const);
  const units: string[] = [];
  for (let f = 1; f <= floors; f++) {
    for (let u = 1; u <= perFloor; u++) {
      if (style === 'numeric') units.push(`${f}${String(u).padStart(2, '0')}`);
      else if (style === 'letter') units.push(`${f}${String.fromCharCode(64 + u)}`);
      else units.push(String((f - 1) * perFloor + u));
    }
  }
  return { unitType: rng.weighted([['Apt', 6], ['Unit', 3], ['Ste', 1]] as const), units };
}

function buildingsOfStreet(seed: Seed, region: Region, city: string, zip: string, street: Street, s: number): Building[] {
  const rng = streamFor(seed, 'buildings', zip, s);
  const out: Building[] = [];
  let number = rng.int(1, 40) * (rng.bernoulli(0.5) ? 100 : 10) + rng.int(0, 9);
  for (let b = 0; b < BUILDINGS_PER_STREET; b++) {
    number += rng.int(1, 12) * 2;
    const address: PostalAddress = { streetNumber: String(number), ...street, city, state: region.state, postalCode: zip };
    const id = `BLD-${zip}-${s}-${b}`;
    if (rng.bernoulli(region.mduShare)) {
      out.push({ id, regionId: region.id, kind: 'multi-dwelling', address, ...unitsFor(rng) });
    } else {
      out.push({ id, regionId: region.id, kind: 'single-dwelling', address, units: [] });
    }
  }
  return out;
}

/** Builds the registry of every region's buildings; the same seed gives the same buildings. */
export function buildBuildingRegistry(seed: Seed, regions: readonly Region[]): BuildingRegistry {
  const buildings: Building[] = [];
  const streets = new Map<string, Street[]>();
  const byZip = new Map<string, Building[]>();
  for (const region of regions) {
    for (const place of region.places) {
      for (const zip of place.zips) {
        const zipStreets = inventStreets(streamFor(seed, 'streets', zip), STREETS_PER_ZIP);
        streets.set(zip, zipStreets);
        const list = zipStreets.flatMap((st, s) => buildingsOfStreet(seed, region, place.city, zip, st, s));
        byZip.set(zip, list);
        buildings.push(...list);
      }
    }
  }
  const byKey = new Map(buildings.map((b) => [buildingKey(b.address), b]));
  const byId = new Map(buildings.map((b) => [b.id, b]));
  return {
    buildings,
    find: (address) => byKey.get(buildingKey(address)),
    streetsOf: (zip) => streets.get(zip) ?? [],
    buildingsOf: (zip) => byZip.get(zip) ?? [],
    byId: (id) => byId.get(id),
  };
}
