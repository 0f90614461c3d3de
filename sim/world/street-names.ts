import type { RandomStream } from '../random/index.js';

const NAME_STEMS: readonly string[] = [
  'Oak', 'Maple', 'Cedar', 'Pine', 'Elm', 'Willow', 'Birch', 'Magnolia', 'Sycamore', 'Hickory', 'Aspen',
  'Washington', 'Lincoln', 'Jefferson', 'Madison', 'Monroe', 'Jackson', 'Franklin', 'Hamilton', 'Adams',
  'Park', 'Lake', 'Hill', 'River', 'Spring', 'Meadow', 'Forest', 'Sunset', 'Highland', 'Valley', 'Ridge',
  'Main', 'Church', 'Mill', 'Market', 'Water', 'Bridge', 'School', 'Center', 'Union', 'College',
  'Martin Luther King Jr', 'Cesar Chavez', 'Dogwood', 'Chestnut', 'Walnut', 'Poplar', 'Laurel', 'Juniper',
  'Santa Fe', 'El Camino', 'Vista del Sol', 'Rio Grande', 'Peachtree', 'Bluebonnet', 'Cypress', 'Mesquite',
  'First', 'Second', 'Third', 'Fourth', 'Fifth', '6th', '7th', '8th', '9th', '10th', '12th', '14th', '21st',
];

const STREET_TYPES: readonly (readonly [string, number])[] = [
  ['St', 30], ['Ave', 22], ['Rd', 12], ['Dr', 12], ['Ln', 7], ['Blvd', 5], ['Ct', 4], ['Way', 4], ['Pl', 2],
  ['Pkwy', 1], ['Cir', 1],
];

const DIRECTIONALS: readonly string[] = ['N', 'S', 'E', 'W'];

/** An invented street: optional directional, name and USPS type. */
export interface Street {
  readonly preDirectional?: string;
  readonly streetName: string;
  readonly streetType: string;
}

/** Invents `count` distinct streets for one ZIP. */
export function inventStreets(rng: RandomStream, count: number): Street[] {
  const seen = new Set<string>();
  const out: Street[] = [];
  while (out.length < count) {
    const streetName = rng.pick(NAME_STEMS);
    const streetType = rng.weighted(STREET_TYPES);
    const preDirectional = rng.bernoulli(0.15) ? rng.pick(DIRECTIONALS) : undefined;
    const key = `${preDirectional ?? ''} ${streetName} ${streetType}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(preDirectional === undefined ? { streetName, streetType } : { preDirectional, streetName, streetType });
  }
  return out;
}
