import { anAccount, type SimAccount } from './sim-account.js';
import { seededRandom } from './seeded-random.js';

const FIRST = ['Ann', 'Bob', 'Carla', 'Dev', 'Eve', 'Frank', 'Gia', 'Hal'];
const LAST = ['Lee', 'Roe', 'Diaz', 'Patel', 'Kim', 'Olsen', 'Novak', 'Reyes'];
const STREETS = ['Main St', 'Oak Ave', 'Elm St', 'Park Blvd', 'River Rd'];

/** Deterministic accounts for a carrier: the same seed gives the same names, PINs and numbers. */
export function seedAccounts(spid: string, seed: number, count: number): SimAccount[] {
  const rng = seededRandom(seed ^ [...spid].reduce((h, c) => h * 31 + c.charCodeAt(0), 7));
  const npa = 200 + (Math.abs([...spid].reduce((h, c) => h + c.charCodeAt(0), 0)) % 700);
  return Array.from({ length: count }, (_, i) => {
    const lines = rng.chance(0.2) ? rng.int(2, 4) : 1;
    const tns = Array.from({ length: lines }, (_, j) => `${npa}555${String(1000 + i * 5 + j).slice(-4)}`);
    const name = `${FIRST[rng.int(0, FIRST.length - 1)]} ${LAST[rng.int(0, LAST.length - 1)]}`;
    return anAccount({
      accountNumber: `${spid}-${String(100000 + i)}`, pin: String(rng.int(1000, 9999)), authorizedNames: [name], tns, btn: tns[0],
      serviceAddress: { line1: `${rng.int(1, 999)} ${STREETS[rng.int(0, STREETS.length - 1)]}`, city: 'New York', state: 'NY', postalCode: `100${String(rng.int(1, 99)).padStart(2, '0')}` },
    });
  });
}
