import { describe, expect, it } from 'vitest';
import { aFreeTextAddress, anAustinAddress, anOrderItem, aPortInItem, aValidationOrder } from '../../test/fixtures/validation-orders.js';
import { FEATURE_NAMES } from './feature-names.js';
import { validateOrder } from './validate-order.js';

const now = new Date('2026-03-02T15:00:00Z');
const codes = (o: ReturnType<typeof validateOrder>) => o.findings.map((f) => f.code);
const blocking = (o: ReturnType<typeof validateOrder>) => o.findings.filter((f) => f.severity === 'blocking').map((f) => f.code);

describe('validateOrder', () => {
  it('finds nothing to block on clean orders, with and without a port-in and notes', () => {
    const clean = [
      aValidationOrder(),
      aValidationOrder({ items: [anOrderItem({ places: [anAustinAddress()] }), aPortInItem()] }),
      aValidationOrder({
        items: [anOrderItem({ places: [aFreeTextAddress('77 Rainey St Apt 2B, Austin, TX 78701'), aFreeTextAddress('PO Box 99, Austin, TX 78701', 'billingAddress')] })],
        notes: [{ text: 'gate code 4411, dog in yard. pls call b4 coming. apt 2B. install on 3/10 works' }],
      }),
      aValidationOrder({ items: [aPortInItem({ portingAuthorisationName: 'Bob Smith' })], notes: [{ text: 'keep my number from verizon' }] }),
    ];
    for (const order of clean) expect(blocking(validateOrder(order, { now }))).toEqual([]);
  });

  it('reports every feature by its exported name, NaN for a name score without a port-in', () => {
    const { features } = validateOrder(aValidationOrder(), { now });
    expect(Object.keys(features).sort()).toEqual([...FEATURE_NAMES].sort());
    expect(features['nameSimToCSR']).toBeNaN();
    expect(features['addrScore']).toBeGreaterThan(0.9);
  });

  it('blocks a port-in whose authorised name does not match the account record', () => {
    const order = aValidationOrder({ items: [aPortInItem({ portingAuthorisationName: 'Linda Martinez' })] });
    const result = validateOrder(order, { now, accountLookup: () => ({ holderName: 'Robert Smith' }) });
    const f = result.findings.find((x) => x.code === 'PORT_NAME_MISMATCH');
    expect(f).toMatchObject({ severity: 'blocking', field: 'productOrderItem[0].product.productCharacteristic[1].value', suggestion: 'Robert Smith' });
    expect(result.features['nameSimToCSR']).toBeLessThan(0.8);
  });

  it('blocks a toll-free number to port and a missing PIN on a mobile port-in, without echoing secrets', () => {
    const order = aValidationOrder({ items: [aPortInItem({ msisdn: '800-555-0199', portingPin: '' })] });
    const result = validateOrder(order, { now });
    expect(blocking(result)).toEqual(expect.arrayContaining(['PHONE_NOT_PORTABLE', 'PORT_FIELDS_MISSING']));
    const withPinInNote = validateOrder(aValidationOrder({ notes: [{ text: 'port pin is 778899' }] }), { now });
    const secret = withPinInNote.findings.find((f) => f.code === 'NOTE_SECRET');
    expect(secret?.message).not.toContain('778899');
  });

  it('checks the further numbers and the billing number of a multi-line port: valid, portable, not ported twice', () => {
    const port = (chars: Record<string, string>) => aValidationOrder({ items: [aPortInItem(chars), aPortInItem({ msisdn: '512-555-0160' }, '3')] });
    const clean = validateOrder(port({ portingAdditionalNumbers: '512-555-0148; +1 512 555 0147, (512) 555-0148', portingBillingNumber: '512 555 0147' }), { now });
    expect(blocking(clean)).toEqual([]);
    const bad = validateOrder(port({ portingAdditionalNumbers: '512-555-01, 800-555-0199, 512-555-0160', portingBillingNumber: '555-0147' }), { now });
    const of = (code: string) => bad.findings.filter((f) => f.code === code).map((f) => [f.severity, f.field]);
    expect(of('PHONE_TOO_SHORT')).toEqual([['blocking', 'productOrderItem[0].product.productCharacteristic[5].value']]);
    expect(of('PHONE_NOT_PORTABLE')).toEqual([['blocking', 'productOrderItem[0].product.productCharacteristic[5].value']]);
    // the second item ports 512-555-0160 too
    expect(of('PORT_DUPLICATE_NUMBER')).toHaveLength(1);
    expect(bad.findings.find((f) => f.field === 'productOrderItem[0].product.productCharacteristic[6].value')).toMatchObject({ code: 'PHONE_INVALID', severity: 'blocking' });
    // the model's phone features count the main numbers only, as before
    expect(bad.features['phoneCount']).toBe(clean.features['phoneCount']);
  });

  it('blocks further numbers that are not on the losing carrier account of the main number, and warns of a BTN that is not', () => {
    const record = { holderName: 'Robert J. Smith', tns: ['5125550147', '5125550148', '5125550149'] };
    const order = (chars: Record<string, string>) => aValidationOrder({ items: [aPortInItem(chars)] });
    const onAccount = validateOrder(order({ portingAdditionalNumbers: '512-555-0148, 512-555-0149', portingBillingNumber: '(512) 555-0147' }), { now, accountLookup: () => record });
    expect(codes(onAccount)).not.toEqual(expect.arrayContaining(['PORT_NUMBER_NOT_ON_ACCOUNT']));
    expect(codes(onAccount)).not.toContain('PORT_BTN_NOT_ON_ACCOUNT');
    const off = validateOrder(order({ portingAdditionalNumbers: '512-555-0148, 512-555-0190, 1-512-555-0191', portingBillingNumber: '512-555-0100' }), { now, accountLookup: () => record });
    const stranger = off.findings.find((f) => f.code === 'PORT_NUMBER_NOT_ON_ACCOUNT');
    expect(stranger).toMatchObject({ severity: 'blocking', field: 'productOrderItem[0].product.productCharacteristic[5].value' });
    expect(stranger?.message).toMatch(/^512-555-0190, 512-555-0191 are not on the losing carrier account of \+1 512 555 0147/);
    expect(off.findings.find((f) => f.code === 'PORT_BTN_NOT_ON_ACCOUNT')).toMatchObject({ severity: 'warning', field: 'productOrderItem[0].product.productCharacteristic[6].value' });
    // a record that does not list the main number is not this account's: nothing is concluded from it
    const otherAccount = validateOrder(order({ portingAdditionalNumbers: '512-555-0190' }), { now, accountLookup: () => ({ holderName: 'Robert J. Smith', tns: ['5125550999'] }) });
    expect(codes(otherAccount)).not.toContain('PORT_NUMBER_NOT_ON_ACCOUNT');
  });

  it('flags notes that contradict the order: port without port item, other unit, other date', () => {
    const order = aValidationOrder({
      items: [anOrderItem({ places: [aFreeTextAddress('77 Rainey St Apt 2B, Austin, TX 78701')] })],
      notes: [{ text: 'Cust wants to keep her number from T-Mobile. she is in unit 4C. pls install tomorow' }],
    });
    const found = codes(validateOrder(order, { now }));
    expect(found).toEqual(expect.arrayContaining(['NOTE_PORT_WITHOUT_PORT_ITEM', 'NOTE_UNIT_CONFLICT', 'NOTE_DATE_CONFLICT']));
  });

  it('names fields by TMF622 paths, nested items included', () => {
    const order = aValidationOrder({
      items: [anOrderItem({ children: [anOrderItem({ id: '1.1', places: [aFreeTextAddress('PO Box 1, Austin, TX 78701')] })] })],
    });
    const f = validateOrder(order, { now }).findings.find((x) => x.code === 'ADDR_PO_BOX_SERVICE');
    expect(f?.field).toBe('productOrderItem[0].productOrderItem[0].product.place[0].name');
  });
});
