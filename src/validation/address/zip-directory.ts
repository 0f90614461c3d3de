import zipcodes from 'zipcodes';

/** What the offline ZIP table says about one ZIP code. */
export interface ZipInfo {
  readonly zip: string;
  /** The ZIP's preferred city name, as the table spells it ("Austin"). */
  readonly city: string;
  /** Two-letter state code. */
  readonly state: string;
}

let citiesByState: Map<string, string[]> | undefined;

/** Looks a five-digit ZIP up in the offline `zipcodes` table (an old public extract, not CASS). */
export function lookupZip(zip5: string): ZipInfo | undefined {
  const hit = zipcodes.lookup(zip5);
  if (hit === undefined) return undefined;
  return { zip: hit.zip, city: hit.city, state: hit.state };
}

/** Every city name the ZIP table knows in a state, upper case, built once on first use. */
export function citiesOfState(state: string): readonly string[] {
  if (citiesByState === undefined) {
    const index = new Map<string, Set<string>>();
    for (const z of Object.values(zipcodes.codes)) {
      let set = index.get(z.state);
      if (set === undefined) index.set(z.state, (set = new Set()));
      set.add(z.city.toUpperCase());
    }
    citiesByState = new Map([...index].map(([s, set]) => [s, [...set]]));
  }
  return citiesByState.get(state) ?? [];
}
