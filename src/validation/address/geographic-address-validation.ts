import type { Finding } from '../finding.js';
import { addressFromPlace } from './address-from-place.js';
import { checkAddress } from './address-check.js';
import type { AddressReference } from './address-reference.js';
import { parseStreetLine } from './street-line-parser.js';
import type { UsAddress } from './us-address.js';

/** TMF673 validation outcomes. */
export const ADDRESS_VALIDATION_RESULTS = ['success', 'partial', 'fail'] as const;
/** Outcome of a TMF673 geographicAddressValidation. */
export type AddressValidationResult = (typeof ADDRESS_VALIDATION_RESULTS)[number];

/** A TMF673 GeographicAddress as Provisio returns it (USPS-normalised). */
export interface GeographicAddressValue {
  readonly '@type': 'GeographicAddress';
  readonly streetNr?: string;
  readonly streetName?: string;
  readonly streetType?: string;
  readonly streetSuffix?: string;
  readonly city?: string;
  readonly stateOrProvince?: string;
  readonly postcode?: string;
  readonly country: string;
  readonly geographicSubAddress?: readonly { readonly subUnitType: string; readonly subUnitNumber?: string }[];
}

/** What a TMF673 `geographicAddressValidation` task returns. */
export interface GeographicAddressValidationOutcome {
  readonly validationResult: AddressValidationResult;
  /** The normalised address, when it could be parsed. */
  readonly validAddress?: GeographicAddressValue;
  /** Candidates built from the suggestions (corrected city, state or street). */
  readonly alternateGeographicAddress: readonly GeographicAddressValue[];
  readonly findings: readonly Finding[];
}

/**
 * Validates one submitted address for a TMF673 geographicAddressValidation: `success` when clean,
 * `partial` when only warnings remain, `fail` on a blocking finding. `role` defaults to a service
 * address, the strictest case.
 */
export function validateGeographicAddress(
  submitted: Readonly<Record<string, unknown>>,
  ref: AddressReference,
  role = 'serviceAddress',
): GeographicAddressValidationOutcome {
  const placed = addressFromPlace(submitted, (zip) => ref.zip(zip)?.city);
  if (placed === undefined) {
    const f: Finding = { field: 'name', code: 'ADDR_UNPARSEABLE', severity: 'blocking', message: 'No address was given', confidence: 1 };
    return { validationResult: 'fail', alternateGeographicAddress: [], findings: [f] };
  }
  const { findings } = checkAddress({ placed, role, path: 'submittedGeographicAddress' }, ref);
  const validAddress = toGeographicAddress(placed.address, ref);
  const validationResult: AddressValidationResult = findings.some((f) => f.severity === 'blocking')
    ? 'fail'
    : findings.some((f) => f.severity === 'warning')
      ? 'partial'
      : 'success';
  return { validationResult, validAddress, alternateGeographicAddress: alternatives(placed.address, findings, ref), findings };
}

function alternatives(a: UsAddress, findings: readonly Finding[], ref: AddressReference): GeographicAddressValue[] {
  let fixed: UsAddress = a;
  for (const f of findings) {
    if (f.suggestion === undefined || f.confidence < 0.8) continue;
    if (f.code === 'ADDR_ZIP_CITY_MISMATCH' || f.code === 'ADDR_CITY_MISSPELLED') fixed = { ...fixed, city: f.suggestion.toUpperCase() };
    if (f.code === 'ADDR_ZIP_STATE_MISMATCH') fixed = { ...fixed, state: f.suggestion };
    if (f.code === 'ADDR_STREET_MISSPELLED') fixed = withStreetKey(fixed, f.suggestion);
  }
  return fixed === a ? [] : [toGeographicAddress(fixed, ref)];
}

// A suggested street key ("N MAIN ST") replaces the street parts wholesale.
function withStreetKey(a: UsAddress, key: string): UsAddress {
  const { streetNr: _n, unitType: _t, unitNumber: _u, poBox: _p, ...street } = parseStreetLine(key);
  const { preDirectional: _a, streetName: _b, streetType: _c, postDirectional: _d, ...rest } = a;
  return { ...rest, ...street };
}

function toGeographicAddress(a: UsAddress, ref: AddressReference): GeographicAddressValue {
  const street = a.poBox !== undefined ? `PO BOX ${a.poBox}` : [a.preDirectional, a.streetName].filter(Boolean).join(' ');
  const city = a.city ?? (a.zip === undefined ? undefined : ref.zip(a.zip)?.city.toUpperCase());
  const unit = a.unitType === undefined ? undefined : [{ subUnitType: a.unitType, ...(a.unitNumber === undefined ? {} : { subUnitNumber: a.unitNumber }) }];
  const value: Record<string, unknown> = {
    '@type': 'GeographicAddress',
    streetNr: a.streetNr,
    streetName: street === '' ? undefined : street,
    streetType: a.streetType,
    streetSuffix: a.postDirectional,
    city,
    stateOrProvince: a.state ?? a.stateGiven,
    postcode: a.zip === undefined ? undefined : a.zip4 === undefined ? a.zip : `${a.zip}-${a.zip4}`,
    country: a.country,
    geographicSubAddress: unit,
  };
  for (const k of Object.keys(value)) if (value[k] === undefined) delete value[k];
  return value as unknown as GeographicAddressValue;
}
