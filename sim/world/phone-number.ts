import type { RandomStream } from '../random/index.js';

/** A valid-looking NANP number in one of the area codes: NXX 2-9xx, never 555 or N11. */
export function drawPhoneNumber(rng: RandomStream, areaCodes: readonly string[]): string {
  const npa = rng.pick(areaCodes);
  let nxx = rng.int(200, 999);
  while (nxx === 555 || nxx % 100 === 11) nxx = rng.int(200, 999);
  return `${npa}${nxx}${rng.chars(4)}`;
}

/** Formats ten digits in one of the ways people write numbers. */
export function formatPhone(rng: RandomStream, tn: string): string {
  const [a, b, c] = [tn.slice(0, 3), tn.slice(3, 6), tn.slice(6)];
  return rng.weighted([
    [`(${a}) ${b}-${c}`, 4],
    [`${a}-${b}-${c}`, 4],
    [`${a}.${b}.${c}`, 1],
    [`${a}${b}${c}`, 2],
    [`+1 ${a} ${b} ${c}`, 1],
  ]);
}
