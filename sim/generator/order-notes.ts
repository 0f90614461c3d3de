import type { RandomStream } from '../random/index.js';
import type { Customer, LosingCarrier } from '../world/index.js';
import { typo } from './typo.js';

/** What a note may mention about the order. */
export interface NoteContext {
  readonly customer: Customer;
  readonly risky: boolean;
  readonly carrier?: LosingCarrier;
  readonly portPin?: string;
  /** The unit left out of the address, mentioned in the note instead. */
  readonly unitInNote?: string;
  readonly typoRate: number;
  readonly fixedAccess: boolean;
}

const PLAIN = [
  'Customer prefers email contact.',
  'Existing customer, adding service.',
  'Cust wants install asap',
  'pls expedite, customer moving in this week',
  'Customer asked for paper bill.',
  'Quoted promo price, see chat log.',
  'Customer is hard of hearing, text preferred.',
  'Spanish speaking, prefers call in Spanish',
];
const ACCESS = [
  (r: RandomStream) => `Gate code ${r.chars(4)}`,
  (r: RandomStream) => `gate code is #${r.chars(4)}, buzz unit on arrival`,
  () => 'Call before arriving',
  () => 'call 30 min before, customer works nights',
  () => 'Dog on premises!! knock loud',
  () => 'Beware of dog in backyard, use front door',
  () => 'Locked gate, customer meets tech at entrance',
  () => 'Building access through leasing office M-F 9-5',
  () => 'Park in rear lot, side door',
];

function portMention(r: RandomStream, c: LosingCarrier, pin: string | undefined): string {
  const base = r.pick([`Porting number from ${c.name}.`, `Keeping number, coming from ${c.name}`, `cust switching from ${c.name}, port their #`]);
  return pin !== undefined && r.bernoulli(0.3) ? `${base} PIN ${pin}` : base;
}

function addTypos(r: RandomStream, text: string, rate: number): string {
  return text.split(' ').map((w) => (w.length > 3 && /^[a-z]+$/i.test(w) && r.bernoulli(rate) ? typo(r, w) : w)).join(' ');
}

/** Writes an order's free-text notes in the habits of its channel; empty when nobody wrote one. */
export function writeNotes(r: RandomStream, ctx: NoteContext, writeProbability: number): string[] {
  const parts: string[] = [];
  if (ctx.unitInNote !== undefined) parts.push(r.pick([`Apt ${ctx.unitInNote}`, `unit ${ctx.unitInNote}`, `Customer is in #${ctx.unitInNote}`]));
  if (ctx.carrier !== undefined && r.bernoulli(0.5)) parts.push(portMention(r, ctx.carrier, ctx.portPin));
  const nAccess = ctx.risky ? 1 + r.poisson(0.8) : ctx.fixedAccess && r.bernoulli(0.12) ? 1 : 0;
  for (let i = 0; i < nAccess; i++) parts.push(r.pick(ACCESS)(r));
  if (ctx.risky && r.bernoulli(0.4)) parts.push(`spoke w/ ${ctx.customer.nickname ?? ctx.customer.givenName}, ${r.pick(['wants it done before Friday', 'not home until after 5', 'will call back to confirm'])}`);
  if (parts.length === 0 && r.bernoulli(writeProbability)) parts.push(r.pick(PLAIN));
  if (parts.length === 0) return [];
  const style = r.weighted([['plain', 6], ['upper', 1], ['lower', 2]] as const);
  const joined = parts.join(r.pick([' ', '. ', ' / ', '; ']));
  const styled = style === 'upper' ? joined.toUpperCase() : style === 'lower' ? joined.toLowerCase() : joined;
  return [addTypos(r, styled, ctx.typoRate)];
}
