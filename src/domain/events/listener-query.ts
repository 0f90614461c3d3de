import type { OrderEvent } from './order-event.js';

/** Envelope fields of a TMF630 notification a hub query may name directly. */
export const ENVELOPE_FIELDS = ['eventType', 'eventId', 'eventTime'] as const;
/** A directly named envelope field. */
export type EnvelopeField = (typeof ENVELOPE_FIELDS)[number];

/** Resources an event payload carries, as named under `event.` in a hub query. */
export const EVENT_RESOURCES = ['productOrder', 'cancelProductOrder'] as const;
/** The resource an `event.<resource>.<path>` clause looks into. */
export type EventResource = (typeof EVENT_RESOURCES)[number];

/** One `name=value1,value2` condition: true when the named value equals any listed value. */
export type ListenerClause =
  | { readonly kind: 'envelope'; readonly field: EnvelopeField; readonly values: readonly string[] }
  | {
      readonly kind: 'resource';
      readonly resource: EventResource;
      /** Path inside the stored resource (internal model names), e.g. ['items', 'state']. */
      readonly path: readonly string[];
      readonly values: readonly string[];
    };

/** A parsed hub query: all clauses must hold (an empty query matches every event). */
export interface ListenerQuery {
  readonly clauses: readonly ListenerClause[];
}

/** The outcome of parsing a hub query: the query, or why it cannot be used. */
export type ListenerQueryParse =
  | { readonly ok: true; readonly query: ListenerQuery }
  | { readonly ok: false; readonly error: string };

// TMF wire names that differ from the stored model's names.
const WIRE_ALIASES: Readonly<Record<string, string>> = {
  productOrderItem: 'items',
  orderDate: 'createdAt',
  creationDate: 'createdAt',
  note: 'notes',
};
const NAME = /^[A-Za-z@_][\w@-]*$/;

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function parseClause(name: string, values: readonly string[]): ListenerClause | string {
  if ((ENVELOPE_FIELDS as readonly string[]).includes(name)) {
    return { kind: 'envelope', field: name as EnvelopeField, values };
  }
  const [head, resource, ...rest] = name.split('.');
  if (head !== 'event' || resource === undefined || !(EVENT_RESOURCES as readonly string[]).includes(resource)) {
    return `unsupported attribute "${name}": use eventType, eventId, eventTime or event.productOrder.<attribute>`;
  }
  if (rest.length === 0 || !rest.every((s) => NAME.test(s))) return `invalid attribute path "${name}"`;
  const path = rest.map((s) => WIRE_ALIASES[s] ?? s);
  if (resource === 'cancelProductOrder' && rest[0] === 'productOrder' && rest[1] === 'id') path.splice(0, 2, 'orderId');
  return { kind: 'resource', resource: resource as EventResource, path, values };
}

/**
 * Parses a TMF630 hub query such as `eventType=A,B&event.productOrder.state=completed`.
 * Clauses are ANDed, comma-separated values ORed. Anything else (operators, empty values,
 * unknown attributes) is refused with a message fit for a 400 response.
 */
export function parseListenerQuery(text: string | undefined): ListenerQueryParse {
  const trimmed = (text ?? '').trim().replace(/^\?/, '');
  if (trimmed === '') return { ok: true, query: { clauses: [] } };
  const clauses: ListenerClause[] = [];
  for (const part of trimmed.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { ok: false, error: `query clause "${part}" is not of the form attribute=value` };
    const name = decode(part.slice(0, eq).trim());
    const values = part.slice(eq + 1).split(',').map((v) => decode(v.trim()));
    if (name === undefined || values.some((v) => v === undefined || v === '')) {
      return { ok: false, error: `query clause "${part}" has an empty or badly encoded value` };
    }
    if (/[<>!]$/.test(name)) return { ok: false, error: `query clause "${part}" uses an unsupported operator` };
    const clause = parseClause(name, values as string[]);
    if (typeof clause === 'string') return { ok: false, error: clause };
    clauses.push(clause);
  }
  return { ok: true, query: { clauses } };
}

function envelopeValue(event: OrderEvent, field: EnvelopeField): string {
  switch (field) {
    case 'eventType':
      return event.type;
    case 'eventId':
      return event.id;
    case 'eventTime':
      return event.occurredAt;
  }
}

// Leaf values at a path; arrays on the way match when any element matches.
function leaves(root: unknown, path: readonly string[]): unknown[] {
  let nodes: unknown[] = [root];
  for (const key of path) {
    nodes = nodes
      .flatMap((n) => (Array.isArray(n) ? (n as unknown[]) : [n]))
      .filter((n): n is Record<string, unknown> => n !== null && typeof n === 'object' && Object.hasOwn(n, key))
      .map((n) => n[key]);
  }
  return nodes.flatMap((n) => (Array.isArray(n) ? (n as unknown[]) : [n]));
}

function clauseHolds(clause: ListenerClause, event: OrderEvent): boolean {
  if (clause.kind === 'envelope') return clause.values.includes(envelopeValue(event, clause.field));
  const subject = event.subject;
  const resource = subject.kind === 'productOrder' ? subject.order : subject.request;
  if (subject.kind !== clause.resource) return false;
  return leaves(resource, clause.path).some(
    (v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && clause.values.includes(String(v)),
  );
}

/** True when the event satisfies every clause of the query. */
export function matchesListenerQuery(query: ListenerQuery, event: OrderEvent): boolean {
  return query.clauses.every((c) => clauseHolds(c, event));
}
