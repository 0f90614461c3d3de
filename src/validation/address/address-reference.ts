import { streetKey, type UsAddress } from './us-address.js';
import { citiesOfState, lookupZip, type ZipInfo } from './zip-directory.js';

/** Dwelling type of a building, as the address inventory knows it. */
export const BUILDING_KINDS = ['single', 'multi'] as const;
/** Single-dwelling or multi-dwelling unit (MDU) building. */
export type BuildingKind = (typeof BUILDING_KINDS)[number];

/** What the address inventory knows about one building. */
export interface BuildingInfo {
  readonly kind: BuildingKind;
  /** Unit numbers of a multi-dwelling building, upper case, when known. */
  readonly units?: readonly string[];
}

/**
 * Reference data the address checks consult. Provisio passes an in-memory default; a deployment
 * can put a CASS-grade service or its own address inventory behind the same interface. Every
 * method is synchronous and pure from the caller's view, so validation stays fast. Lists it returns
 * are treated as immutable: the checks remember what they derive from each list object.
 */
export interface AddressReference {
  /** The ZIP's preferred city and state, or undefined when the ZIP is unknown. */
  zip(zip5: string): ZipInfo | undefined;
  /** City names (upper case) known in a state, for misspelling suggestions. */
  cities(state: string): readonly string[];
  /** The building at an address (house number, street, ZIP), or undefined when not known. */
  building(address: UsAddress): BuildingInfo | undefined;
  /** Street keys ("N MAIN ST") served in a ZIP, or undefined when the inventory has no list. */
  streets(zip5: string): readonly string[] | undefined;
}

/** Seed data for the in-memory reference. */
export interface InMemoryAddressData {
  /** Buildings keyed by `buildingKey()`. */
  readonly buildings?: ReadonlyMap<string, BuildingInfo>;
  /** Street keys by ZIP. */
  readonly streets?: ReadonlyMap<string, readonly string[]>;
  /** Alternative building lookup, consulted when `buildings` has no entry. */
  readonly buildingLookup?: (address: UsAddress) => BuildingInfo | undefined;
}

/** The key buildings are listed by: "123|N MAIN ST|78701". */
export function buildingKey(address: UsAddress): string {
  return `${address.streetNr ?? ''}|${streetKey(address)}|${address.zip ?? ''}`;
}

/** The default reference: the offline ZIP table plus optional buildings and streets in memory. */
export function inMemoryAddressReference(data: InMemoryAddressData = {}): AddressReference {
  return {
    zip: lookupZip,
    cities: citiesOfState,
    building: (a) => data.buildings?.get(buildingKey(a)) ?? data.buildingLookup?.(a),
    streets: (zip5) => data.streets?.get(zip5),
  };
}
