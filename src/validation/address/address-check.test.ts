import { describe, expect, it } from 'vitest';
import { addressFromPlace } from './address-from-place.js';
import { checkAddress } from './address-check.js';
import { buildingKey, inMemoryAddressReference } from './address-reference.js';
import { parseOneLineAddress } from './one-line-address-parser.js';

const ref = inMemoryAddressReference();

function check(place: Record<string, unknown>, role = 'installationAddress', reference = ref, noteUnit?: string) {
  const placed = addressFromPlace(place, (z) => reference.zip(z)?.city);
  if (placed === undefined) throw new Error('no address');
  return checkAddress({ placed, role, path: 'productOrderItem[0].product.place[0]', ...(noteUnit ? { noteUnit } : {}) }, reference);
}
const codes = (r: { findings: readonly { code: string }[] }) => r.findings.map((f) => f.code);

describe('address check', () => {
  it('passes clean structured and one-line addresses without findings', () => {
    const clean = [
      { streetNr: '500', streetName: 'West 2nd', streetType: 'Street', city: 'Austin', stateOrProvince: 'TX', postcode: '78701' },
      { name: '1600 Pennsylvania Ave NW, Washington, DC 20500' },
      { name: '350 5th Avenue, New York, NY 10118' },
      { name: '9 north st pittsfield ma 01201' },
      { streetNr: '1', streetName: 'Infinite Loop', city: 'Cupertino', stateOrProvince: 'California', postcode: '95014-2083' },
    ];
    for (const p of clean) expect(codes(check(p)), JSON.stringify(p)).toEqual([]);
  });

  it('refuses a PO box as an installation address but accepts it for billing', () => {
    const box = { name: 'PO Box 1234, Austin, TX 78701' };
    const service = check(box);
    expect(service.findings.find((f) => f.code === 'ADDR_PO_BOX_SERVICE')?.severity).toBe('blocking');
    expect(codes(check(box, 'billingAddress'))).toEqual([]);
  });

  it('blocks a ZIP in another state and suggests the ZIP state', () => {
    const r = check({ name: '10 Main St, Austin, CA 78701' });
    const f = r.findings.find((x) => x.code === 'ADDR_ZIP_STATE_MISMATCH');
    expect(f).toMatchObject({ severity: 'blocking', suggestion: 'TX', field: 'productOrderItem[0].product.place[0].name' });
    expect(r.scores.zipStateMismatch).toBe(true);
  });

  it('suggests the ZIP city for a misspelled city without rewriting it', () => {
    const r = check({ streetNr: '12', streetName: 'Elm', streetType: 'St', city: 'Austn', stateOrProvince: 'TX', postcode: '78701' });
    const f = r.findings.find((x) => x.code === 'ADDR_ZIP_CITY_MISMATCH');
    expect(f).toMatchObject({ severity: 'warning', suggestion: 'Austin', field: 'productOrderItem[0].product.place[0].city' });
    expect(f!.confidence).toBeGreaterThan(0.8);
  });

  it('suggests a city when there is no ZIP and the city is misspelled', () => {
    const r = check({ streetNr: '12', streetName: 'Elm', streetType: 'St', city: 'Sacremento', stateOrProvince: 'CA' });
    expect(r.findings.find((x) => x.code === 'ADDR_CITY_MISSPELLED')?.suggestion).toBe('SACRAMENTO');
  });

  it('blocks incomplete addresses and malformed ZIPs', () => {
    expect(codes(check({ name: '12 Main St' }))).toContain('ADDR_UNPARSEABLE');
    expect(codes(check({ streetNr: '12', streetName: 'Main St', city: 'Austin', stateOrProvince: 'TX', postcode: '7870' }))).toContain('ADDR_ZIP_INVALID');
    expect(codes(check({ streetNr: '12', streetName: 'Main St', city: 'Austin', stateOrProvince: 'Texass', postcode: '78701' }))).toContain('ADDR_STATE_INVALID');
  });

  it('requires a unit in a multi-dwelling building and offers the unit from the notes', () => {
    const a = parseOneLineAddress('77 Rainey St, Austin, TX 78701');
    const reference = inMemoryAddressReference({ buildings: new Map([[buildingKey(a), { kind: 'multi', units: ['1A', '2B'] }]]) });
    const missing = check({ name: '77 Rainey Street, Austin, TX 78701' }, 'installationAddress', reference, '2B');
    expect(missing.findings.find((f) => f.code === 'ADDR_UNIT_REQUIRED')).toMatchObject({ severity: 'blocking', suggestion: '2B' });
    expect(codes(check({ name: '77 Rainey St Apt 2B, Austin, TX 78701' }, 'installationAddress', reference))).toEqual([]);
    expect(codes(check({ name: '77 Rainey St Apt 9Z, Austin, TX 78701' }, 'installationAddress', reference))).toEqual(['ADDR_UNIT_UNKNOWN']);
    expect(codes(check({ name: '77 Rainey Street, Austin, TX 78701' }, 'billingAddress', reference))).toEqual([]);
  });

  it('suggests the closest served street for a misspelled street name', () => {
    const reference = inMemoryAddressReference({ streets: new Map([['78701', ['W 2ND ST', 'CONGRESS AVE', 'RAINEY ST']]]) });
    const r = check({ name: '100 Congres Ave, Austin, TX 78701' }, 'installationAddress', reference);
    expect(r.findings.find((f) => f.code === 'ADDR_STREET_MISSPELLED')?.suggestion).toBe('CONGRESS AVE');
    expect(codes(check({ name: '100 Congress Avenue, Austin, TX 78701' }, 'installationAddress', reference))).toEqual([]);
  });
});

describe('one-line parser', () => {
  it('normalises suffixes, directionals, unit designators and state names', () => {
    expect(parseOneLineAddress('456 north park avenue apartment 12, new york, new york 10022-1234')).toMatchObject({
      streetNr: '456', preDirectional: 'N', streetName: 'PARK', streetType: 'AVE', unitType: 'APT', unitNumber: '12',
      city: 'NEW YORK', state: 'NY', zip: '10022', zip4: '1234',
    });
  });

  it('splits street from city without commas, using the ZIP city as a hint', () => {
    const a = parseOneLineAddress('123 Main St Center Point TX 78010', () => 'Center Point');
    expect(a).toMatchObject({ streetName: 'MAIN', streetType: 'ST', city: 'CENTER POINT' });
  });
});
