import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgArray, pgParams } from '../../src/adapters/postgres/pg-array.js';
import { PG_TEST_URL, postgresSkipReason } from '../contract/postgres-test-database.js';

const skip = await postgresSkipReason();
if (skip !== undefined) console.warn(`PostgreSQL integration tests skipped: ${skip}`);

describe.skipIf(skip !== undefined)('array literals for statement parameters', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: PG_TEST_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  it('reads back as the same text values, whatever characters they hold', async () => {
    const values = ['plain', '', 'NULL', 'with "quotes"', 'back\\slash', 'a,b', '{braces}', ' spaced ', 'line\nbreak', 'é ✓', null, '\\"'];
    const r = await client.query<{ a: (string | null)[] }>('SELECT $1::text[] AS a', [pgArray(values)]);
    expect(r.rows[0]?.a).toEqual(values);
  });

  it('reads back as the same numbers, nulls and JSON documents', async () => {
    const r = await client.query<{ i: (number | null)[]; b: (string | null)[]; j: unknown[] }>('SELECT $1::int[] AS i, $2::bigint[] AS b, $3::json[] AS j', [
      pgArray([1, -2, null, 0]),
      pgArray([1_795_734_519_032, null]),
      pgArray([JSON.stringify({ text: 'say "hi"\\n', list: [1, 2] }), null, '[]']),
    ]);
    expect(r.rows[0]).toEqual({ i: [1, -2, null, 0], b: ['1795734519032', null], j: [{ text: 'say "hi"\\n', list: [1, 2] }, null, []] });
  });

  it('turns only flat arrays of plain values into literals', () => {
    const date = new Date(0);
    expect(pgParams([['a', 1, null, true], 'x', 3, [date], null])).toEqual(['{"a",1,NULL,true}', 'x', 3, [date], null]);
    expect(pgParams(undefined)).toBeUndefined();
  });
});
