import type { ProductOrder } from '../domain/order/product-order.js';
import { inMemoryAddressReference } from './address/address-reference.js';
import { checkOrderAddresses, parsePlaces, type ParsedPlace } from './address/order-address-check.js';
import type { UsAddress } from './address/us-address.js';
import { FEATURES } from './feature-names.js';
import type { FeatureVector, Finding } from './finding.js';
import { itemViews, type ItemView } from './item-view.js';
import { extractNoteEntities } from './notes/note-entities.js';
import { checkNotes, type NoteOrderFacts } from './notes/note-check.js';
import { CHARACTERISTIC, SERVICE_PLACE_ROLES } from './order-vocabulary.js';
import { checkPhones } from './phone/phone-check.js';
import { checkPortIns, type PortInCheckContext } from './port-in/port-in-check.js';
import { isPortIn } from './port-in/port-in-item.js';
import type { ValidationContext } from './validation-context.js';

/** Findings and model features for one order. */
export interface OrderValidation {
  readonly findings: readonly Finding[];
  readonly features: FeatureVector;
}

const DEFAULT_REFERENCE = inMemoryAddressReference();

/**
 * Runs every entry check on an order: addresses, phone numbers, port-in fields and names, notes.
 * Pure: time comes from `context.now`; reference data and account records come in through the context.
 */
export function validateOrder(order: ProductOrder, context: ValidationContext): OrderValidation {
  const ref = context.addressReference ?? DEFAULT_REFERENCE;
  const items = itemViews(order);
  const places = parsePlaces(items, ref);
  const entities = order.notes.map((n) => extractNoteEntities(n.text, context.now));
  const noteUnit = entities.find((e) => e.units.length > 0)?.units[0]?.value;
  const address = checkOrderAddresses(places, ref, noteUnit);
  const phones = checkPhones(items);
  const ports = checkPortIns(order, items, portContext(context));
  const notes = checkNotes(order, noteFacts(items, places), entities);
  const findings = [...address.findings, ...phones.findings, ...ports.findings, ...notes.findings];
  const counts = severityCounts(findings);
  // One target filled in feature-name order: spreading the per-check vectors cost more than every check but two.
  const features: FeatureVector = Object.assign<FeatureVector, FeatureVector, FeatureVector, FeatureVector>({}, address.features, phones.features, ports.features);
  Object.assign(features, notes.features);
  features[FEATURES.nBlocking] = counts.blocking;
  features[FEATURES.nWarnings] = counts.warning;
  features[FEATURES.nInfo] = counts.info;
  return { findings, features };
}

function portContext(context: ValidationContext): PortInCheckContext {
  const ctx: { -readonly [K in keyof PortInCheckContext]: PortInCheckContext[K] } = { now: context.now };
  if (context.accountLookup !== undefined) ctx.lookup = context.accountLookup;
  if (context.catalog !== undefined) ctx.catalog = context.catalog;
  return ctx;
}

function severityCounts(findings: readonly Finding[]): Record<Finding['severity'], number> {
  const counts = { blocking: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

function values(name: string, list: readonly ItemView[]): string[] {
  const out: string[] = [];
  for (const item of list) {
    const v = item.characteristics.get(name)?.value;
    if (v !== undefined) out.push(v);
  }
  return out;
}

function noteFacts(items: readonly ItemView[], places: readonly ParsedPlace[]): NoteOrderFacts {
  const ports = items.filter(isPortIn);
  return {
    hasPortIn: ports.length > 0,
    losingCarriers: values(CHARACTERISTIC.losingCarrier, ports),
    authorisedNames: values(CHARACTERISTIC.portingAuthorisationName, ports),
    hasPortingPin: ports.some((i) => i.characteristics.has(CHARACTERISTIC.portingPin)),
    portDates: values(CHARACTERISTIC.requestedPortDate, ports),
    ...optionalAddress(places.find((p) => SERVICE_PLACE_ROLES.includes(p.role))?.placed.address),
  };
}

function optionalAddress(a: UsAddress | undefined): { serviceAddress?: UsAddress } {
  return a === undefined ? {} : { serviceAddress: a };
}
