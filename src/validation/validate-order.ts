import type { ProductOrder } from '../domain/order/product-order.js';
import { addressFromPlace } from './address/address-from-place.js';
import { inMemoryAddressReference, type AddressReference } from './address/address-reference.js';
import { checkOrderAddresses } from './address/order-address-check.js';
import type { UsAddress } from './address/us-address.js';
import { FEATURES } from './feature-names.js';
import type { FeatureVector, Finding } from './finding.js';
import { itemViews, type ItemView } from './item-view.js';
import { extractNoteEntities } from './notes/note-entities.js';
import { checkNotes, type NoteOrderFacts } from './notes/note-check.js';
import { CHARACTERISTIC, SERVICE_PLACE_ROLES } from './order-vocabulary.js';
import { checkPhones } from './phone/phone-check.js';
import { checkPortIns } from './port-in/port-in-check.js';
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
  const noteUnit = unitFromNotes(order, context.now);
  const address = checkOrderAddresses(items, ref, noteUnit);
  const phones = checkPhones(items);
  const ports = checkPortIns(order, items, context.accountLookup);
  const notes = checkNotes(order, noteFacts(items, ref), context.now);
  const findings = [...address.findings, ...phones.findings, ...ports.findings, ...notes.findings];
  const count = (s: Finding['severity']): number => findings.filter((f) => f.severity === s).length;
  return {
    findings,
    features: {
      ...address.features,
      ...phones.features,
      ...ports.features,
      ...notes.features,
      [FEATURES.nBlocking]: count('blocking'),
      [FEATURES.nWarnings]: count('warning'),
      [FEATURES.nInfo]: count('info'),
    },
  };
}

// Only notes that name a unit matter to the unit check; most orders have none, so bail early.
function unitFromNotes(order: ProductOrder, now: Date): string | undefined {
  for (const note of order.notes) {
    if (!/\b(apt|apartment|unit|ste|suite|rm|room)\b|#/i.test(note.text)) continue;
    const unit = extractNoteEntities(note.text, now).units[0];
    if (unit !== undefined) return unit.value;
  }
  return undefined;
}

function noteFacts(items: readonly ItemView[], ref: AddressReference): NoteOrderFacts {
  const ports = items.filter(isPortIn);
  const values = (name: string, list: readonly ItemView[]): string[] =>
    list.map((i) => i.characteristics.get(name)?.value).filter((v): v is string => v !== undefined);
  return {
    hasPortIn: ports.length > 0,
    losingCarriers: values(CHARACTERISTIC.losingCarrier, ports),
    authorisedNames: values(CHARACTERISTIC.portingAuthorisationName, ports),
    hasPortingPin: values(CHARACTERISTIC.portingPin, ports).length > 0,
    ...optionalAddress(serviceAddressOf(items, ref)),
  };
}

function serviceAddressOf(items: readonly ItemView[], ref: AddressReference): UsAddress | undefined {
  for (const item of items) {
    for (const { place } of item.places) {
      if (!SERVICE_PLACE_ROLES.includes(place.role)) continue;
      const a = addressFromPlace(place, (zip) => ref.zip(zip)?.city);
      if (a !== undefined) return a.address;
    }
  }
  return undefined;
}

function optionalAddress(a: UsAddress | undefined): { serviceAddress?: UsAddress } {
  return a === undefined ? {} : { serviceAddress: a };
}
