/** A word of a note: lower case, with its character span in the original text. */
export interface NoteToken {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

// Shorthand seen in sloppy notes, mapped to the word the lexicons use.
const SHORTHAND: ReadonlyMap<string, string> = new Map([
  ['b4', 'before'], ['pls', 'please'], ['plz', 'please'], ['u', 'you'], ['ur', 'your'], ['appt', 'appointment'],
  ['bldg', 'building'], ['mgr', 'manager'], ['cust', 'customer'], ['acct', 'account'], ['tmrw', 'tomorrow'], ['tmr', 'tomorrow'],
  ['tmw', 'tomorrow'], ['2morrow', 'tomorrow'], ['tomorow', 'tomorrow'], ['nite', 'night'], ['wk', 'week'], ['nxt', 'next'],
  ['noone', 'nobody'], ['nobodys', 'nobody'], ['dont', 'not'], ["don't", 'not'], ['cant', 'not'], ["can't", 'not'], ['wont', 'not'],
  ["won't", 'not'], ['isnt', 'not'], ["isn't", 'not'], ['wasnt', 'not'], ['aint', 'not'], ['prev', 'previous'], ['w/', 'with'],
  ['ph', 'phone'], ['tel', 'phone'], ['cell', 'phone'], ['instal', 'install'], ['install', 'install'], ['installation', 'install'],
  ['nbr', 'number'], ['num', 'number'], ['no.', 'number'], ['pw', 'passcode'], ['pwd', 'passcode'], ['pword', 'passcode'],
]);

const WORD = /[a-z0-9][a-z0-9']*/gi;
const SENTENCE = /[^.!?\n;]+/g;

/** Splits a note into lower-case word tokens (letters, digits, apostrophes), expanding shorthand. */
export function tokenizeNote(text: string): NoteToken[] {
  const out: NoteToken[] = [];
  const re = WORD;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const raw = m[0].toLowerCase();
    out.push({ word: SHORTHAND.get(raw) ?? raw, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Splits a note into sentences with their offsets, on ., !, ? and line breaks. */
export function sentencesOf(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = SENTENCE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) if (m[0].trim() !== '') out.push({ text: m[0], start: m.index });
  return out;
}

/** Replaces a secret with bullets, keeping nothing of it but its length. */
export function mask(secret: string): string {
  return '•'.repeat(Math.min(8, Math.max(4, secret.length)));
}
