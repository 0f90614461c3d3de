import type { FilterOp } from '../../ports/order-query.js';

// ISO 8601 date or date-time, optionally with fraction and offset (no offset = UTC).
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * An ISO date or date-time as the UTC millisecond form `YYYY-MM-DDTHH:mm:ss.sssZ`, which sorts as
 * the instant; undefined when the text is not an ISO date. A date without offset is read as UTC.
 */
export function normaliseInstant(text: string): string | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [, day, time, zone] = m;
  const zoned = `${day}T${time ?? '00:00'}${zone === undefined ? 'Z' : zone.toUpperCase()}`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The text to compare a stored scalar by, or undefined for objects, arrays and null. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** -1, 0 or 1: instants when both are dates, numbers when both are numeric, else text. */
function compare(stored: string, wanted: string): number {
  const a = normaliseInstant(stored);
  const b = normaliseInstant(wanted);
  if (a !== undefined && b !== undefined) return a < b ? -1 : a > b ? 1 : 0;
  if (NUMBER.test(stored) && NUMBER.test(wanted)) return Math.sign(Number(stored) - Number(wanted));
  return stored < wanted ? -1 : stored > wanted ? 1 : 0;
}

/** True when both are the same instant, or the stored number equals the numeric text. */
function equalAsInstantOrNumber(stored: unknown, text: string, wanted: string): boolean {
  const a = normaliseInstant(text);
  if (a !== undefined) return a === normaliseInstant(wanted);
  return typeof stored === 'number' && NUMBER.test(wanted) && stored === Number(wanted);
}

/**
 * True when one stored scalar satisfies the filter: `eq` matches any of `values` (same text,
 * same instant or same number); comparisons use the first value.
 */
export function scalarMatches(stored: unknown, op: FilterOp, values: readonly string[]): boolean {
  const text = scalarText(stored);
  if (text === undefined) return false;
  if (op === 'eq') return values.some((v) => v === text || equalAsInstantOrNumber(stored, text, v));
  const wanted = values[0];
  if (wanted === undefined) return false;
  const c = compare(text, wanted);
  switch (op) {
    case 'gt':
      return c > 0;
    case 'gte':
      return c >= 0;
    case 'lt':
      return c < 0;
    case 'lte':
      return c <= 0;
  }
}

/** The leaf values reached by a dotted path; arrays met on the way are walked element by element. */
export function valuesAtPath(root: unknown, segments: readonly string[]): unknown[] {
  let current: unknown[] = [root];
  for (const key of segments) {
    const next: unknown[] = [];
    for (const node of current.flatMap((n) => (Array.isArray(n) ? (n as unknown[]) : [n]))) {
      if (node !== null && typeof node === 'object' && Object.hasOwn(node, key)) {
        next.push((node as Record<string, unknown>)[key]);
      }
    }
    current = next;
  }
  return current.flatMap((n) => (Array.isArray(n) ? (n as unknown[]) : [n]));
}

/** True when any value at `path` (dotted) in the document satisfies the filter. */
export function documentMatches(doc: unknown, path: string, op: FilterOp, values: readonly string[]): boolean {
  return valuesAtPath(doc, path.split('.')).some((v) => scalarMatches(v, op, values));
}
