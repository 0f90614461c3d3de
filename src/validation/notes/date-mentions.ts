/** A date named in a note, resolved against "now" into the calendar days it may mean (UTC, YYYY-MM-DD). */
export interface DateMention {
  readonly text: string;
  readonly start: number;
  /** Candidate days: one for "Dec 15" or "tomorrow", two for "next Monday" (this coming or the one after). */
  readonly days: readonly string[];
}

const DAY_MS = 86_400_000;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_RE = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const PATTERNS: readonly { re: RegExp; resolve: (m: RegExpExecArray, now: Date) => string[] }[] = [
  { re: /\b(20\d\d)-(\d{1,2})-(\d{1,2})\b/g, resolve: (m, now) => day(now, +(m[2] ?? 0), +(m[3] ?? 0), +(m[1] ?? 0)) },
  { re: /\b(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2,4}))?\b(?![/-]\d)/g, resolve: (m, now) => day(now, +(m[1] ?? 0), +(m[2] ?? 0), year(m[3])) },
  { re: new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'g'), resolve: (m, now) => day(now, monthOf(m[1]), +(m[2] ?? 0), year(m[3])) },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+(\\d{4}))?\\b`, 'g'), resolve: (m, now) => day(now, monthOf(m[2]), +(m[1] ?? 0), year(m[3])) },
  { re: /\b(today|tonight|day after tomm?orr?ow|tomm?orr?ow|tmrw|tmr|2morrow)\b/g, resolve: (m, now) => [relative(now, m[1] ?? '')] },
  { re: /\bin\s+(\d{1,2}|a|one|two|three|four|five|six|seven)\s+(days?|weeks?)\b/g, resolve: (m, now) => [inSpan(now, m[1] ?? '', m[2] ?? '')] },
  { re: /\b(?:(next|this|on|coming)\s+)?(sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?\b(?!s)/g, resolve: (m, now) => weekday(now, m[1], m[2] ?? '') },
];

/** Every date the note names, with the days each may mean. `now` resolves relative and year-less dates. */
export function findDates(text: string, now: Date): DateMention[] {
  const lower = text.toLowerCase();
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  for (const { re, resolve } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const days = resolve(m, now);
      if (days.length === 0) continue;
      taken.push([start, end]);
      out.push({ text: text.slice(start, end), start, days });
    }
  }
  return out;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function midnight(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

function year(text: string | undefined): number {
  if (text === undefined) return 0;
  const y = +text;
  return y < 100 ? 2000 + y : y;
}

function monthOf(text: string | undefined): number {
  return MONTHS.indexOf((text ?? '').slice(0, 3)) + 1;
}

// A year-less date is the next one on or after 30 days ago (notes rarely look further back).
function day(now: Date, month: number, dom: number, y: number): string[] {
  if (month < 1 || month > 12 || dom < 1 || dom > 31) return [];
  const base = midnight(now);
  let ms = Date.UTC(y > 0 ? y : now.getUTCFullYear(), month - 1, dom);
  if (y === 0 && ms < base - 30 * DAY_MS) ms = Date.UTC(now.getUTCFullYear() + 1, month - 1, dom);
  if (new Date(ms).getUTCDate() !== dom) return [];
  return [iso(ms)];
}

function relative(now: Date, word: string): string {
  const offset = word === 'today' || word === 'tonight' ? 0 : word.startsWith('day after') ? 2 : 1;
  return iso(midnight(now) + offset * DAY_MS);
}

function inSpan(now: Date, count: string, unit: string): string {
  const words: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
  const n = words[count] ?? +count;
  return iso(midnight(now) + n * (unit.startsWith('week') ? 7 : 1) * DAY_MS);
}

function weekday(now: Date, qualifier: string | undefined, name: string): string[] {
  const target = WEEKDAYS.findIndex((w) => w.startsWith(name.slice(0, 3)));
  if (target < 0) return [];
  // Bare abbreviations ("sat", "wed") without a qualifier are too often other words.
  if (qualifier === undefined && name.length < 6 && !['mon', 'tue', 'tues', 'thu', 'thur', 'thurs', 'fri'].includes(name)) return [];
  const today = new Date(midnight(now)).getUTCDay();
  const ahead = ((target - today + 7) % 7) || 7;
  const first = midnight(now) + ahead * DAY_MS;
  return qualifier === 'next' ? [iso(first), iso(first + 7 * DAY_MS)] : [iso(first)];
}
