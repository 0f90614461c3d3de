/** A postal address as entered or as held by the losing carrier. */
export interface PostalAddress {
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
}

/** Strictness levels of a carrier's matching (porting.md §12.3). */
export const STRICTNESS_LEVELS = ['EXACT', 'NORMALIZED', 'ADDRESS_NORMALIZED', 'LENIENT'] as const;
/** A matching strictness level. */
export type Strictness = (typeof STRICTNESS_LEVELS)[number];

/** A 10-digit NANP number, or null when the input is not one. */
export function normTn(raw: string): string | null {
  let d = raw.replace(/\D/g, '');
  if (d.length === 11 && d.startsWith('1')) d = d.slice(1);
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(d) ? d : null;
}

/** Account number for matching: uppercase, no spaces, dashes, dots or slashes. */
export function normAccount(raw: string, ignoreLeadingZeros = false): string {
  const s = raw.toUpperCase().replace(/[\s\-./]/g, '');
  return ignoreLeadingZeros ? s.replace(/^0+(?=.)/, '') : s;
}

/** PIN for matching: trimmed only. */
export function normPin(raw: string): string {
  return raw.trim();
}

/** The first five digits of a ZIP code. */
export function normZip(raw: string): string {
  return raw.replace(/\D/g, '').slice(0, 5);
}

const BUSINESS_SUFFIXES = new Set(['INC', 'INCORPORATED', 'LLC', 'CORP', 'CORPORATION', 'CO', 'COMPANY', 'LTD']);

/** A name for matching (§12.2): diacritics stripped, uppercase, & -> AND, no punctuation, no leading THE. */
export function normName(raw: string, lenient = false): string {
  let s = raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/&/g, ' AND ');
  s = s.replace(/[^A-Z0-9\s]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^THE /, '');
  if (!lenient) return s;
  s = s.replace(/ L L C$/, ' LLC');
  const words = s.split(' ');
  while (words.length > 1 && BUSINESS_SUFFIXES.has(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}

/** True when two names match at a strictness level (LENIENT: token set, first initial allowed). */
export function namesMatch(a: string, b: string, level: Strictness): boolean {
  if (level === 'EXACT') return a.trim() === b.trim();
  if (level !== 'LENIENT') return normName(a) === normName(b);
  const ta = normName(a, true).split(' ').sort();
  const tb = normName(b, true).split(' ').sort();
  if (ta.join(' ') === tb.join(' ')) return true;
  if (ta.length !== tb.length) return false;
  // first-initial match: every token equal, or one is the initial of the other
  const rest = [...tb];
  return ta.every((t) => {
    const i = rest.findIndex((u) => u === t || (t.length === 1 && u.startsWith(t)) || (u.length === 1 && t.startsWith(u)));
    if (i < 0) return false;
    rest.splice(i, 1);
    return true;
  });
}

const DIRECTIONALS: Record<string, string> = {
  NORTH: 'N', SOUTH: 'S', EAST: 'E', WEST: 'W', NORTHEAST: 'NE', NORTHWEST: 'NW', SOUTHEAST: 'SE', SOUTHWEST: 'SW',
};
const SUFFIXES: Record<string, string> = {
  STREET: 'ST', AVENUE: 'AVE', AV: 'AVE', BOULEVARD: 'BLVD', ROAD: 'RD', DRIVE: 'DR', LANE: 'LN', COURT: 'CT',
  PLACE: 'PL', TERRACE: 'TER', PARKWAY: 'PKWY', HIGHWAY: 'HWY', CIRCLE: 'CIR', SQUARE: 'SQ', TRAIL: 'TRL',
};
const UNITS: Record<string, string> = { APARTMENT: 'APT', SUITE: 'STE', UNIT: 'UNIT', FLOOR: 'FL', ROOM: 'RM', BUILDING: 'BLDG' };
const UNIT_DESIGNATORS = new Set(['APT', 'STE', 'UNIT', 'FL', 'RM', 'BLDG']);
const ORDINALS: Record<string, string> = { FIRST: '1ST', SECOND: '2ND', THIRD: '3RD', FOURTH: '4TH', FIFTH: '5TH' };

/** Street tokens standardised after USPS Publication 28; the unit kept apart. */
export interface NormalisedStreet {
  readonly street: string;
  readonly unit: string;
}

/** Standardises a street line (and optional second line) following USPS Publication 28 (§12.2). */
export function normStreet(line1: string, line2 = ''): NormalisedStreet {
  const text = `${line1} ${line2}`.toUpperCase().replace(/#/g, ' UNIT ');
  // keep '-' only inside house numbers (12-14) and '/' in fractions
  const cleaned = text.replace(/[^A-Z0-9/\-\s]/g, ' ').replace(/-(?!\d)|(?<!\d)-/g, ' ');
  const tokens = cleaned.split(/\s+/).filter((t) => t !== '');
  const street: string[] = [];
  const unit: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i] ?? '';
    const t = UNITS[raw] ?? raw;
    if (UNIT_DESIGNATORS.has(t)) {
      unit.push(t === 'UNIT' || t === 'APT' || t === 'STE' ? 'UNIT' : t, ...tokens.slice(i + 1));
      break;
    }
    street.push(DIRECTIONALS[t] ?? SUFFIXES[t] ?? ORDINALS[t] ?? t);
  }
  return { street: street.join(' '), unit: unit.join(' ') };
}

/** True when two service addresses match at a strictness level (§12.2, §12.3). */
export function addressesMatch(a: PostalAddress, b: PostalAddress, level: Strictness, validateZip = true): boolean {
  if (level === 'EXACT') {
    return a.line1.trim() === b.line1.trim() && (a.line2 ?? '').trim() === (b.line2 ?? '').trim() && a.postalCode.trim() === b.postalCode.trim();
  }
  if (level === 'NORMALIZED') {
    const n = (x: PostalAddress): string => normName(`${x.line1} ${x.line2 ?? ''}`);
    return n(a) === n(b) && (!validateZip || normZip(a.postalCode) === normZip(b.postalCode));
  }
  const sa = normStreet(a.line1, a.line2);
  const sb = normStreet(b.line1, b.line2);
  const compareUnit = level !== 'LENIENT';
  if (sa.street !== sb.street || (compareUnit && sa.unit !== sb.unit)) return false;
  if (level === 'LENIENT' || !validateZip) return true;
  if (normZip(a.postalCode) === normZip(b.postalCode)) return true;
  return false;
}

/** True when two account numbers match at a strictness level. */
export function accountsMatch(a: string, b: string, level: Strictness, ignoreLeadingZeros = false): boolean {
  if (level === 'EXACT') return a.trim() === b.trim();
  return normAccount(a, ignoreLeadingZeros) === normAccount(b, ignoreLeadingZeros);
}
