import type { RandomStream } from '../random/index.js';
import { placesOfState, US_PLACE_STATES, type UsPlace } from './places/us-place.js';

/** Area codes used for numbers in each state's region (real NPAs of those states). */
const AREA_CODES: Readonly<Record<string, readonly string[]>> = {
  TX: ['512', '214', '713', '210', '817'], CA: ['213', '415', '619', '916', '408'], NY: ['212', '718', '516', '585'],
  FL: ['305', '407', '813', '904'], IL: ['312', '773', '630', '217'], PA: ['215', '412', '717', '610'],
  OH: ['216', '614', '513', '419'], GA: ['404', '770', '678', '912'], NC: ['704', '919', '336', '828'],
  MI: ['313', '248', '616', '517'], NJ: ['201', '973', '732', '609'], VA: ['703', '804', '757', '540'],
  WA: ['206', '425', '253', '509'], AZ: ['602', '480', '520', '928'], MA: ['617', '508', '781', '413'],
  TN: ['615', '901', '865', '423'], IN: ['317', '219', '260', '812'], MO: ['314', '816', '417', '573'],
  MD: ['410', '301', '443', '240'], CO: ['303', '720', '719', '970'],
};

/** A service region: one state's cities, on the legacy or the new provisioning stack. */
export interface Region {
  readonly id: string;
  readonly index: number;
  readonly name: string;
  readonly state: string;
  readonly places: readonly UsPlace[];
  readonly areaCodes: readonly string[];
  /** Runs on the legacy provisioning stack (slower, times out under load) until migrated. */
  readonly legacy: boolean;
  /** Local address-data quality offset on the address-fallout logit (latent). */
  readonly addrOffset: number;
  /** Share of multi-dwelling buildings among the region's addresses (latent). */
  readonly mduShare: number;
}

/** How many regions the world has and how many of them start on the legacy stack. */
export const REGION_COUNT = 20;
/** Regions 0..LEGACY_REGION_COUNT-1 run on the legacy provisioning stack (a quarter of the fleet). */
export const LEGACY_REGION_COUNT = 5;

/** Builds the twenty regions, one per covered state. */
export function buildRegions(rng: RandomStream): Region[] {
  return US_PLACE_STATES.slice(0, REGION_COUNT).map((state, index) => {
    const places = placesOfState(state);
    const main = places[0]?.city ?? state;
    return {
      id: `REG-${String(index).padStart(2, '0')}`,
      index,
      name: `${state} ${main} metro`,
      state,
      places,
      areaCodes: AREA_CODES[state] ?? ['201'],
      legacy: index < LEGACY_REGION_COUNT,
      addrOffset: rng.normal(0, 0.3),
      mduShare: rng.uniform(0.15, 0.5),
    };
  });
}
