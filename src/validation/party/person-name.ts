import { BoundedCache } from '../bounded-cache.js';

/** A person's name split into parts, lower case, without diacritics, honorifics or suffixes. */
export interface PersonName {
  readonly given: string;
  readonly middle: readonly string[];
  readonly surname: string;
  /** A nickname given in quotes or parentheses ("Robert 'Bob' Smith"). */
  readonly nickname?: string;
}

const PARSED = new BoundedCache<PersonName>(50_000);
const DIACRITICS = /[\u0300-\u036f]/g;
const NOT_NAME_CHAR = /[^a-z0-9,'"()\- ]/g;
const QUOTED = /["(]([a-z]+)[")]|'([a-z]+)'/;
const SPACES = /\s+/;
const EDGE_MARKS = /^['-]+|['-]+$/g;

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'rev', 'sir', 'madam', 'hon', 'capt', 'sgt', 'lt', 'col', 'fr']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'v', 'phd', 'md', 'dds', 'esq', 'cpa', 'rn', 'dvm', 'jd', 'mba']);
// Surname particles stay with the surname ("van der Berg", "de la Cruz").
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'la', 'le', 'da', 'di', 'dos', 'du', 'st', 'mac', 'bin', 'al', 'el']);

/** Lower-cases, strips diacritics and punctuation other than hyphens and apostrophes inside words. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(NOT_NAME_CHAR, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Parses a person's name: "Robert J. Smith Jr.", "Smith, Robert", "Dr. María de la Cruz",
 * "Robert 'Bob' Smith". A single word is taken as the surname with an empty given name.
 */
export function parsePersonName(text: string): PersonName {
  return PARSED.get(text, parseUncached);
}

function parseUncached(text: string): PersonName {
  let s = normaliseName(text);
  let nickname: string | undefined;
  const quoted = QUOTED.exec(s);
  if (quoted !== null) {
    nickname = quoted[1] ?? quoted[2];
    s = s.replace(quoted[0], ' ');
  }
  let tokens: string[];
  const comma = s.indexOf(',');
  const before = comma >= 0 ? s.slice(0, comma).trim() : '';
  const after = comma >= 0 ? s.slice(comma + 1).trim() : '';
  if (comma >= 0 && after !== '' && !after.split(SPACES).every((t) => SUFFIXES.has(t.replace(/'/g, '')))) {
    tokens = [...clean(after), ...clean(before)];
  } else {
    tokens = clean(s.replace(',', ' '));
  }
  return split(tokens, nickname);
}

function clean(s: string): string[] {
  const tokens = s.split(SPACES).map((t) => t.replace(EDGE_MARKS, '')).filter((t) => t !== '');
  while (tokens.length > 1 && HONORIFICS.has(tokens[0] ?? '')) tokens.shift();
  while (tokens.length > 1 && SUFFIXES.has(tokens[tokens.length - 1] ?? '')) tokens.pop();
  return tokens;
}

function split(tokens: readonly string[], nickname: string | undefined): PersonName {
  let name: { -readonly [K in keyof PersonName]: PersonName[K] };
  if (tokens.length <= 1) name = { given: '', middle: [], surname: tokens[0] ?? '' };
  else {
    let start = tokens.length - 1;
    while (start > 1 && PARTICLES.has(tokens[start - 1] ?? '')) start--;
    name = { given: tokens[0] ?? '', middle: tokens.slice(1, start), surname: tokens.slice(start).join(' ') };
  }
  if (nickname !== undefined) name.nickname = nickname;
  return name;
}
