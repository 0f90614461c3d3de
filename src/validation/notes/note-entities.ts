import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { isKnownGivenName } from '../party/nicknames.js';
import { findCarriers, joinCarrierNames, type CarrierMention } from './carrier-names.js';
import { findDates, type DateMention } from './date-mentions.js';
import { tokenizeNote } from './note-text.js';

/** A value found in a note with where it starts. Secrets are kept only for comparison, never shown. */
export interface NoteValue {
  readonly value: string;
  readonly start: number;
}

/** A person named in a note, and whether the note names them as the account holder or authoriser. */
export interface PersonMention extends NoteValue {
  readonly asAccountHolder: boolean;
}

/** Everything the entity pass finds in one note. */
export interface NoteEntities {
  readonly accessCodes: readonly NoteValue[];
  readonly pins: readonly NoteValue[];
  readonly accountNumbers: readonly NoteValue[];
  readonly units: readonly NoteValue[];
  /** House number and street words ("123", "main st") of an address written in the note. */
  readonly streetAddresses: readonly { readonly streetNr: string; readonly street: string; readonly start: number }[];
  /** E.164 numbers. */
  readonly phones: readonly NoteValue[];
  readonly dates: readonly DateMention[];
  readonly people: readonly PersonMention[];
  readonly carriers: readonly CarrierMention[];
}

/** The entities of an empty note. */
export const NO_ENTITIES: NoteEntities = {
  accessCodes: [], pins: [], accountNumbers: [], units: [], streetAddresses: [], phones: [], dates: [], people: [], carriers: [],
};

const ACCESS_CODE = /\b(?:gate|entry|door|access|building|bldg|lockbox|lock box|keypad|buzzer|garage|alarm|call box|callbox)\s*(?:code|cd|combo|combination|pin|#|number|no)?\s*(?:is|=|:|-|to)?\s*#?\s*(\d{3,8})(?:\s*[#*])?(?=\W|$)|\bcode\s+(?:to|for)\s+(?:the\s+)?(?:gate|door|building|entry)\s*(?:is|=|:|-)?\s*#?(\d{3,8})\b/gi;
const PIN = /\b(?:port(?:ing)?[\s-]*(?:out)?[\s-]*)?(?:pin|passcode|pass code|password|pw|pwd|security code|transfer pin|nip)\s*(?:#|no|number|num|code)?\s*(?:is|=|:|-)?\s*([a-z0-9]*\d[a-z0-9]*)\b/gi;
const ACCOUNT = /\b(?:acct|account|acc|a\/c)\s*(?:#|no\.?|num(?:ber)?|nbr)?\s*(?:is|=|:|-)?\s*#?\s*([a-z0-9][a-z0-9-]{3,24})\b/gi;
const UNIT = /(?:^|[^a-z])(?:apt|apartment|appt|unit|ste|suite|rm|room|#)\s*\.?\s*#?\s*(\d{1,5}[a-z]?|[a-z]\d{0,4}|\d{1,3}-[a-z0-9]{1,3})\b/gi;
const NOT_UNIT_BEFORE = /\b(acct|account|pin|gate|code|order|ticket|box|no|door|passcode|phone|number|ext|ref|#)\W*$/i;
const STREET = /\b(\d{1,6})\s+((?:[nsew]\.?\s+)?[a-z][a-z]+(?:\s+[a-z]+)?\s+(?:st|street|ave|avenue|rd|road|dr|drive|ln|lane|blvd|boulevard|ct|court|way|pl|place|ter|terrace|cir|circle|pkwy|parkway|hwy|highway|trl|trail))\b/gi;
// Group 1 marks the cues that name the account holder or authoriser; the rest name a contact.
const PERSON_CUE = /\b(?:(authori[sz]ed by|account holder(?: is)?|account (?:is )?(?:in|under) (?:the )?name(?: of)?|in the name of|name on (?:the )?account(?: is)?|account (?:is )?under)|ask for|contact|speak (?:to|with)|talk to|call|meet|my (?:wife|husband|son|daughter|mother|father|mom|dad|partner|roommate|landlord|neighbou?r|brother|sister)|tenant|manager|super)\s*:?\s+/gi;
const NAME_WORDS = /^([A-Za-z][a-z'-]+)(?:\s+([A-Z]\.|[A-Za-z][a-z'-]+))?(?:\s+([A-Za-z][a-z'-]+))?/;
const NOT_NAME = new Set(['before', 'after', 'ahead', 'first', 'the', 'a', 'an', 'me', 'him', 'her', 'them', 'us', 'on', 'at', 'when', 'if', 'is', 'and', 'or', 'back', 'please', 'number', 'customer', 'tech', 'office', 'desk', 'front']);

/** Finds access codes, PINs, account numbers, units, addresses, phones, dates, people and carriers in a note. */
export function extractNoteEntities(text: string, now: Date): NoteEntities {
  const unitMatches = matches(UNIT, text).filter((u) => !NOT_UNIT_BEFORE.test(text.slice(Math.max(0, u.start - 12), u.start)));
  return {
    accessCodes: matches(ACCESS_CODE, text),
    pins: matches(PIN, text).filter((p) => !/\b(gate|door|entry|access|alarm)\s*$/i.test(text.slice(Math.max(0, p.start - 12), p.start))),
    accountNumbers: matches(ACCOUNT, text).filter((a) => /\d{4,}/.test(a.value.replace(/-/g, ''))),
    units: unitMatches.map((u) => ({ value: u.value.toUpperCase(), start: u.start })),
    streetAddresses: streetAddresses(text),
    phones: phones(text),
    dates: findDates(text, now),
    people: people(text),
    carriers: findCarriers(tokenizeNote(joinCarrierNames(text.toLowerCase()))),
  };
}

function matches(re: RegExp, text: string): NoteValue[] {
  const out: NoteValue[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const value = m.slice(1).find((g) => g !== undefined);
    if (value !== undefined) out.push({ value, start: m.index });
  }
  return out;
}

function streetAddresses(text: string): NoteEntities['streetAddresses'] {
  const out: { streetNr: string; street: string; start: number }[] = [];
  STREET.lastIndex = 0;
  for (let m = STREET.exec(text); m !== null; m = STREET.exec(text)) {
    if (m[1] !== undefined && m[2] !== undefined) out.push({ streetNr: m[1], street: m[2].toLowerCase(), start: m.index });
  }
  return out;
}

function phones(text: string): NoteValue[] {
  let digits = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) digits++;
  if (digits < 10) return [];
  return findPhoneNumbersInText(text, 'US').map((p) => ({ value: p.number.number, start: p.startsAt }));
}

// People are taken only after a cue ("ask for", "authorized by"), and only when the first word is a
// known given name or capitalised in the note: sloppy lower-case notes still find "ask for bob".
function people(text: string): PersonMention[] {
  const out: PersonMention[] = [];
  PERSON_CUE.lastIndex = 0;
  for (let m = PERSON_CUE.exec(text); m !== null; m = PERSON_CUE.exec(text)) {
    const after = text.slice(m.index + m[0].length);
    const words = NAME_WORDS.exec(after);
    const first = words?.[1];
    if (words === null || first === undefined || NOT_NAME.has(first.toLowerCase())) continue;
    const known = isKnownGivenName(first.toLowerCase());
    if (!known && !/^[A-Z]/.test(first)) continue;
    const rest = [words[2], words[3]].filter((w): w is string => w !== undefined);
    const kept: string[] = [first];
    for (const w of rest) {
      if (NOT_NAME.has(w.toLowerCase()) || (!/^[A-Z]/.test(w) && !(known && kept.length === 1))) break;
      kept.push(w);
    }
    out.push({ value: kept.join(' '), start: m.index + m[0].length, asAccountHolder: m[1] !== undefined });
  }
  return out;
}
