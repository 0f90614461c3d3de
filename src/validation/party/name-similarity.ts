import { BoundedCache } from '../bounded-cache.js';
import { jaroWinkler, soundAlike } from '../string-similarity.js';
import { nicknameMatch } from './nicknames.js';
import { normaliseBusinessName, partyKindOf } from './party-kind.js';
import { parsePersonName, type PersonName } from './person-name.js';

/** Given names at least this similar (JW) are read as one name with a typo; below, as two names. */
export const SAME_GIVEN_NAME = 0.85;

/** How two names compare for a port-in authorisation. */
export interface NameComparison {
  /** 0..1: 0.35·given + 0.45·surname + 0.20·[surname sounds alike], or JW for business names. */
  readonly similarity: number;
  readonly metaphoneMatch: boolean;
  readonly nicknameMatch: boolean;
  readonly kinds: readonly [string, string];
}

// An authorised name is compared with the same account holder on every order of that account.
const COMPARISONS = new BoundedCache<NameComparison>(50_000);
const NOT_LETTER = /[^a-z]/g;
const SURNAME_SPLIT = /[\s-]+/;
const SURNAME_JOIN = /[\s-]/g;

/** Compares two party names: business names as normalised strings, person names part by part. */
export function compareNames(a: string, b: string): NameComparison {
  return COMPARISONS.get(`${a}\u0000${b}`, () => compareUncached(a, b));
}

function compareUncached(a: string, b: string): NameComparison {
  const ka = partyKindOf(a);
  const kb = partyKindOf(b);
  if (ka === 'business' || kb === 'business') {
    const na = normaliseBusinessName(a);
    const nb = normaliseBusinessName(b);
    const sim = na === nb ? 1 : jaroWinkler(na, nb);
    return { similarity: sim, metaphoneMatch: false, nicknameMatch: false, kinds: [ka, kb] };
  }
  const persons = comparePersons(parsePersonName(a), parsePersonName(b));
  return { similarity: persons.similarity, metaphoneMatch: persons.metaphoneMatch, nicknameMatch: persons.nicknameMatch, kinds: [ka, kb] };
}

/** Compares two parsed person names, tolerating nicknames, initials, middle names and swapped order. */
export function comparePersons(a: PersonName, b: PersonName): Omit<NameComparison, 'kinds'> {
  const straight = scorePair(a, b);
  // "Smith Robert" typed without a comma: try the swapped reading and keep the better one.
  const swapped = scorePair({ given: a.surname, middle: a.middle, surname: a.given, ...(a.nickname === undefined ? {} : { nickname: a.nickname }) }, b);
  return swapped.similarity > straight.similarity + 0.05 ? swapped : straight;
}

function scorePair(a: PersonName, b: PersonName): Omit<NameComparison, 'kinds'> {
  const surnameSim = surnameSimilarity(a.surname, b.surname);
  const metaphone = surnameSim === 1 || soundAlike(a.surname.replace(NOT_LETTER, ''), b.surname.replace(NOT_LETTER, ''));
  const given = givenSimilarity(a, b);
  // Two different full given names are two people (a household member on the account), however
  // alike the surnames: JW rates unrelated given names at 0.6-0.8, which alone would pass.
  const bothGiven = a.given.length > 1 && b.given.length > 1;
  const givenScore = given.sim >= SAME_GIVEN_NAME || !bothGiven ? given.sim : given.sim * 0.3;
  return {
    similarity: Math.min(1, 0.35 * givenScore + 0.45 * surnameSim + 0.2 * (metaphone ? 1 : 0)),
    metaphoneMatch: metaphone,
    nicknameMatch: given.nickname,
  };
}

// Double-barrelled and particle surnames: "Garcia Lopez" matches "Garcia".
function surnameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const pa = a.split(SURNAME_SPLIT);
  const pb = b.split(SURNAME_SPLIT);
  let best = jaroWinkler(a.replace(SURNAME_JOIN, ''), b.replace(SURNAME_JOIN, ''));
  for (const x of pa) for (const y of pb) if (x.length > 2 && x === y) best = Math.max(best, 0.95);
  return best;
}

function givenSimilarity(a: PersonName, b: PersonName): { sim: number; nickname: boolean } {
  const ga = [a.given, a.nickname].filter((g): g is string => g !== undefined && g !== '');
  const gb = [b.given, b.nickname].filter((g): g is string => g !== undefined && g !== '');
  if (ga.length === 0 || gb.length === 0) return { sim: 0.7, nickname: false };
  let best = 0;
  let nickname = false;
  for (const x of ga) {
    for (const y of gb) {
      if (x === y) return { sim: 1, nickname: false };
      if (nicknameMatch(x, y)) {
        best = 1;
        nickname = true;
      } else if ((x.length === 1 || y.length === 1) && x[0] === y[0]) best = Math.max(best, 0.9);
      else best = Math.max(best, jaroWinkler(x, y));
    }
  }
  // A middle name used as the given name ("J. Robert Smith" signs as "Robert Smith").
  if (best < 0.9 && (a.middle.some((m) => gb.includes(m)) || b.middle.some((m) => ga.includes(m)))) best = 0.9;
  return { sim: best, nickname };
}
