import { DIRECTIONALS, ORDINALS, STREET_SUFFIXES, UNIT_DESIGNATORS, UNIT_DESIGNATORS_WITHOUT_NUMBER } from './usps-abbreviations.js';

/** The parts of a street line ("123 N Main St Apt 5B"), in USPS form. */
export interface StreetLineParts {
  readonly streetNr?: string;
  readonly preDirectional?: string;
  readonly streetName?: string;
  readonly streetType?: string;
  readonly postDirectional?: string;
  readonly unitType?: string;
  readonly unitNumber?: string;
  readonly poBox?: string;
}

const PO_BOX = /^(?:P\s*O|POST\s+OFFICE|POB)?\s*BOX\s+#?\s*([A-Z0-9-]+)$/;
const HOUSE_NUMBER = /^\d+[A-Z]?$|^\d+-\d+[A-Z]?$|^[NSEW]\d+[NSEW]?\d*$/;

/** Upper-cases, strips punctuation USPS drops, splits "#5" into "#", "5". */
export function addressTokens(text: string): string[] {
  return text.toUpperCase().replace(DROPPED_PUNCTUATION, ' ').replace(HASH, ' # ').split(SPACES).filter((t) => t !== '');
}

const DROPPED_PUNCTUATION = /[.,;:()"]/g;
const HASH = /#\s*/g;
const SPACES = /\s+/;

/** Parses a street line given as tokens from `addressTokens`. */
export function parseStreetTokens(tokens: readonly string[]): StreetLineParts {
  const joined = tokens.join(' ');
  const box = PO_BOX.exec(joined.replace(/^(?:P\s?O|POST\s+OFFICE)\s+(?=BOX)/, 'PO '));
  if (box?.[1] !== undefined) return { poBox: box[1] };
  let rest = [...tokens];
  let streetNr: string | undefined;
  if (rest.length > 1 && HOUSE_NUMBER.test(rest[0] ?? '')) {
    streetNr = rest.shift();
    if (/^\d+\/\d+$/.test(rest[0] ?? '') && rest.length > 1) streetNr = `${streetNr} ${rest.shift()}`;
  }
  const unit = splitUnit(rest);
  rest = unit.street;
  // Built by assignment in field order: object spreads dominate the cost of a parse.
  const out: { -readonly [K in keyof StreetLineParts]: StreetLineParts[K] } = {};
  if (streetNr !== undefined) out.streetNr = streetNr;
  Object.assign(out, streetParts(rest), unit.parts);
  return out;
}

/** Parses a street line given as text. */
export function parseStreetLine(text: string): StreetLineParts {
  return parseStreetTokens(addressTokens(text));
}

/** Splits a trailing unit ("APT 5B", "# 4", "STE 200", "5B" after a suffix) off the street tokens. */
function splitUnit(tokens: string[]): { street: string[]; parts: Pick<StreetLineParts, 'unitType' | 'unitNumber'> } {
  for (let i = 1; i < tokens.length; i++) {
    const designator = UNIT_DESIGNATORS.get(tokens[i] ?? '');
    if (designator === undefined) continue;
    const next = tokens[i + 1];
    const isLast = i === tokens.length - 1;
    if (next !== undefined && i + 2 === tokens.length && (/\d/.test(next) || /^[A-Z]$/.test(next))) {
      // "NO" and "KEY" are unit words only before something that looks like a unit number.
      return { street: tokens.slice(0, i), parts: { unitType: designator, unitNumber: next.replace(/^#/, '') } };
    }
    if (isLast && UNIT_DESIGNATORS_WITHOUT_NUMBER.has(designator) && i >= 2) {
      return { street: tokens.slice(0, i), parts: { unitType: designator } };
    }
  }
  return { street: tokens, parts: {} };
}

function streetParts(tokens: string[]): Omit<StreetLineParts, 'streetNr' | 'unitType' | 'unitNumber' | 'poBox'> {
  const t = [...tokens];
  let preDirectional: string | undefined;
  let postDirectional: string | undefined;
  let streetType: string | undefined;
  const first = DIRECTIONALS.get(t[0] ?? '');
  if (first !== undefined && t.length >= 2 && !(t.length === 2 && STREET_SUFFIXES.has(t[1] ?? ''))) {
    preDirectional = first;
    t.shift();
  }
  const lastDir = DIRECTIONALS.get(t[t.length - 1] ?? '');
  if (lastDir !== undefined && t.length >= 3) {
    postDirectional = lastDir;
    t.pop();
  }
  const suffix = STREET_SUFFIXES.get(t[t.length - 1] ?? '');
  if (suffix !== undefined && t.length >= 2) {
    streetType = suffix;
    t.pop();
  }
  const name = t.map((w) => ORDINALS.get(w) ?? w).join(' ');
  const out: { -readonly [K in keyof StreetLineParts]: StreetLineParts[K] } = {};
  if (preDirectional !== undefined) out.preDirectional = preDirectional;
  if (name !== '') out.streetName = name;
  if (streetType !== undefined) out.streetType = streetType;
  if (postDirectional !== undefined) out.postDirectional = postDirectional;
  return out;
}
