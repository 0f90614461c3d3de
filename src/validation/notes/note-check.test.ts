import { describe, expect, it } from 'vitest';
import { aValidationOrder } from '../../../test/fixtures/validation-orders.js';
import { parseOneLineAddress } from '../address/one-line-address-parser.js';
import { checkNotes, type NoteOrderFacts } from './note-check.js';
import { extractNoteEntities } from './note-entities.js';

const now = new Date('2026-03-02T15:00:00Z'); // a Monday
const noPort: NoteOrderFacts = { hasPortIn: false, losingCarriers: [], authorisedNames: [], hasPortingPin: false, serviceAddress: parseOneLineAddress('77 Rainey St Apt 2B, Austin, TX 78701') };
function run(text: string, facts: NoteOrderFacts = noPort, requestedStartDate = '2026-03-10T00:00:00Z') {
  const order = aValidationOrder({ notes: [{ text }], requestedStartDate });
  return checkNotes(order, facts, [extractNoteEntities(text, now)]);
}
const codes = (r: ReturnType<typeof run>) => r.findings.map((f) => f.code).sort();

describe('note entities', () => {
  it('extracts codes, PINs, accounts, units, phones, dates, people and carriers from sloppy text', () => {
    const e = extractNoteEntities('gate cd 4411 pls call b4. acct # 4821-7730-09, port pin: 7781. apt 5b. ask for bob. call 512 555 0147 on fri. from verison', now);
    expect(e.accessCodes.map((x) => x.value)).toEqual(['4411']);
    expect(e.pins.map((x) => x.value)).toEqual(['7781']);
    expect(e.accountNumbers.map((x) => x.value)).toEqual(['4821-7730-09']);
    expect(e.units.map((x) => x.value)).toEqual(['5B']);
    expect(e.phones.map((x) => x.value)).toEqual(['+15125550147']);
    expect(e.dates.map((x) => x.days)).toEqual([['2026-03-06']]);
    expect(e.people.map((x) => x.value)).toEqual(['bob']);
    expect(e.carriers.map((x) => x.id)).toEqual(['verizon']);
  });

  it('resolves relative and absolute dates against now', () => {
    const days = (t: string) => extractNoteEntities(t, now).dates.flatMap((d) => d.days);
    expect(days('install tomorrow')).toEqual(['2026-03-03']);
    expect(days('come on Dec 15th')).toEqual(['2026-12-15']);
    expect(days('install 3/12/2026')).toEqual(['2026-03-12']);
    expect(days('in 2 weeks')).toEqual(['2026-03-16']);
    expect(days('next monday')).toEqual(['2026-03-09', '2026-03-16']);
  });
});

describe('note check', () => {
  it('stays quiet on plain notes and matches the order', () => {
    expect(codes(run('Customer prefers email. Install on 3/10 is fine'))).toEqual([]);
    expect(codes(run('Please install next Tuesday, unit 2B'))).toEqual([]);
  });

  it('flags risky phrases despite typos and shorthand', () => {
    for (const t of ['pls CALL B4 coming', 'gate is lokced', 'beware of dogs', 'noone home untill 5', 'Nobody hom in the morning']) {
      expect(codes(run(t)), t).toContain('NOTE_ACCESS_RISK');
    }
    expect(codes(run('customer is movng next month'))).toContain('NOTE_CUSTOMER_MOVING');
  });

  it('detects a port asked for in the note without a port-in item, and a different carrier than the port-in', () => {
    expect(codes(run('wants to keep her number from AT&T'))).toContain('NOTE_PORT_WITHOUT_PORT_ITEM');
    expect(codes(run('switching from tmobile'))).toContain('NOTE_PORT_WITHOUT_PORT_ITEM');
    const ported: NoteOrderFacts = { ...noPort, hasPortIn: true, losingCarriers: ['Verizon Wireless'], authorisedNames: ['Robert Smith'] };
    expect(codes(run('keep my number from verizon', ported))).toEqual([]);
    expect(codes(run('number is with Sprint', ported))).toContain('NOTE_CARRIER_CONFLICT');
  });

  it('detects unit, house number, date and account-holder contradictions', () => {
    expect(codes(run('she lives in apt 4C'))).toContain('NOTE_UNIT_CONFLICT');
    expect(codes(run('address is 79 Rainey St'))).toContain('NOTE_STREET_NUMBER_CONFLICT');
    expect(codes(run('please install on march 20'))).toContain('NOTE_DATE_CONFLICT');
    expect(codes(run('we are moving on march 20'))).not.toContain('NOTE_DATE_CONFLICT');
    expect(codes(run('account holder is Linda Martinez'))).toContain('NOTE_NAME_CONFLICT');
    expect(codes(run('authorized by Bob Smith'))).not.toContain('NOTE_NAME_CONFLICT');
    expect(codes(run('account holder is bob'))).not.toContain('NOTE_NAME_CONFLICT');
  });

  it('masks PINs and codes in messages', () => {
    const r = run('port pin 99817, gate code 4411');
    const text = r.findings.map((f) => `${f.message} ${f.suggestion ?? ''}`).join(' ');
    expect(codes(r)).toEqual(expect.arrayContaining(['NOTE_SECRET', 'NOTE_ACCESS_CODE']));
    expect(text).not.toMatch(/99817|4411/);
  });
});
