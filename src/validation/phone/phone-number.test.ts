import { describe, expect, it } from 'vitest';
import { assessPhone } from './phone-number.js';
import { phoneFindings } from './phone-check.js';

describe('phone numbers', () => {
  it('formats valid US numbers as E.164 and keeps them free of findings', () => {
    for (const raw of ['(512) 555-0147', '512.555.0147', '+1 512 555 0147', '1-512-555-0147']) {
      const a = assessPhone(raw);
      expect(a).toMatchObject({ valid: true, e164: '+15125550147', region: 'US' });
      expect(phoneFindings(a, 'port', 'f')).toEqual([]);
    }
  });

  it('reports short, long and invalid numbers as blocking when they are to be ported', () => {
    expect(phoneFindings(assessPhone('415-555-267'), 'port', 'f')[0]).toMatchObject({ code: 'PHONE_TOO_SHORT', severity: 'blocking' });
    expect(phoneFindings(assessPhone('212-555-01000'), 'port', 'f')[0]?.code).toBe('PHONE_TOO_LONG');
    expect(phoneFindings(assessPhone('(555) 123-4567'), 'port', 'f')[0]?.code).toBe('PHONE_INVALID');
  });

  it('refuses toll-free, premium and foreign numbers as ports but only warns on a bad contact number', () => {
    expect(phoneFindings(assessPhone('800-555-0199'), 'port', 'f')[0]?.code).toBe('PHONE_NOT_PORTABLE');
    expect(phoneFindings(assessPhone('900-555-2671'), 'port', 'f')[0]?.code).toBe('PHONE_NOT_PORTABLE');
    expect(phoneFindings(assessPhone('+44 7911 123456'), 'port', 'f')[0]?.code).toBe('PHONE_NOT_PORTABLE');
    expect(assessPhone('+44 7911 123456').type).toBe('MOBILE');
    expect(phoneFindings(assessPhone('800-555-0199'), 'contact', 'f')).toEqual([]);
    expect(phoneFindings(assessPhone('415-555-267'), 'contact', 'f')[0]?.severity).toBe('warning');
  });
});
