/** An element pgArray writes. */
type Element = string | number | boolean | null | undefined;

/**
 * A PostgreSQL array literal (`{"a","b",NULL,3}`) for a statement parameter, built in one pass.
 * The driver serialises a JS array parameter by concatenating escaped elements one by one, which
 * for the batch statements' arrays of a thousand ids and JSON texts made a fifth of a worker's
 * allocations. Strings are double-quoted with `"` and `\` escaped, numbers and booleans written as
 * they are, null and undefined become NULL; the literal casts to text[], int[], bigint[], json[] alike.
 */
export function pgArray(values: readonly Element[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (typeof v !== 'string') parts[i] = String(v);
    else parts[i] = v.includes('"') || v.includes('\\') ? `"${v.replace(/[\\"]/g, '\\$&')}"` : `"${v}"`;
  }
  return `{${parts.join(',')}}`;
}

const isElement = (v: unknown): v is Element => v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** A statement's parameters with every flat array of strings, numbers, booleans and nulls as an array literal; other values as given. */
export function pgParams(values: readonly unknown[] | undefined): unknown[] | undefined {
  return values?.map((v) => (Array.isArray(v) && v.every(isElement) ? pgArray(v) : v));
}
