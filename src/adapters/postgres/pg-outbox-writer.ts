import { matchesListenerQuery, parseListenerQuery, type ListenerQuery } from '../../domain/events/listener-query.js';
import type { ChangeSet } from '../../ports/change-set.js';
import { tagRows, type PgChangeWriter } from './pg-change-writer.js';

/** A listener query that never matches: a stored query that no longer parses delivers nothing. */
const MATCH_NOTHING: ListenerQuery = { clauses: [{ kind: 'envelope', field: 'eventId', values: [] }] };

// Events in batch order, then one pending delivery per (event, matching listener) in the same order,
// so delivery ids follow commit order.
const INSERT_EVENTS = `WITH ev AS (
    INSERT INTO outbox_event (id, type, order_id, occurred_at, doc)
    SELECT u.id, u.type, u.order_id, u.occurred_at, d.doc
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS u(id, type, order_id, occurred_at, n)
    JOIN json_array_elements($5::json) WITH ORDINALITY AS d(doc, n) USING (n)
    ORDER BY u.n
    RETURNING seq, id, order_id)
  INSERT INTO delivery (event_seq, listener_id, order_id, status, next_attempt_at)
  SELECT ev.seq, x.listener_id, ev.order_id, 'pending', 0
  FROM unnest($6::text[], $7::text[]) WITH ORDINALITY AS x(event_id, listener_id, n) JOIN ev ON ev.id = x.event_id
  ORDER BY x.n`;

/**
 * Writes outbox events and fans each out to the listeners registered at commit time whose query
 * matches; an event no listener wants is not stored (a later listener never receives it). The listeners are read FOR KEY SHARE: a listener being removed waits for the commit and
 * then deletes the deliveries it produced.
 */
export function pgOutboxWriter(): PgChangeWriter<ChangeSet> {
  const parsed = new Map<string, ListenerQuery>();
  const queryOf = (text: string | null): ListenerQuery => {
    const key = text ?? '';
    let q = parsed.get(key);
    if (q === undefined) {
      const result = parseListenerQuery(key);
      q = result.ok ? result.query : MATCH_NOTHING;
      parsed.set(key, q);
    }
    return q;
  };
  return {
    keys: (changes) => (changes.events ?? []).map((e) => `events:${e.orderId}`),
    async write(tx, batch) {
      const events = tagRows(batch, (c) => c.events).map((t) => t.row);
      if (events.length === 0) return new Map();
      const listeners = await tx.query<{ id: string; query: string | null }>('SELECT id, query FROM hub_listener FOR KEY SHARE');
      const targets = listeners.rows.map((l) => ({ id: l.id, query: queryOf(l.query) }));
      const eventIds: string[] = [];
      const listenerIds: string[] = [];
      for (const event of events) {
        for (const l of targets) {
          if (!matchesListenerQuery(l.query, event)) continue;
          eventIds.push(event.id);
          listenerIds.push(l.id);
        }
      }
      // An event no listener wants is not stored: it would be written and never read.
      if (eventIds.length === 0) return new Map();
      const wanted = new Set(eventIds);
      const stored = events.filter((e) => wanted.has(e.id));
      await tx.query(INSERT_EVENTS, [
        stored.map((e) => e.id),
        stored.map((e) => e.type),
        stored.map((e) => e.orderId),
        stored.map((e) => e.occurredAt),
        JSON.stringify(stored),
        eventIds,
        listenerIds,
      ]);
      tx.wake('deliveries');
      return new Map();
    },
  };
}
