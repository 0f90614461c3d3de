import type { Filter } from '../../ports/order-query.js';
import type { AttributeMap } from '../http/list-query.js';

type Json = Record<string, unknown>;

/** The filterable attributes of a catalog resource: every first-level member, wire name = path. */
export function catalogAttributeMap(scalars: readonly string[], structured: readonly string[]): AttributeMap {
  return {
    attributes: Object.fromEntries([...scalars, ...structured].map((n) => [n, n])),
    structured: new Set(structured),
    dates: new Set(),
  };
}

/** The values found at a dotted path; arrays are walked, so `category.id` gives every category id. */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  const [head, ...rest] = path;
  if (head === undefined) return [value];
  if (value === null || typeof value !== 'object') return [];
  return valuesAt((value as Json)[head], rest);
}

function compare(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  const da = Date.parse(a);
  const db = Date.parse(b);
  if (/^\d{4}-\d{2}-\d{2}/.test(a) && !Number.isNaN(da) && !Number.isNaN(db)) return da - db;
  return a < b ? -1 : a > b ? 1 : 0;
}

function matches(json: Json, f: Filter): boolean {
  const found = valuesAt(json, f.path.split('.')).filter((v) => v !== null && typeof v !== 'object').map(String);
  const [first] = f.values;
  switch (f.op) {
    case 'eq':
      return found.some((v) => f.values.includes(v));
    case 'gt':
      return first !== undefined && found.some((v) => compare(v, first) > 0);
    case 'gte':
      return first !== undefined && found.some((v) => compare(v, first) >= 0);
    case 'lt':
      return first !== undefined && found.some((v) => compare(v, first) < 0);
    case 'lte':
      return first !== undefined && found.some((v) => compare(v, first) <= 0);
  }
}

/** Filters (all ANDed) then pages a list of wire resources; returns the page and the count before paging. */
export function filterAndPage(all: readonly Json[], q: { filters: readonly Filter[]; offset: number; limit: number }): { total: number; items: Json[] } {
  const kept = all.filter((json) => q.filters.every((f) => matches(json, f)));
  return { total: kept.length, items: kept.slice(q.offset, q.offset + q.limit) };
}
