import { editDistance } from '../string-similarity.js';
import type { NoteToken } from './note-text.js';

/** US carriers a number may be ported from: canonical id -> display name. */
export const CARRIERS: Readonly<Record<string, string>> = {
  verizon: 'Verizon', att: 'AT&T', tmobile: 'T-Mobile', sprint: 'Sprint', uscellular: 'US Cellular', cricket: 'Cricket Wireless',
  metropcs: 'Metro by T-Mobile', boost: 'Boost Mobile', visible: 'Visible', mint: 'Mint Mobile', googlefi: 'Google Fi',
  xfinity: 'Xfinity Mobile', spectrum: 'Spectrum', comcast: 'Comcast', cox: 'Cox', frontier: 'Frontier', centurylink: 'CenturyLink',
  lumen: 'Lumen', windstream: 'Windstream', optimum: 'Optimum', altice: 'Altice', straighttalk: 'Straight Talk', tracfone: 'Tracfone',
  totalwireless: 'Total Wireless', consumercellular: 'Consumer Cellular', ting: 'Ting', vonage: 'Vonage', ooma: 'Ooma',
  mediacom: 'Mediacom', charter: 'Charter', earthlink: 'EarthLink', brightspeed: 'Brightspeed', ziply: 'Ziply Fiber', googlevoice: 'Google Voice',
};

// Carrier names that are also ordinary English words count only after a carrier cue.
const AMBIGUOUS = new Set(['boost', 'visible', 'mint', 'spectrum', 'frontier', 'optimum', 'lumen', 'cox', 'ting', 'charter', 'cricket', 'sprint']);
const CUES = new Set(['from', 'with', 'leaving', 'switching', 'switch', 'port', 'transfer', 'currently', 'current', 'carrier', 'provider', 'via', 'on', 'at', 'by']);
const JOINED: readonly [RegExp, string][] = [
  [/\bat\s*(?:&|and|n)\s*t\b/g, 'att'], [/\bt[\s-]?mobile\b/g, 'tmobile'], [/\bus\s+cellular\b/g, 'uscellular'],
  [/\bmetro\s*pcs\b|\bmetro by t-?mobile\b/g, 'metropcs'], [/\bgoogle\s+fi\b/g, 'googlefi'], [/\bgoogle\s+voice\b/g, 'googlevoice'],
  [/\bstraight\s+talk\b/g, 'straighttalk'], [/\btotal\s+wireless\b/g, 'totalwireless'], [/\bconsumer\s+cellular\b/g, 'consumercellular'],
  [/\bcentury\s+link\b/g, 'centurylink'], [/\btrac\s*fone\b/g, 'tracfone'], [/\bmint\s+mobile\b/g, 'mint mobile'],
];

/** A carrier named in a note. */
export interface CarrierMention {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** Rewrites multi-word carrier names into single tokens ("at&t" -> "att"); keeps the length unchanged. */
export function joinCarrierNames(lowerText: string): string {
  let s = lowerText;
  for (const [re, id] of JOINED) s = s.replace(re, (m) => id.padEnd(m.length, ' ').slice(0, Math.max(m.length, id.length)));
  return s;
}

/** The canonical id of a carrier name as given in a characteristic ("AT&T Mobility" -> "att"). */
export function carrierId(name: string): string | undefined {
  const tokens = joinCarrierNames(name.toLowerCase()).split(/[^a-z0-9]+/);
  for (const t of tokens) {
    const id = carrierOfWord(t);
    if (id !== undefined) return id;
  }
  return undefined;
}

/** Carriers named in a note's tokens (tokens of the carrier-joined text). */
export function findCarriers(tokens: readonly NoteToken[]): CarrierMention[] {
  const out: CarrierMention[] = [];
  tokens.forEach((t, i) => {
    const id = carrierOfWord(t.word);
    if (id === undefined) return;
    const prev = [tokens[i - 1]?.word, tokens[i - 2]?.word];
    const next = tokens[i + 1]?.word;
    if (AMBIGUOUS.has(id) && !prev.some((p) => p !== undefined && CUES.has(p)) && next !== 'mobile' && next !== 'wireless') return;
    out.push({ id, start: t.start, end: t.end });
  });
  return out;
}

const typoCache = new Map<string, string | null>();
const LONG_IDS = Object.keys(CARRIERS).filter((id) => id.length >= 6);

function carrierOfWord(word: string): string | undefined {
  if (word in CARRIERS) return word;
  // Typos of long names only ("verison", "tmobil"); short names must be exact.
  if (word.length < 6) return undefined;
  const cached = typoCache.get(word);
  if (cached !== undefined) return cached ?? undefined;
  let found: string | null = null;
  for (const id of LONG_IDS) {
    if (id[0] === word[0] && Math.abs(id.length - word.length) <= 1 && editDistance(id, word) <= 1) {
      found = id;
      break;
    }
  }
  if (typoCache.size > 50_000) typoCache.clear();
  typoCache.set(word, found);
  return found ?? undefined;
}
