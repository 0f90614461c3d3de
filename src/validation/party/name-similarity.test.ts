import { describe, expect, it } from 'vitest';
import { NAME_MISMATCH_BELOW, NAME_WEAK_BELOW } from '../port-in/port-in-check.js';
import { compareNames } from './name-similarity.js';
import { NICKNAMES } from './nicknames.js';
import { partyKindOf } from './party-kind.js';
import { parsePersonName } from './person-name.js';

describe('person names', () => {
  it('parses honorifics, suffixes, commas, particles and quoted nicknames', () => {
    expect(parsePersonName('Dr. Robert J. Smith Jr.')).toMatchObject({ given: 'robert', middle: ['j'], surname: 'smith' });
    expect(parsePersonName('Smith, Robert')).toMatchObject({ given: 'robert', surname: 'smith' });
    expect(parsePersonName('María de la Cruz')).toMatchObject({ given: 'maria', surname: 'de la cruz' });
    expect(parsePersonName("Robert 'Bob' Smith")).toMatchObject({ given: 'robert', nickname: 'bob', surname: 'smith' });
  });

  it('matches the same person through nicknames, initials, order and spelling variants', () => {
    const same = [['Bob Smith', 'Robert Smith'], ['Peggy Olson', 'Margaret Olson'], ['Liz Taylor', 'Elizabeth Taylor'], ['Bill Gates', 'William H. Gates III'],
      ['Smith, Robert', 'Robert Smith'], ['J. Smith', 'John Smith'], ['Maria Gonzales', 'Maria Gonzalez'], ['Jon Smyth', 'John Smith']];
    for (const [a, b] of same) expect(compareNames(a!, b!).similarity, `${a} ~ ${b}`).toBeGreaterThanOrEqual(NAME_WEAK_BELOW);
  });

  it('separates different people, and never passes a name on sound alone', () => {
    for (const [a, b] of [['Linda Martinez', 'Robert Smith'], ['John Smith', 'Mary Johnson'], ['Kevin Brown', 'Robert Smith']]) {
      expect(compareNames(a!, b!).similarity, `${a} vs ${b}`).toBeLessThan(NAME_MISMATCH_BELOW);
    }
    expect(compareNames('Maria Garcia', 'Mario Garza').similarity).toBeLessThan(NAME_WEAK_BELOW);
  });

  it('tells businesses from individuals and compares business names without legal forms', () => {
    expect(partyKindOf('Acme Plumbing LLC')).toBe('business');
    expect(partyKindOf('First Baptist Church')).toBe('business');
    expect(partyKindOf('Robert Smith')).toBe('individual');
    expect(compareNames('ACME Plumbing, Inc.', 'The Acme Plumbing LLC').similarity).toBe(1);
  });

  it('ships at least 150 nickname pairs', () => {
    expect(Object.values(NICKNAMES).flat().length).toBeGreaterThanOrEqual(150);
  });
});
