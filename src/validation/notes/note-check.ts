import type { ProductOrder } from '../../domain/order/product-order.js';
import { customerOf } from '../../domain/order/product-order.js';
import type { UsAddress } from '../address/us-address.js';
import { FEATURES } from '../feature-names.js';
import { CODES } from '../finding-codes.js';
import { finding, type CheckResult, type Finding } from '../finding.js';
import { compareNames } from '../party/name-similarity.js';
import { nicknameMatch } from '../party/nicknames.js';
import { parsePersonName } from '../party/person-name.js';
import { carrierId, CARRIERS } from './carrier-names.js';
import { NO_ENTITIES, type NoteEntities } from './note-entities.js';
import { mask, sentencesOf, tokenizeNote } from './note-text.js';
import { CARRIER_SWITCH, RISK_LEXICONS } from './risk-lexicon.js';

/** What the note check compares notes against: facts from the structured order. */
export interface NoteOrderFacts {
  readonly hasPortIn: boolean;
  readonly losingCarriers: readonly string[];
  readonly authorisedNames: readonly string[];
  readonly hasPortingPin: boolean;
  /** Requested port dates of the port-in items: a note may name the port day instead of the start. */
  readonly portDates?: readonly string[];
  /** The service or installation address, parsed. */
  readonly serviceAddress?: UsAddress;
}

// Words that tie a date in a note to the start of service rather than to something else.
const START_CUE = /\b(install\w*|instal|activat\w*|start\w*|appointment|appt|schedul\w*|come|coming|visit|tech\w*|connect\w*|hook\w*|turn\w* on|service on|set ?up|available|avail|need it|want it|by|on)\b/i;

/** Checks the order's notes: risky phrases, secrets, and contradictions with the structured order. */
export function checkNotes(
  order: Pick<ProductOrder, 'notes' | 'requestedStartDate' | 'relatedParty'>,
  facts: NoteOrderFacts,
  entities: readonly NoteEntities[],
): CheckResult {
  const findings: Finding[] = [];
  const flags = { risk: 0, secret: 0, access: 0, port: 0, moving: 0, name: 0, date: 0, unit: 0, carrier: 0 };
  let noteLen = 0;
  order.notes.forEach((note, i) => {
    const field = `note[${i}].text`;
    const text = note.text;
    noteLen += text.length;
    const e = entities[i] ?? NO_ENTITIES;
    const tokens = tokenizeNote(text.toLowerCase());
    findings.push(...riskFindings(field, tokens, e, facts, flags));
    findings.push(...secretFindings(field, e, facts, flags));
    findings.push(...contradictions(field, text, e, order, facts, flags));
  });
  return {
    findings,
    features: {
      [FEATURES.noteLen]: noteLen,
      [FEATURES.noteRiskFlags]: flags.risk,
      [FEATURES.noteHasSecret]: flags.secret > 0 ? 1 : 0,
      [FEATURES.noteHasAccessCode]: flags.access > 0 ? 1 : 0,
      [FEATURES.notePortMention]: flags.port > 0 ? 1 : 0,
      [FEATURES.noteMoving]: flags.moving > 0 ? 1 : 0,
      [FEATURES.noteNameConflict]: flags.name > 0 ? 1 : 0,
      [FEATURES.noteDateConflict]: flags.date > 0 ? 1 : 0,
      [FEATURES.noteUnitConflict]: flags.unit > 0 ? 1 : 0,
      [FEATURES.noteCarrierConflict]: flags.carrier > 0 ? 1 : 0,
    },
  };
}

type Flags = Record<'risk' | 'secret' | 'access' | 'port' | 'moving' | 'name' | 'date' | 'unit' | 'carrier', number>;

function riskFindings(field: string, tokens: ReturnType<typeof tokenizeNote>, e: NoteEntities, facts: NoteOrderFacts, flags: Flags): Finding[] {
  const out: Finding[] = [];
  const access = unique(RISK_LEXICONS.access.find(tokens).map((h) => h.phrase));
  if (access.length > 0) {
    flags.risk += access.length;
    out.push(finding(field, CODES.NOTE_ACCESS_RISK, 'info', `Access risk in note: ${access.join(', ')}`, 0.8, 'add it to the appointment instructions'));
  }
  const moving = unique(RISK_LEXICONS.moving.find(tokens).map((h) => h.phrase));
  if (moving.length > 0) {
    flags.risk += 1;
    flags.moving += 1;
    out.push(finding(field, CODES.NOTE_CUSTOMER_MOVING, 'warning', `Note says the customer is moving (${moving.join(', ')}); confirm the service address`, 0.75));
  }
  const portPhrases = RISK_LEXICONS.port.find(tokens);
  const switchPhrases = CARRIER_SWITCH.find(tokens);
  const portMention = portPhrases.length > 0 || (switchPhrases.length > 0 && e.carriers.length > 0);
  if (portMention) flags.port += 1;
  if (portMention && !facts.hasPortIn) {
    flags.risk += 1;
    const from = e.carriers[0] === undefined ? '' : ` from ${CARRIERS[e.carriers[0].id] ?? e.carriers[0].id}`;
    out.push(finding(field, CODES.NOTE_PORT_WITHOUT_PORT_ITEM, 'warning', `Note asks to keep a number${from}, but the order has no port-in item`, 0.8, 'add a port-in item'));
  }
  return out;
}

function secretFindings(field: string, e: NoteEntities, facts: NoteOrderFacts, flags: Flags): Finding[] {
  const out: Finding[] = [];
  if (e.pins.length > 0) {
    flags.secret += 1;
    const pin = e.pins[0]?.value ?? '';
    const where = facts.hasPortingPin ? 'the portingPin characteristic already holds one' : 'move it to the portingPin characteristic';
    out.push(finding(field, CODES.NOTE_SECRET, 'warning', `Note contains a PIN or passcode (${mask(pin)}); ${where} and remove it from the note`, 0.85, 'portingPin'));
  }
  if (e.accessCodes.length > 0) {
    flags.access += 1;
    out.push(finding(field, CODES.NOTE_ACCESS_CODE, 'info', `Note contains an access code (${mask(e.accessCodes[0]?.value ?? '')}) for the technician`, 0.85));
  }
  return out;
}

function contradictions(
  field: string,
  text: string,
  e: NoteEntities,
  order: Pick<ProductOrder, 'requestedStartDate' | 'relatedParty'>,
  facts: NoteOrderFacts,
  flags: Flags,
): Finding[] {
  const out: Finding[] = [];
  const address = facts.serviceAddress;
  const unit = e.units[0]?.value;
  if (address?.unitNumber !== undefined && unit !== undefined && !e.units.some((u) => u.value === address.unitNumber)) {
    flags.unit += 1;
    out.push(finding(field, CODES.NOTE_UNIT_CONFLICT, 'warning', `Note gives unit ${unit}, the address has unit ${address.unitNumber}`, 0.75, unit));
  }
  for (const s of e.streetAddresses) {
    const sameStreet = address?.streetName !== undefined && s.street.toUpperCase().includes(address.streetName);
    if (sameStreet && address?.streetNr !== undefined && s.streetNr !== address.streetNr) {
      flags.unit += 1;
      out.push(finding(field, CODES.NOTE_STREET_NUMBER_CONFLICT, 'warning', `Note gives house number ${s.streetNr}, the address has ${address.streetNr}`, 0.75, s.streetNr));
      break;
    }
  }
  const known = new Set(facts.losingCarriers.map(carrierId).filter((c): c is string => c !== undefined));
  const other = e.carriers.find((c) => known.size > 0 && !known.has(c.id));
  if (other !== undefined && !e.carriers.some((c) => known.has(c.id))) {
    flags.carrier += 1;
    out.push(finding(field, CODES.NOTE_CARRIER_CONFLICT, 'warning', `Note names ${CARRIERS[other.id] ?? other.id}, the port-in names ${facts.losingCarriers.join(', ')}`, 0.7, CARRIERS[other.id]));
  }
  out.push(...dateConflict(field, text, e, order.requestedStartDate, facts.portDates ?? [], flags));
  out.push(...nameConflict(field, e, facts.authorisedNames.length > 0 ? facts.authorisedNames : [customerOf(order)?.name ?? ''], flags));
  return out;
}

function dateConflict(field: string, text: string, e: NoteEntities, requested: string | undefined, portDates: readonly string[], flags: Flags): Finding[] {
  if (requested === undefined) return [];
  const want = Date.parse(requested);
  if (Number.isNaN(want)) return [];
  const accepted = [want, ...portDates.map((d) => Date.parse(d)).filter((d) => !Number.isNaN(d))];
  const sentences = sentencesOf(text);
  for (const d of e.dates) {
    const sentence = sentences.find((s) => d.start >= s.start && d.start < s.start + s.text.length)?.text ?? '';
    if (!START_CUE.test(sentence) || /\b(mov\w*|relocat\w*|born|birthday|bill\w*|paid|expir\w*)\b/i.test(sentence)) continue;
    const near = d.days.some((day) => accepted.some((a) => Math.abs(Date.parse(`${day}T00:00:00Z`) - a) <= 1.5 * 86_400_000));
    if (!near) {
      flags.date += 1;
      return [finding(field, CODES.NOTE_DATE_CONFLICT, 'warning', `Note asks for ${d.text} (${d.days.join(' or ')}), the order requests ${requested.slice(0, 10)}`, 0.7, d.days[0])];
    }
  }
  return [];
}

function nameConflict(field: string, e: NoteEntities, names: readonly string[], flags: Flags): Finding[] {
  const holder = e.people.find((p) => p.asAccountHolder);
  if (holder === undefined || names.every((n) => n === '')) return [];
  if (names.some((n) => n !== '' && sameHolder(holder.value, n))) return [];
  flags.name += 1;
  return [finding(field, CODES.NOTE_NAME_CONFLICT, 'warning', `Note names ${holder.value} as the account holder; the order names ${names.join(', ')}`, 0.7, holder.value)];
}

// A note often gives only a first name ("account holder is bob"): compare it with the given name.
function sameHolder(noteName: string, orderName: string): boolean {
  if (!noteName.includes(' ')) {
    const word = noteName.toLowerCase();
    const parsed = parsePersonName(orderName);
    return nicknameMatch(word, parsed.given) || word === parsed.surname;
  }
  return compareNames(noteName, orderName).similarity >= 0.8;
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
