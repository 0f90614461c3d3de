import { ProvisioError } from '../../domain/errors/error-catalogue.js';
import { FILTER_OPS, type Filter, type FilterOp, type ListQuery } from '../../ports/order-query.js';

/** Query parameters that are never filters. */
const RESERVED = new Set(['fields', 'offset', 'limit', 'sort']);
/** Default and maximum page size. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** How a resource's wire attributes map to stored paths: first-level wire name -> internal path. */
export interface AttributeMap {
  /** Internal path of each filterable first-level wire attribute. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Attributes with members, the only ones a dotted filter may go into. */
  readonly structured: ReadonlySet<string>;
  /** Attributes that hold date-times (compared as instants, values normalised). */
  readonly dates: ReadonlySet<string>;
}

/** A parsed list request: the store query plus the requested fields. */
export interface ParsedListRequest {
  readonly query: ListQuery;
  readonly fields: readonly string[] | undefined;
}

type RawQuery = Record<string, string | string[] | undefined>;

function single(raw: RawQuery, name: string): string | undefined {
  const v = raw[name];
  if (Array.isArray(v)) throw new ProvisioError('INVALID_QUERY', `${name} may be given once`, name);
  return v;
}

function intParam(raw: RawQuery, name: string, fallback: number, min: number, max: number): number {
  const text = single(raw, name);
  if (text === undefined || text === '') return fallback;
  if (!/^\d{1,9}$/.test(text)) {
    throw new ProvisioError('INVALID_QUERY', `${name} must be a whole number between ${min} and ${max}, got "${text.slice(0, 40)}"`, name);
  }
  const n = Number(text);
  if (n < min || n > max) throw new ProvisioError('INVALID_QUERY', `${name} must be between ${min} and ${max}, got ${n}`, name);
  return n;
}

/** A date filter value as a UTC `...Z` instant; a space before the offset is read as `+` (unencoded query strings). */
function normaliseDate(name: string, value: string): string {
  const repaired = value.replace(/ (\d{2}:?\d{2})$/, '+$1');
  const ms = Date.parse(repaired);
  if (!/^\d{4}-\d{2}-\d{2}/.test(repaired) || Number.isNaN(ms)) {
    throw new ProvisioError('INVALID_QUERY', `${name} must be an ISO 8601 date-time, got "${value.slice(0, 60)}"`, name);
  }
  return new Date(ms).toISOString();
}

function parseFilter(key: string, rawValue: string | string[], map: AttributeMap): Filter {
  let op: FilterOp = 'eq';
  let name = key;
  const dot = key.lastIndexOf('.');
  const suffix = dot > 0 ? key.slice(dot + 1) : '';
  if ((FILTER_OPS as readonly string[]).includes(suffix)) {
    op = suffix as FilterOp;
    name = key.slice(0, dot);
  }
  const direct = map.attributes[name];
  const [first, ...rest] = direct !== undefined ? [name] : name.split('.');
  const base = direct ?? (first === undefined ? undefined : map.attributes[first]);
  if (base === undefined) {
    throw new ProvisioError('UNKNOWN_FILTER', `${key} is not a filterable attribute. Filter on attributes of the resource.`, key);
  }
  if (rest.length > 0 && !map.structured.has(first ?? '')) {
    const hint = /^(eq|ne|regex|like|in|nin|gt|gte|lt|lte)$/i.test(rest.at(-1) ?? '') ? 'unsupported operator' : 'it has no members';
    throw new ProvisioError('UNKNOWN_FILTER', `${key}: ${first} cannot be filtered that way (${hint}). Supported: exact match and .gt/.gte/.lt/.lte.`, key);
  }
  const path = [base, ...rest].join('.');
  const values = (Array.isArray(rawValue) ? rawValue : [rawValue]).flatMap((v) => v.split(','));
  if (values.length > 100 || values.some((v) => v.length > 500)) {
    throw new ProvisioError('INVALID_QUERY', `${key}: too many or too long values`, key);
  }
  const isDate = rest.length === 0 && map.dates.has(first ?? '');
  return { path, op, values: isDate ? values.map((v) => normaliseDate(key, v)) : values };
}

/** Parses TMF630 fields, offset/limit and filters (exact match, comma = OR, .gt/.gte/.lt/.lte). */
export function parseListRequest(raw: RawQuery, map: AttributeMap): ParsedListRequest {
  const fieldsText = single(raw, 'fields');
  const fields = fieldsText === undefined ? undefined : fieldsText.split(',').map((f) => f.trim()).filter(Boolean);
  const offset = intParam(raw, 'offset', 0, 0, 100_000_000);
  const limit = intParam(raw, 'limit', DEFAULT_LIMIT, 1, MAX_LIMIT);
  const filters: Filter[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (RESERVED.has(key) || value === undefined) continue;
    filters.push(parseFilter(key, value, map));
  }
  if (filters.length > 20) throw new ProvisioError('INVALID_QUERY', 'at most 20 filters per request');
  return { query: { filters, offset, limit }, fields };
}

/** Parses only `fields` (for get-by-id). */
export function parseFields(raw: RawQuery): readonly string[] | undefined {
  const text = single(raw, 'fields');
  return text === undefined ? undefined : text.split(',').map((f) => f.trim()).filter(Boolean);
}
