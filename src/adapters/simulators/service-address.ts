import type { Building, BuildingRegistry } from '../../../sim/world/index.js';
import type { ProductPlace } from '../../domain/order/product-order.js';

/** Why the building registry cannot serve an address (a permanent failure code). */
export const ADDRESS_REFUSALS = ['ADDRESS_INCOMPLETE', 'PO_BOX_NOT_SERVICEABLE', 'ADDRESS_NOT_FOUND', 'UNIT_REQUIRED', 'UNIT_NOT_FOUND'] as const;
/** One reason an address is refused. */
export type AddressRefusal = (typeof ADDRESS_REFUSALS)[number];

/** The registry's verdict on a service address. */
export type AddressCheck =
  | { readonly kind: 'served'; readonly building: Building; readonly unit?: string }
  | { readonly kind: 'refused'; readonly code: AddressRefusal; readonly text: string };

const DIRECTIONALS = new Set(['N', 'S', 'E', 'W', 'NE', 'NW', 'SE', 'SW']);

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

function unitOf(place: ProductPlace): string {
  const sub = place.geographicSubAddress;
  if (!Array.isArray(sub)) return '';
  const first = sub[0] as Record<string, unknown> | undefined;
  return text(first?.subUnitNumber);
}

/**
 * Looks a TMF GeographicAddress place up in the building registry, as a network planner would:
 * the street address must exist (house number, street, type and ZIP), and a multi-dwelling
 * building needs one of its units.
 */
export function checkServiceAddress(registry: BuildingRegistry, place: ProductPlace): AddressCheck {
  const street = text(place.streetName);
  const label = text(place.name) || street;
  if (/^P\.?\s*O\.?\s*Box\b/i.test(street)) return { kind: 'refused', code: 'PO_BOX_NOT_SERVICEABLE', text: `${label} is a PO box` };
  const streetNumber = text(place.streetNr);
  const postalCode = text(place.postcode);
  if (street === '' || streetNumber === '' || postalCode === '') return { kind: 'refused', code: 'ADDRESS_INCOMPLETE', text: `${label || 'the address'} lacks street, number or ZIP` };
  const words = street.split(/\s+/);
  const pre = words.length > 1 && DIRECTIONALS.has((words[0] ?? '').toUpperCase()) ? words[0] : undefined;
  const streetName = pre === undefined ? street : words.slice(1).join(' ');
  const building = registry.find({ streetNumber, streetName, streetType: text(place.streetType), postalCode, ...(pre === undefined ? {} : { preDirectional: pre }) });
  if (building === undefined) return { kind: 'refused', code: 'ADDRESS_NOT_FOUND', text: `no building at ${label}` };
  if (building.kind === 'single-dwelling') return { kind: 'served', building };
  const unit = unitOf(place);
  if (unit === '') return { kind: 'refused', code: 'UNIT_REQUIRED', text: `${label} is a multi-dwelling building: a unit is required` };
  if (!building.units.some((u) => u.toUpperCase() === unit.toUpperCase())) return { kind: 'refused', code: 'UNIT_NOT_FOUND', text: `unit ${unit} does not exist at ${label}` };
  return { kind: 'served', building, unit };
}

/** The place of an item with a role (installation or service address first), if any. */
export function servicePlace(places: readonly ProductPlace[]): ProductPlace | undefined {
  return places.find((p) => p.role === 'installationAddress' || p.role === 'serviceAddress') ?? places[0];
}
