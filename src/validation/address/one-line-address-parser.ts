import { STREET_SUFFIXES, UNIT_DESIGNATORS, US_STATES } from './usps-abbreviations.js';
import { addressTokens, parseStreetTokens } from './street-line-parser.js';
import type { UsAddress } from './us-address.js';

const ZIP = /^(\d{5})(?:-?(\d{4}))?$/;
const COUNTRY_WORDS = new Set(['US', 'USA', 'UNITED STATES', 'UNITED STATES OF AMERICA']);

/**
 * Parses a one-line US address ("123 N Main St Apt 5B, Austin, TX 78701"), with or without
 * commas. `cityHint` (the ZIP's city, when known) decides where the street ends and the city begins
 * when there are no commas. Never throws; missing parts are simply absent.
 */
export function parseOneLineAddress(text: string, cityHint?: (zip: string) => string | undefined): UsAddress {
  const segments = text.split(',').map((s) => addressTokens(s)).filter((s) => s.length > 0);
  const tokens: { t: string; seg: number }[] = segments.flatMap((seg, i) => seg.map((t) => ({ t, seg: i })));
  dropCountry(tokens);
  let zip: string | undefined;
  let zip4: string | undefined;
  const zipMatch = ZIP.exec(tokens[tokens.length - 1]?.t ?? '');
  if (zipMatch !== null && tokens.length > 1) {
    zip = zipMatch[1];
    zip4 = zipMatch[2];
    tokens.pop();
  }
  const state = takeState(tokens);
  const cityStart = cityStartIndex(tokens, zip === undefined ? undefined : cityHint?.(zip));
  const street = parseStreetTokens(tokens.slice(0, cityStart).map((x) => x.t));
  const city = tokens.slice(cityStart).map((x) => x.t).join(' ');
  // Filled by assignment in field order: object spreads dominate the cost of a parse.
  const out: { -readonly [K in keyof UsAddress]: UsAddress[K] } = Object.assign({} as UsAddress, street);
  if (city !== '') out.city = city;
  if (state !== undefined) out.state = state;
  if (zip !== undefined) out.zip = zip;
  if (zip4 !== undefined) out.zip4 = zip4;
  out.country = 'US';
  return out;
}

function dropCountry(tokens: { t: string }[]): void {
  for (const n of [4, 2, 1]) {
    const tail = tokens.slice(-n).map((x) => x.t).join(' ');
    if (tokens.length > n && COUNTRY_WORDS.has(tail)) {
      tokens.splice(-n);
      return;
    }
  }
}

// Multi-word state names first ("NEW YORK", "DISTRICT OF COLUMBIA"), then one word.
function takeState(tokens: { t: string }[]): string | undefined {
  for (const n of [3, 2, 1]) {
    if (tokens.length <= n) continue;
    const code = US_STATES.get(tokens.slice(-n).map((x) => x.t).join(' '));
    if (code !== undefined) {
      tokens.splice(-n);
      return code;
    }
  }
  return undefined;
}

function cityStartIndex(tokens: readonly { t: string; seg: number }[], hint: string | undefined): number {
  const lastSeg = tokens[tokens.length - 1]?.seg;
  const firstSeg = tokens[0]?.seg;
  if (lastSeg !== undefined && lastSeg !== firstSeg) {
    const idx = tokens.findIndex((x) => x.seg === lastSeg);
    // A last segment that is only a unit ("Apt 5") belongs to the street, not the city.
    const seg = tokens.slice(idx).map((x) => x.t);
    if (!UNIT_DESIGNATORS.has(seg[0] ?? '') && !/\d/.test(seg.join(''))) return idx;
  }
  return splitWithoutCommas(tokens.map((x) => x.t), hint);
}

// Candidate ends of the street: after a suffix, or after a unit number following one.
function splitWithoutCommas(t: readonly string[], hint: string | undefined): number {
  const candidates: number[] = [];
  for (let i = 2; i < t.length; i++) {
    if (UNIT_DESIGNATORS.has(t[i] ?? '') && /\d/.test(t[i + 1] ?? '') && i + 2 < t.length) candidates.push(i + 2);
    if (!STREET_SUFFIXES.has(t[i] ?? '')) continue;
    let end = i + 1;
    if (UNIT_DESIGNATORS.has(t[end] ?? '') && t[end + 1] !== undefined) end += 2;
    if (end < t.length) candidates.push(end);
  }
  if (candidates.length === 0) return t.length;
  candidates.sort((a, b) => a - b);
  if (hint !== undefined) {
    const want = hint.toUpperCase();
    const exact = candidates.find((c) => t.slice(c).join(' ') === want);
    if (exact !== undefined) return exact;
  }
  return candidates[candidates.length - 1] ?? t.length;
}
