import type { Filter, FilterOp } from '../../ports/order-query.js';
import { normaliseInstant } from '../sqlite/filter-value.js';

/** A filter path served by an indexed column: plain text, or an instant stored in UTC ms form. */
export interface PgIndexedColumn {
  readonly column: string;
  readonly kind: 'text' | 'instant';
}

/** How one table answers filters: indexed columns, optional special cases, the JSON document for the rest. */
export interface PgFilterTable {
  /** Qualified document column (type json), e.g. `o.doc`. */
  readonly docColumn: string;
  readonly columns: Readonly<Record<string, PgIndexedColumn>>;
  /** SQL for a filter served by a side table, or undefined to fall through. */
  readonly special?: (filter: Filter, param: (value: unknown) => string) => string | undefined;
}

/** A WHERE clause (without the keyword, `true` when empty) and its positional parameters. */
export interface PgWhereClause {
  readonly sql: string;
  readonly params: readonly unknown[];
}

const NUMERIC = /^\s*[+-]?(?:\d|\.\d)/;
const LITERALS = new Set(['true', 'false']);
const COMPARATORS: Record<Exclude<FilterOp, 'eq'>, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** The jsonpath reaching every leaf at a dotted path, walking arrays on the way and at the end. */
export function leafPath(path: string): string {
  const keys = path.split('.').map((k) => `"${k.replace(/[\\"]/g, (c) => `\\${c}`)}"`);
  return `lax $.${keys.join('.')}[*]`;
}

function columnSql(col: PgIndexedColumn, filter: Filter, param: (value: unknown) => string): string {
  const norm = (v: string): string => (col.kind === 'instant' ? (normaliseInstant(v) ?? v) : v);
  if (filter.op === 'eq') return `${col.column} = ANY(${param(filter.values.map(norm))}::text[])`;
  const first = filter.values[0];
  if (first === undefined) return 'false';
  return `${col.column} ${COMPARATORS[filter.op]} ${param(norm(first))}::text`;
}

// Documents are written by JSON.stringify and stored as json (text kept), so a document holding the
// string v contains the text JSON.stringify(v): a cheap substring test skips most rows before the
// jsonb conversion. Not valid for values that may equal a number or an instant written differently.
function textPrefilter(table: PgFilterTable, filter: Filter, param: (value: unknown) => string): string {
  const plain = (v: string): boolean => !NUMERIC.test(v) && !LITERALS.has(v) && normaliseInstant(v) === undefined;
  if (filter.op !== 'eq' || !filter.values.every(plain)) return '';
  const tests = filter.values.map((v) => `strpos(${table.docColumn}::text, ${param(JSON.stringify(v))}) > 0`);
  return `(${tests.join(' OR ')}) AND `;
}

function filterSql(table: PgFilterTable, filter: Filter, param: (value: unknown) => string): string {
  if (filter.values.length === 0) return 'false';
  const col = Object.hasOwn(table.columns, filter.path) ? table.columns[filter.path] : undefined;
  // Text columns answer equality; ordering comparisons keep the document's number/date semantics.
  if (col && (col.kind === 'instant' || filter.op === 'eq')) return columnSql(col, filter, param);
  const special = table.special?.(filter, param);
  if (special !== undefined) return special;
  const prefilter = textPrefilter(table, filter, param);
  return `(${prefilter}EXISTS (SELECT 1 FROM jsonb_path_query(${table.docColumn}::jsonb, ${param(leafPath(filter.path))}::jsonpath) AS v
    WHERE provisio_scalar_matches(v, ${param(filter.op)}::text, ${param(filter.values)}::text[])))`;
}

/** The WHERE clause ANDing all filters of a list query; parameters are numbered from `firstParam`. */
export function pgWhereClause(table: PgFilterTable, filters: readonly Filter[], firstParam = 1): PgWhereClause {
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  const parts = filters.map((f) => filterSql(table, f, param));
  return { sql: parts.length === 0 ? 'true' : parts.join(' AND '), params };
}
