import { describe, expect, it } from 'vitest';
import { accountsMatch, addressesMatch, namesMatch, normAccount, normName, normTn, normZip } from './normalisation.js';

const addr = (line1: string, postalCode = '10001') => ({ line1, city: 'New York', state: 'NY', postalCode });

describe('normalisation (porting.md §12.2)', () => {
  it('normalises telephone numbers to 10 NANP digits', () => {
    expect(normTn('+1 (212) 555-0100')).toBe('2125550100');
    expect(normTn('112-555-0100')).toBeNull();
    expect(normTn('212555010')).toBeNull();
  });

  it('matches account numbers ignoring punctuation, keeping leading zeros unless configured', () => {
    expect(normAccount('ab-12.34/5 ')).toBe('AB12345');
    expect(accountsMatch('00123', '123', 'NORMALIZED')).toBe(false);
    expect(accountsMatch('00123', '123', 'NORMALIZED', true)).toBe(true);
    expect(accountsMatch('123-45', '12345', 'EXACT')).toBe(false);
  });

  it('normalises names and, when lenient, business suffixes and word order', () => {
    expect(normName('The Café & Bar, Inc.')).toBe('CAFE AND BAR INC');
    expect(namesMatch('Acme Widgets LLC', 'ACME WIDGETS', 'LENIENT')).toBe(true);
    expect(namesMatch('Acme Widgets LLC', 'ACME WIDGETS', 'NORMALIZED')).toBe(false);
    expect(namesMatch('Smith, John', 'John Smith', 'LENIENT')).toBe(true);
    expect(namesMatch('J Smith', 'John Smith', 'LENIENT')).toBe(true);
  });

  it('R9: "123 North Main Street Apt 4" matches "123 N MAIN ST APT 4" at ADDRESS_NORMALIZED but not at NORMALIZED', () => {
    const a = addr('123 North Main Street Apt 4');
    const b = addr('123 N MAIN ST APT 4');
    expect(addressesMatch(a, b, 'ADDRESS_NORMALIZED')).toBe(true);
    expect(addressesMatch(a, b, 'NORMALIZED')).toBe(false);
    expect(addressesMatch(addr('123 N Main St #4'), b, 'ADDRESS_NORMALIZED')).toBe(true);
  });

  it('compares the unit except at LENIENT, and ignores ZIP only at LENIENT', () => {
    expect(addressesMatch(addr('123 Main St Apt 4'), addr('123 Main St Apt 5'), 'ADDRESS_NORMALIZED')).toBe(false);
    expect(addressesMatch(addr('123 Main St Apt 4'), addr('123 Main St Apt 5'), 'LENIENT')).toBe(true);
    expect(addressesMatch(addr('123 Main St', '10001'), addr('123 Main St', '10002'), 'ADDRESS_NORMALIZED')).toBe(false);
    expect(addressesMatch(addr('123 Main St', '10001'), addr('123 Main St', '10002'), 'LENIENT')).toBe(true);
    expect(normZip('10001-1234')).toBe('10001');
  });

  it('a billing address does not match the service address', () => {
    expect(addressesMatch(addr('500 Broadway'), addr('123 N Main St'), 'LENIENT')).toBe(false);
  });
});
