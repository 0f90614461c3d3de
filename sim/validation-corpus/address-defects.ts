import { enterAddress, placeOf } from '../generator/address-entry.js';
import type { RandomStream } from '../random/index.js';
import { formatAddress, type PostalAddress, type Region } from '../world/index.js';
import { servicePlaces, type Json } from './body-paths.js';
import { labelOf, type DefectKind, type DefectLabel } from './defect-kinds.js';

/** Address defects the corpus injects into the service address. */
export const ADDRESS_DEFECT_KINDS = ['missing-unit', 'wrong-zip-city', 'wrong-zip-state', 'misspelt-street', 'misspelt-city', 'po-box-service', 'incomplete-address'] as const satisfies readonly DefectKind[];
/** An address defect kind. */
export type AddressDefectKind = (typeof ADDRESS_DEFECT_KINDS)[number];

const DIRECTIONAL = /^(N|S|E|W) (.+)$/;

/** Reads a world postal address back from a structured place the generator wrote. */
export function postalAddressOf(place: Json): PostalAddress | undefined {
  const str = (k: string): string | undefined => (typeof place[k] === 'string' ? place[k] : undefined);
  const streetNumber = str('streetNr');
  const name = str('streetName');
  const city = str('city');
  const state = str('stateOrProvince');
  const postalCode = str('postcode');
  if (streetNumber === undefined || name === undefined || city === undefined || state === undefined || postalCode === undefined) return undefined;
  const dir = DIRECTIONAL.exec(name);
  const sub = (place['geographicSubAddress'] as { subUnitType?: string; subUnitNumber?: string }[] | undefined)?.[0];
  return {
    streetNumber, streetName: dir?.[2] ?? name, streetType: str('streetType') ?? '', city, state, postalCode,
    ...(dir?.[1] === undefined ? {} : { preDirectional: dir[1] }),
    ...(sub?.subUnitNumber === undefined ? {} : { unitType: sub.subUnitType ?? 'Unit', unit: sub.subUnitNumber }),
  };
}

/** Whether a defect kind can be injected into this address. */
export function addressDefectApplies(kind: AddressDefectKind, a: PostalAddress): boolean {
  return kind !== 'missing-unit' || a.unit !== undefined;
}

function incomplete(dropLocality: boolean, role: string, a: PostalAddress): Json {
  const place = placeOf(role, a);
  if (dropLocality) {
    // Street only: the locality was never entered.
    const { city: _c, stateOrProvince: _s, postcode: _p, ...rest } = place;
    return { ...rest, name: formatAddress(a).split(',')[0] };
  }
  const { streetNr: _n, ...rest } = place;
  return { ...rest, name: formatAddress({ ...a, streetNumber: '' }).trim() };
}

/** Rewrites every service place carrying the same address with one defect; returns the label. */
export function injectAddressDefect(rng: RandomStream, body: Json, kind: AddressDefectKind, region: Region): DefectLabel | undefined {
  const places = servicePlaces(body);
  const first = places[0];
  const truth = first === undefined ? undefined : postalAddressOf(first.place);
  if (first === undefined || truth === undefined || !addressDefectApplies(kind, truth)) return undefined;
  const generatorKind = kind === 'po-box-service' ? 'po-box' : kind;
  const entered = kind === 'incomplete-address' ? truth : enterAddress(rng, truth, region, [generatorKind as Exclude<typeof generatorKind, 'incomplete-address'>]);
  const sameAddress = formatAddress(truth);
  const dropLocality = rng.bernoulli(0.5);
  for (const { place } of places) {
    if (place['name'] !== sameAddress) continue;
    const role = String(place['role']);
    const next = kind === 'incomplete-address' ? incomplete(dropLocality, role, truth) : placeOf(role, entered);
    for (const k of Object.keys(place)) delete place[k];
    Object.assign(place, next);
  }
  return labelOf(kind, first.path);
}
