import type { Database } from 'better-sqlite3';
import type { ChangeSet } from '../../ports/change-set.js';
import { matchesListenerQuery, parseListenerQuery, type ListenerQuery } from '../../domain/events/listener-query.js';
import type { ChangeWriter } from './sqlite-group-commit.js';

/** A listener query that never matches: a stored query that no longer parses delivers nothing. */
const MATCH_NOTHING: ListenerQuery = { clauses: [{ kind: 'envelope', field: 'eventId', values: [] }] };

/**
 * Writes outbox events and fans each out to the listeners registered at commit time whose query
 * matches: one pending delivery per (event, listener), due immediately. An event no listener wants is
 * not stored: a listener registered later never receives earlier events, so such a row would only be
 * written and never read (with no listeners this halves the bytes an order capture writes).
 * `onQueued` is told when deliveries were written (inside the transaction: it should only schedule work).
 */
export function sqliteOutboxWriter(db: Database, onQueued: () => void = () => {}): ChangeWriter<ChangeSet> {
  const insertEvent = db.prepare(`INSERT INTO outbox_event (id, type, order_id, occurred_at, doc)
    VALUES (?, ?, ?, ?, ?)`);
  const listeners = db.prepare('SELECT id, query FROM hub_listener');
  const insertDelivery = db.prepare(`INSERT INTO delivery (event_seq, listener_id, order_id, status, next_attempt_at)
    VALUES (?, ?, ?, 'pending', 0)`);
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

  // Listeners are read once per synchronous stretch of writes (one group-commit transaction holds
  // the write lock throughout, so the list cannot change under it).
  let targets: { id: string; query: ListenerQuery }[] | undefined;
  const currentTargets = (): { id: string; query: ListenerQuery }[] => {
    if (targets === undefined) {
      targets = (listeners.all() as { id: string; query: string | null }[]).map((l) => ({ id: l.id, query: queryOf(l.query) }));
      queueMicrotask(() => (targets = undefined));
    }
    return targets;
  };

  return {
    write(changes) {
      const events = changes.events ?? [];
      if (events.length === 0) return;
      const listening = currentTargets();
      if (listening.length === 0) return;
      for (const event of events) {
        const wanting = listening.filter((l) => matchesListenerQuery(l.query, event));
        if (wanting.length === 0) continue;
        const seq = insertEvent.run(event.id, event.type, event.orderId, event.occurredAt, JSON.stringify(event))
          .lastInsertRowid;
        for (const l of wanting) insertDelivery.run(seq, l.id, event.orderId);
        onQueued();
      }
    },
  };
}
