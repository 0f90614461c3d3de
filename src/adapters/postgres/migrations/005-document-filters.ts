import type { Migration } from '../../sqlite/migrations/migration.js';

/**
 * SQL functions evaluating list filters on stored documents, with the semantics of the embedded
 * store (filter-value.ts): `provisio_instant` reads an ISO date or date-time like Date.parse and
 * returns the UTC millisecond form (null when not a date); `provisio_scalar_matches` tells whether one
 * JSON scalar satisfies a filter (same text, same instant or same number for `eq`; instants, numbers,
 * then text in code-point order for comparisons). Arithmetic instead of casts: no input can raise.
 */
export const documentFiltersMigration: Migration = {
  version: 5,
  name: 'document-filters',
  sql: String.raw`
    CREATE FUNCTION provisio_instant(t text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
      m text[];
      y int; mo int; d int; hh int := 0; mi int := 0; ss int := 0; ms int := 0; off int := 0;
    BEGIN
      IF t IS NULL OR length(t) > 64 THEN RETURN NULL; END IF;
      m := regexp_match(t, '^\s*([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?([Zz]|([+-])([0-9]{2}):?([0-9]{2}))?)?\s*$');
      IF m IS NULL THEN RETURN NULL; END IF;
      y := m[1]::int; mo := m[2]::int; d := m[3]::int;
      IF m[4] IS NOT NULL THEN hh := m[4]::int; mi := m[5]::int; END IF;
      IF m[6] IS NOT NULL THEN ss := m[6]::int; END IF;
      IF m[7] IS NOT NULL THEN ms := rpad(left(m[7], 3), 3, '0')::int; END IF;
      IF m[9] IS NOT NULL THEN
        IF m[10]::int > 23 OR m[11]::int > 59 THEN RETURN NULL; END IF;
        off := (m[10]::int * 60 + m[11]::int) * CASE m[9] WHEN '-' THEN -1 ELSE 1 END;
      END IF;
      IF y < 1 OR mo NOT BETWEEN 1 AND 12 OR d NOT BETWEEN 1 AND 31 OR mi > 59 OR ss > 59 THEN RETURN NULL; END IF;
      IF hh > 24 OR (hh = 24 AND (mi > 0 OR ss > 0 OR ms > 0)) THEN RETURN NULL; END IF;
      RETURN to_char(make_timestamp(y, mo, 1, 0, 0, 0)
        + make_interval(days => d - 1, hours => hh, mins => mi - off, secs => ss + ms / 1000.0),
        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    END $$;

    CREATE FUNCTION provisio_is_number(t text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN t ~ '^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$';

    CREATE FUNCTION provisio_scalar_matches(v jsonb, op text, vals text[]) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
      kind text := jsonb_typeof(v);
      t text;
      w text;
      a text;
      b text;
      c int;
    BEGIN
      IF kind NOT IN ('string', 'number', 'boolean') THEN RETURN false; END IF;
      t := v #>> '{}';
      IF op = 'eq' THEN
        IF t = ANY (vals) THEN RETURN true; END IF;
        a := provisio_instant(t);
        FOREACH w IN ARRAY vals LOOP
          IF a IS NOT NULL THEN
            IF provisio_instant(w) = a THEN RETURN true; END IF;
          ELSIF kind = 'number' AND provisio_is_number(w) THEN
            IF w::numeric = t::numeric THEN RETURN true; END IF;
          END IF;
        END LOOP;
        RETURN false;
      END IF;
      w := vals[1];
      IF w IS NULL THEN RETURN false; END IF;
      a := provisio_instant(t);
      b := provisio_instant(w);
      IF a IS NOT NULL AND b IS NOT NULL THEN
        c := CASE WHEN a < b THEN -1 WHEN a > b THEN 1 ELSE 0 END;
      ELSIF provisio_is_number(t) AND provisio_is_number(w) THEN
        c := sign(t::numeric - w::numeric);
      ELSE
        c := CASE WHEN t COLLATE "C" < w COLLATE "C" THEN -1 WHEN t COLLATE "C" > w COLLATE "C" THEN 1 ELSE 0 END;
      END IF;
      RETURN CASE op WHEN 'gt' THEN c > 0 WHEN 'gte' THEN c >= 0 WHEN 'lt' THEN c < 0 WHEN 'lte' THEN c <= 0 ELSE false END;
    END $$;
  `,
};
