import { placeOf } from '../generator/address-entry.js';
import { generateOrders, type GeneratedOrder } from '../generator/index.js';
import { streamFor, type RandomStream } from '../random/index.js';
import { createWorld, type Region, type World } from '../world/index.js';
import type { ProductOrder } from '../../src/domain/order/product-order.js';
import { ADDRESS_DEFECT_KINDS, addressDefectApplies, injectAddressDefect, postalAddressOf, type AddressDefectKind } from './address-defects.js';
import { bodyItems, characteristic, portItems, servicePlaces, setCharacteristic, type Json } from './body-paths.js';
import { benignNotes, defectNote, NOTE_DEFECT_KINDS, type NoteDefectKind, type NoteFacts } from './corpus-notes.js';
import { DEFECT_KINDS, labelOf, type BenignVariant, type DefectKind, type DefectLabel } from './defect-kinds.js';
import { orderFromBody } from './order-from-body.js';
import {
  applyNameVariant, badContactNumber, goodContactNumber, injectPortDefect, PORT_DEFECT_KINDS, portDefectApplies, portTruthOf, type PortDefectKind,
} from './port-defects.js';

/** One order of the corpus: the body as posted, the order Provisio holds, and what is wrong with it. */
export interface CorpusCase {
  readonly id: string;
  readonly submitAt: string;
  readonly body: Json;
  readonly order: ProductOrder;
  /** Injected defects; empty for a clean order. */
  readonly labels: readonly DefectLabel[];
  /** A benign variation a clean order carries, which must not block it. */
  readonly variant?: BenignVariant;
}

/** A labelled corpus and the world it was drawn from (its reference data). */
export interface ValidationCorpus {
  readonly seed: string;
  readonly world: World;
  readonly cases: readonly CorpusCase[];
}

/** How to build a corpus. */
export interface CorpusOptions {
  readonly seed: string;
  readonly orders: number;
  /** Share of orders with one injected defect (default 0.5). */
  readonly defectShare?: number;
  /** Customers in the world (default 2500). */
  readonly customers?: number;
}

const START = '2026-03-02T00:00:00Z';
// More port-ins and moves than the production mix, so every defect kind has enough carriers.
const CORPUS_MIX = { 'new-activation': 0.34, 'port-in': 0.36, move: 0.1, 'plan-change': 0.08, 'feature-change': 0.06, disconnect: 0.06 } as const;

function isCleanAtSource(g: GeneratedOrder): boolean {
  const t = g.truth.latent;
  return t.addressDefects.length === 0 && !t.phoneInvalid && !t.nameMismatch && t.portMismatches.length === 0;
}

/**
 * Builds a labelled corpus: clean orders from the generator (orders it made defective are left
 * out), half of them (by default) given exactly one injected defect, balanced over the kinds each
 * order can carry, and every note rewritten from a labelled bank. Same options, same corpus.
 */
export function buildValidationCorpus(options: CorpusOptions): ValidationCorpus {
  const { seed } = options;
  const world = createWorld({ seed, start: START, customers: options.customers ?? 2500 });
  const generated = generateOrders({ seed, count: Math.ceil(options.orders * 1.25) + 20, startTime: START, days: 45, world, mix: CORPUS_MIX });
  const clean = generated.filter(isCleanAtSource);
  const used = new Map<DefectKind, number>(DEFECT_KINDS.map((k) => [k, 0]));
  const cases: CorpusCase[] = [];
  for (let i = 0; i < options.orders; i++) {
    const base = clean[i % clean.length];
    if (base === undefined) break;
    const r = streamFor(seed, 'validation-case', i);
    const body = structuredClone(base.body);
    const wantDefect = r.bernoulli(options.defectShare ?? 0.5);
    const built = wantDefect ? injectOne(r, world, base, body, used) : cleanCase(r, world, base, body);
    const id = `VC-${seed}-${String(i).padStart(6, '0')}`;
    cases.push({ id, submitAt: base.submitAt, body, order: orderFromBody(body, id, base.submitAt), ...built });
  }
  return { seed, world, cases };
}

function noteFacts(world: World, g: GeneratedOrder, body: Json): NoteFacts {
  const customer = world.customer(g.truth.customerId);
  const unit = servicePlaces(body).map((p) => postalAddressOf(p.place)?.unit).find((u) => u !== undefined);
  const start = body['requestedStartDate'];
  return {
    givenName: customer?.nickname ?? customer?.givenName ?? 'the customer',
    ...(unit === undefined ? {} : { unit }),
    ...(typeof start === 'string' ? { requestedStart: start } : {}),
    hasPortIn: portItems(body).length > 0,
    carrierNames: [...world.carriers.map((c) => c.name), 'Verizon', 'AT&T', 'T-Mobile'],
  };
}

function setNotes(body: Json, notes: readonly string[], g: GeneratedOrder): void {
  body['note'] = notes.map((text, k) => ({ id: String(k + 1), author: 'sales', date: g.submitAt, text }));
}

function withContactNumber(r: RandomStream, world: World, g: GeneratedOrder, body: Json): void {
  const top = bodyItems(body)[0];
  const phone = world.customer(g.truth.customerId)?.contactPhone;
  if (top !== undefined && phone !== undefined && r.bernoulli(0.5)) setCharacteristic(top, 'contactNumber', goodContactNumber(r, phone));
}

function cleanCase(r: RandomStream, world: World, g: GeneratedOrder, body: Json): { labels: DefectLabel[]; variant?: BenignVariant } {
  withContactNumber(r, world, g, body);
  setNotes(body, benignNotes(r, noteFacts(world, g, body)), g);
  const port = portItems(body)[0];
  const truth = portTruthOf(world, g.truth.customerId);
  if (port !== undefined && r.bernoulli(0.5)) {
    const variant = r.pick(['nickname-authorised', 'initial-authorised', 'surname-first-authorised'] as const);
    if (characteristic(port.item, 'portingAuthorisationName') === `${truth.givenName} ${truth.familyName}` && applyNameVariant(r, port, variant, truth)) return { labels: [], variant };
  }
  if (port !== undefined && characteristic(port.item, 'portingPin') === undefined) return { labels: [], variant: 'wireline-port-no-pin' };
  const place = servicePlaces(body)[0];
  const address = place === undefined ? undefined : postalAddressOf(place.place);
  if (place !== undefined && address !== undefined && r.bernoulli(0.3)) {
    const item = bodyItems(body).find((b) => place.path.startsWith(`${b.path}.product`));
    const places = (item?.item['product'] as Json | undefined)?.['place'] as Json[] | undefined;
    places?.push(placeOf('billingAddress', { ...address, poBox: String(r.int(10, 9999)) }));
    return { labels: [], variant: 'billing-po-box' };
  }
  return { labels: [] };
}

function applicableKinds(world: World, g: GeneratedOrder, body: Json): DefectKind[] {
  const kinds: DefectKind[] = [];
  const address = servicePlaces(body).map((p) => postalAddressOf(p.place))[0];
  if (address !== undefined) kinds.push(...ADDRESS_DEFECT_KINDS.filter((k) => addressDefectApplies(k, address)));
  const port = portItems(body)[0];
  const truth = portTruthOf(world, g.truth.customerId);
  if (port !== undefined) kinds.push(...PORT_DEFECT_KINDS.filter((k) => portDefectApplies(k, port, truth)));
  if (bodyItems(body).length > 0) kinds.push('contact-number-bad');
  const facts = noteFacts(world, g, body);
  kinds.push(...NOTE_DEFECT_KINDS.filter((k) => (k !== 'note-port-without-item' || !facts.hasPortIn) && (k !== 'note-unit-conflict' || facts.unit !== undefined) && (k !== 'note-date-conflict' || facts.requestedStart !== undefined)));
  return kinds;
}

function injectOne(r: RandomStream, world: World, g: GeneratedOrder, body: Json, used: Map<DefectKind, number>): { labels: DefectLabel[] } {
  const kinds = applicableKinds(world, g, body);
  // The least-used applicable kind, so every kind gets its share of the corpus.
  const least = Math.min(...kinds.map((k) => used.get(k) ?? 0));
  const kind = r.pick(kinds.filter((k) => (used.get(k) ?? 0) === least));
  used.set(kind, (used.get(kind) ?? 0) + 1);
  const facts = noteFacts(world, g, body);
  const label = injectKind(r, world, g, body, kind);
  if ((NOTE_DEFECT_KINDS as readonly string[]).includes(kind)) {
    const note = defectNote(r, kind as NoteDefectKind, facts);
    setNotes(body, note?.notes ?? [], g);
    return { labels: note === undefined ? [] : [note.label] };
  }
  setNotes(body, benignNotes(r, facts), g);
  return { labels: label === undefined ? [] : [label] };
}

function injectKind(r: RandomStream, world: World, g: GeneratedOrder, body: Json, kind: DefectKind): DefectLabel | undefined {
  if ((ADDRESS_DEFECT_KINDS as readonly string[]).includes(kind)) {
    return injectAddressDefect(r, body, kind as AddressDefectKind, world.region(g.truth.regionId) as Region);
  }
  const port = portItems(body)[0];
  if (port !== undefined && (PORT_DEFECT_KINDS as readonly string[]).includes(kind)) {
    return injectPortDefect(r, port, kind as PortDefectKind, portTruthOf(world, g.truth.customerId));
  }
  const top = bodyItems(body)[0];
  const phone = world.customer(g.truth.customerId)?.contactPhone;
  if (kind === 'contact-number-bad' && top !== undefined && phone !== undefined) return labelOf(kind, setCharacteristic(top, 'contactNumber', badContactNumber(r, phone)));
  return undefined;
}
