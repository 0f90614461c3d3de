import { typo } from '../generator/typo.js';
import type { RandomStream } from '../random/index.js';
import { labelOf, type DefectKind, type DefectLabel } from './defect-kinds.js';

/** Note defects: things a technician or the porting desk must know, or notes that contradict the order. */
export const NOTE_DEFECT_KINDS = ['note-gate-code', 'note-call-before', 'note-dog', 'note-pin', 'note-port-without-item', 'note-unit-conflict', 'note-date-conflict'] as const satisfies readonly DefectKind[];
/** A note defect kind. */
export type NoteDefectKind = (typeof NOTE_DEFECT_KINDS)[number];

/** What a note writer may mention about the order. */
export interface NoteFacts {
  readonly givenName: string;
  /** The unit of the service address, when it has one. */
  readonly unit?: string;
  /** Requested start, ISO instant. */
  readonly requestedStart?: string;
  readonly hasPortIn: boolean;
  readonly carrierNames: readonly string[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dateText(rng: RandomStream, iso: string): string {
  const d = new Date(iso);
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  return rng.pick([`${m + 1}/${day}`, `${MONTHS[m] ?? ''} ${day}`, `${(MONTHS[m] ?? '').slice(0, 3)} ${day}th`, d.toISOString().slice(0, 10)]);
}

const BENIGN: readonly ((r: RandomStream, f: NoteFacts) => string | undefined)[] = [
  () => 'Customer prefers email contact.',
  () => 'cust wants paperless billing',
  () => 'Existing customer, adding service.',
  () => 'Quoted promo price, see chat log.',
  () => 'Spanish speaking, prefers call in Spanish',
  () => 'customer is hard of hearing, text preferred',
  () => 'referred by a friend, apply referral credit',
  (r, f) => `spoke w/ ${f.givenName}, all good`,
  (r, f) => (f.requestedStart === undefined ? undefined : `install on ${dateText(r, f.requestedStart)} works for cust`),
  (r, f) => (f.unit === undefined ? undefined : r.pick([`apt ${f.unit} confirmed`, `unit ${f.unit}`, `Customer is in #${f.unit}`])),
  () => 'wants the fastest plan available, upsell declined',
];

function shift(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

function otherUnit(rng: RandomStream, unit: string): string {
  const m = /^(\d+)([A-Z]?)$/i.exec(unit);
  if (m === null) return `${rng.int(2, 9)}${rng.pick(['A', 'B', 'C'])}`;
  const n = Number(m[1]) + rng.pick([1, 2, 10, 100]);
  return `${n}${m[2] ?? ''}`;
}

const DEFECT_NOTES: Readonly<Record<NoteDefectKind, (r: RandomStream, f: NoteFacts) => string | undefined>> = {
  'note-gate-code': (r) => r.pick([`Gate code ${r.chars(4)}`, `gate cd #${r.chars(4)}`, `use code ${r.chars(4)} at the gate`, `GATE CODE IS ${r.chars(4)} FOR THE COMMUNITY`, `access code ${r.chars(4)} at front gate`]),
  'note-call-before': (r) => r.pick(['Call before arriving', 'pls call b4 coming', 'call 30 min before, customer works nights', 'CALL AHEAD - CUST NOT ALWAYS HOME', 'plz call first', 'tech should call when on the way']),
  'note-dog': (r) => r.pick(['Dog on premises!! knock loud', 'beware of dog in backyard', 'big dog in yard, keep gate shut', 'has 2 dogs, friendly', 'DOG ON PROPERTY']),
  'note-pin': (r) => r.pick([`port pin ${r.chars(4)}`, `PIN is ${r.chars(4)}`, `passcode: ${r.chars(6)}`, `acct pin ${r.chars(4)} for the port`]),
  'note-port-without-item': (r, f) => (f.hasPortIn ? undefined : r.pick([
    `wants to keep number from ${r.pick(f.carrierNames)}`, `cust switching from ${r.pick(f.carrierNames)}, port their #`,
    'number from another carrier - keep it', `keep my old number pls, currently with ${r.pick(f.carrierNames)}`, `Porting number from ${r.pick(f.carrierNames)}.`,
  ])),
  'note-unit-conflict': (r, f) => (f.unit === undefined ? undefined : r.pick([`apt ${otherUnit(r, f.unit)}`, `Customer is in unit ${otherUnit(r, f.unit)}`, `actually apt ${otherUnit(r, f.unit)} not the one on the form`])),
  'note-date-conflict': (r, f) => (f.requestedStart === undefined ? undefined : r.pick([
    `install on ${dateText(r, shift(f.requestedStart, r.pick([-1, 1]) * r.int(4, 20)))}`,
    `customer wants install ${dateText(r, shift(f.requestedStart, r.int(4, 20)))}`,
    `appointment moved to ${dateText(r, shift(f.requestedStart, r.int(5, 25)))} per cust`,
  ])),
};

function styled(r: RandomStream, text: string, typoRate: number): string {
  const style = r.weighted([['plain', 6], ['upper', 1], ['lower', 2]] as const);
  const s = style === 'upper' ? text.toUpperCase() : style === 'lower' ? text.toLowerCase() : text;
  return s.split(' ').map((w) => (w.length > 4 && /^[a-z]+$/i.test(w) && r.bernoulli(typoRate) ? typo(r, w) : w)).join(' ');
}

/** A benign note in one of several writing styles, or none. */
export function benignNotes(r: RandomStream, f: NoteFacts): string[] {
  if (!r.bernoulli(0.6)) return [];
  const parts = [r.pick(BENIGN)(r, f), r.bernoulli(0.3) ? r.pick(BENIGN)(r, f) : undefined].filter((p): p is string => p !== undefined);
  return parts.length === 0 ? [] : [styled(r, parts.join(r.pick(['. ', ' / ', '; ', ' - '])), 0.08)];
}

/** A note carrying one defect, embedded among benign sentences; undefined when the order cannot carry it. */
export function defectNote(r: RandomStream, kind: NoteDefectKind, f: NoteFacts): { notes: string[]; label: DefectLabel } | undefined {
  const text = DEFECT_NOTES[kind](r, f);
  if (text === undefined) return undefined;
  const before = r.bernoulli(0.3) ? r.pick(BENIGN)(r, f) : undefined;
  const after = r.bernoulli(0.3) ? r.pick(BENIGN)(r, f) : undefined;
  const parts = [before, styled(r, text, 0.06), after].filter((p): p is string => p !== undefined);
  return { notes: [parts.join(r.pick(['. ', ' / ', '; ', ' - ']))], label: labelOf(kind, 'note[0].text') };
}
