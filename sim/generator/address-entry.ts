import type { RandomStream } from '../random/index.js';
import { formatAddress, placesOfState, US_PLACES, type PostalAddress, type Region } from '../world/index.js';
import type { AddressDefect } from './order-truth.js';
import { typo } from './typo.js';

/** Defects that make provisioning fail, with weights, when the address cause fires. */
const SEVERE: readonly (readonly [AddressDefect, number])[] = [
  ['missing-unit', 5], ['wrong-zip-state', 1], ['wrong-zip-city', 2], ['po-box', 1], ['swapped-street-number', 2], ['misspelt-street', 2],
];

/** Picks the defects of an order's service address: a severe one when the cause fired, benign ones otherwise. */
export function drawAddressDefects(rng: RandomStream, fired: boolean, mdu: boolean): AddressDefect[] {
  const out: AddressDefect[] = [];
  if (fired) out.push(rng.weighted(SEVERE.filter(([d]) => mdu || d !== 'missing-unit')));
  else if (mdu && rng.bernoulli(0.1)) out.push('missing-unit'); // unit given in the note instead
  if (rng.bernoulli(0.04) && !out.includes('misspelt-city')) out.push('misspelt-city');
  return out;
}

function swapDigits(n: string): string {
  if (n.length < 2) return `${n}0`;
  const s = n.split('');
  const i = s.findIndex((c, k) => k < s.length - 1 && c !== s[k + 1]);
  if (i < 0) return `${n.slice(0, -1)}${(Number(n.slice(-1)) + 3) % 10}`;
  [s[i], s[i + 1]] = [s[i + 1] ?? '', s[i] ?? ''];
  return s.join('');
}

function otherZip(rng: RandomStream, a: PostalAddress, region: Region, sameState: boolean): string {
  const pool = sameState ? placesOfState(a.state).filter((p) => p.city !== a.city) : US_PLACES.filter((p) => p.state !== a.state);
  return rng.pick(rng.pick(pool.length > 0 ? pool : region.places).zips);
}

/** The address as entered: the true address with the given defects applied. */
export function enterAddress(rng: RandomStream, truth: PostalAddress, region: Region, defects: readonly AddressDefect[]): PostalAddress {
  let a: PostalAddress = truth;
  for (const d of defects) {
    switch (d) {
      case 'missing-unit': { const { unit: _u, unitType: _t, ...rest } = a; a = rest; break; }
      case 'wrong-zip-city': a = { ...a, postalCode: otherZip(rng, a, region, true) }; break;
      case 'wrong-zip-state': a = { ...a, postalCode: otherZip(rng, a, region, false) }; break;
      case 'misspelt-street': a = { ...a, streetName: typo(rng, a.streetName) }; break;
      case 'misspelt-city': a = { ...a, city: typo(rng, a.city) }; break;
      case 'po-box': a = { ...a, poBox: String(rng.int(10, 9999)) }; break;
      case 'swapped-street-number': a = { ...a, streetNumber: swapDigits(a.streetNumber) }; break;
    }
  }
  return a;
}

/** A TMF673 GeographicAddress place with a role, plus the one-line form in `name`. */
export function placeOf(role: string, a: PostalAddress): Record<string, unknown> {
  const common = { role, '@type': 'GeographicAddress', name: formatAddress(a), city: a.city, stateOrProvince: a.state, postcode: a.postalCode, country: 'US' };
  if (a.poBox !== undefined) return { ...common, streetName: `PO Box ${a.poBox}` };
  const street = { streetNr: a.streetNumber, streetName: a.preDirectional === undefined ? a.streetName : `${a.preDirectional} ${a.streetName}`, streetType: a.streetType };
  const unit = a.unit === undefined ? {} : { geographicSubAddress: [{ subUnitType: a.unitType ?? 'Unit', subUnitNumber: a.unit }] };
  return { ...common, ...street, ...unit };
}
