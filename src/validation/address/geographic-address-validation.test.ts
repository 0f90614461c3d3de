import zipcodes from 'zipcodes';
import { describe, expect, it } from 'vitest';
import { inMemoryAddressReference } from './address-reference.js';
import { validateGeographicAddress } from './geographic-address-validation.js';

const ref = inMemoryAddressReference();

describe('TMF673 geographicAddressValidation', () => {
  it('returns success with the USPS-normalised address for a clean one', () => {
    const r = validateGeographicAddress({ streetNr: '500', streetName: 'West 2nd', streetType: 'Street', city: 'Austin', stateOrProvince: 'Texas', postcode: '78701', geographicSubAddress: [{ subUnitType: 'Suite', subUnitNumber: '1900' }] }, ref);
    expect(r.validationResult).toBe('success');
    expect(r.validAddress).toMatchObject({ streetName: 'W 2ND', streetType: 'ST', stateOrProvince: 'TX', geographicSubAddress: [{ subUnitType: 'STE', subUnitNumber: '1900' }] });
  });

  it('returns partial with a corrected alternative for a misspelled city', () => {
    const r = validateGeographicAddress({ name: '12 Elm St, Austn, TX 78701' }, ref);
    expect(r.validationResult).toBe('partial');
    expect(r.alternateGeographicAddress[0]).toMatchObject({ city: 'AUSTIN', postcode: '78701' });
  });

  it('fails a PO box service address and a ZIP in another state, offering the ZIP state', () => {
    expect(validateGeographicAddress({ name: 'PO Box 12, Austin, TX 78701' }, ref).validationResult).toBe('fail');
    expect(validateGeographicAddress({ name: 'PO Box 12, Austin, TX 78701' }, ref, 'billingAddress').validationResult).toBe('success');
    const r = validateGeographicAddress({ name: '12 Elm St, Austin, OK 78701' }, ref);
    expect(r.validationResult).toBe('fail');
    expect(r.alternateGeographicAddress[0]?.stateOrProvince).toBe('TX');
  });

  it('raises nothing blocking on well-formed addresses across the ZIP table', () => {
    const zips = Object.values(zipcodes.codes).filter((z) => /^\d{5}$/.test(z.zip)).filter((_, i) => i % 150 === 0);
    expect(zips.length).toBeGreaterThan(200);
    for (const z of zips) {
      const r = validateGeographicAddress({ name: `1200 N Main Street Apt 3, ${z.city}, ${z.state} ${z.zip}` }, ref);
      expect(r.findings.filter((f) => f.severity !== 'info'), `${z.city} ${z.state} ${z.zip}`).toEqual([]);
    }
  });
});
