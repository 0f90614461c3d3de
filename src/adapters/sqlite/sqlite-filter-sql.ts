import type { Database } from 'better-sqlite3';
import { FILTER_OPS, type Filter, type FilterOp } from '../../ports/order-query.js';
import { documentMatches, normaliseInstant } from './filter-value.js';

/** SQL function evaluating a filter on a stored JSON document (the fallback for unindexed paths). */
export const DOCUMENT_MATCH_FUNCTION = 'provisio_document_matches';

/** A filter path served by an indexed column: plain text, or an instant stored in UTC ms form. */
export interface IndexedColumn {
  readonly column: string;
  readonly kind: 'text' | 'instant';
}

/** How one table answers filters: indexed columns, optional special cases, JSON for the rest. */
export interface FilterTable {
  /** Qualified document column, e.g. `o.doc`. */
  readonly docColumn: string;
  readonly columns: Readonly<Record<string, IndexedColumn>>;
  /** SQL for a filter served by a side table, or undefined to fall through. */
  readonly special?: (filter: Filter, params: unknown[]) => string | undefined;
}

/** A WHERE clause (without the keyword, `1` when empty) and its positional parameters. */
export interface WhereClause {
  readonly sql: string;
  readonly params: readonly unknown[];
}

const NUMERIC = /^\s*[+-]?(?:\d|\.\d)/;
const LITERALS = new Set(['true', 'false']);
const COMPARATORS: Record<Exclude<FilterOp, 'eq'>, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** Registers the JSON fallback function on a connection. */
export function registerDocumentMatch(db: Database): void {
  db.function(DOCUMENT_MATCH_FUNCTION, { deterministic: true }, (doc, path, op, values) => {
    if (typeof doc !== 'string' || typeof path !== 'string' || typeof values !== 'string') return 0;
    if (!(FILTER_OPS as readonly unknown[]).includes(op)) return 0;
    return documentMatches(JSON.parse(doc), path, op as FilterOp, JSON.parse(values) as string[]) ? 1 : 0;
  });
}

/** SQL `IN (?, ?)` placeholders for the given values, pushed onto params. */
export function inList(values: readonly unknown[], params: unknown[]): string {
  params.push(...values);
  return `(${values.map(() => '?').join(', ')})`;
}

function columnSql(col: IndexedColumn, filter: Filter, params: unknown[]): string {
  const norm = (v: string): string => (col.kind === 'instant' ? (normaliseInstant(v) ?? v) : v);
  if (filter.op === 'eq') return `${col.column} IN ${inList(filter.values.map(norm), params)}`;
  const first = filter.values[0];
  if (first === undefined) return '0';
  params.push(norm(first));
  return `${col.column} ${COMPARATORS[filter.op]} ?`;
}

function filterSql(table: FilterTable, filter: Filter, params: unknown[]): string {
  if (filter.values.length === 0) return '0';
  const col = Object.hasOwn(table.columns, filter.path) ? table.columns[filter.path] : undefined;
  // Text columns answer equality; ordering comparisons keep the document's number/date semantics.
  if (col && (col.kind === 'instant' || filter.op === 'eq')) return columnSql(col, filter, params);
  const special = table.special?.(filter, params);
  if (special !== undefined) return special;
  const prefilter = textPrefilter(table, filter, params);
  params.push(filter.path, filter.op, JSON.stringify(filter.values));
  return `${prefilter}${DOCUMENT_MATCH_FUNCTION}(${table.docColumn}, ?, ?, ?)`;
}

// Documents are written by JSON.stringify, so a document holding the string v contains the text
// JSON.stringify(v): a cheap substring test skips most rows before parsing. Not valid for values
// that may equal a number or an instant written differently, so those skip the shortcut.
function textPrefilter(table: FilterTable, filter: Filter, params: unknown[]): string {
  const plain = (v: string): boolean => !NUMERIC.test(v) && !LITERALS.has(v) && normaliseInstant(v) === undefined;
  if (filter.op !== 'eq' || !filter.values.every(plain)) return '';
  const tests = filter.values.map((v) => {
    params.push(JSON.stringify(v));
    return `instr(${table.docColumn}, ?) > 0`;
  });
  return `(${tests.join(' OR ')}) AND `;
}

/** The WHERE clause ANDing all filters of a list query. */
export function whereClause(table: FilterTable, filters: readonly Filter[]): WhereClause {
  const params: unknown[] = [];
  const parts = filters.map((f) => filterSql(table, f, params));
  return { sql: parts.length === 0 ? '1' : parts.join(' AND '), params };
}
