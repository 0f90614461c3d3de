import { US_PLACE_LINES } from './us-places.js';

/** A real US city with its state and some of its ZIP codes. */
export interface UsPlace {
  readonly state: string;
  readonly city: string;
  readonly zips: readonly string[];
}

/** The real US places the world is built on, parsed once. */
export const US_PLACES: readonly UsPlace[] = US_PLACE_LINES.map((line) => {
  const [state = '', city = '', zips = ''] = line.split('|');
  return { state, city, zips: zips.split(',') };
});

/** The states covered, in region order (one region per state). */
export const US_PLACE_STATES: readonly string[] = [...new Set(US_PLACES.map((p) => p.state))];

/** The places of one state. */
export function placesOfState(state: string): readonly UsPlace[] {
  return US_PLACES.filter((p) => p.state === state);
}
