import type { Database } from 'better-sqlite3';
import type { OrderEvent } from '../../domain/events/order-event.js';
import type { Delivery, DeliveryQueue } from '../../ports/delivery-queue.js';
import { listenerFromRow } from './sqlite-hub-store.js';

interface DueRow {
  id: number;
  attempts: number;
  event_doc: string;
  listener_id: string;
  callback: string;
  query: string | null;
  created_at: string;
}

// A delivery is due when it is pending, its time has come, nobody holds a live lease on it, and no
// earlier delivery of the same order to the same listener is still pending (per-order FIFO).
const CLAIM_SQL = `
  SELECT d.id, d.attempts, e.doc AS event_doc, l.id AS listener_id, l.callback, l.query, l.created_at
  FROM delivery d
  JOIN outbox_event e ON e.seq = d.event_seq
  JOIN hub_listener l ON l.id = d.listener_id
  WHERE d.status = 'pending' AND d.next_attempt_at <= @now
    AND (d.lease_until IS NULL OR d.lease_until <= @now)
    AND NOT EXISTS (SELECT 1 FROM delivery p INDEXED BY delivery_chain
      WHERE p.status = 'pending' AND p.listener_id = d.listener_id AND p.order_id = d.order_id AND p.id < d.id)
  ORDER BY d.next_attempt_at, d.id
  LIMIT @limit`;

/**
 * DeliveryQueue on SQLite. Claims lease rows inside one IMMEDIATE transaction, so two dispatchers
 * (even in two processes) never hold the same delivery. For one listener, deliveries about the
 * same order are handed out one at a time in commit order.
 */
export class SqliteDeliveryQueue implements DeliveryQueue {
  private readonly claim;
  private readonly delivered;
  private readonly failed;
  private readonly counts;

  constructor(db: Database) {
    this.delivered = db.prepare(`UPDATE delivery
      SET status = 'delivered', delivered_at = ?, lease_until = NULL, attempts = attempts + 1
      WHERE id = ? AND status = 'pending'`);
    this.failed = db.prepare(`UPDATE delivery SET attempts = attempts + 1, last_error = ?, lease_until = NULL,
      status = CASE WHEN ? IS NULL THEN 'dead' ELSE status END, next_attempt_at = coalesce(?, next_attempt_at)
      WHERE id = ? AND status = 'pending'`);
    this.counts = db.prepare('SELECT status, count(*) AS n FROM delivery GROUP BY status');
    const due = db.prepare(CLAIM_SQL);
    const lease = db.prepare('UPDATE delivery SET lease_until = ? WHERE id = ?');
    this.claim = db.transaction((now: number, limit: number, leaseMs: number): Delivery[] => {
      const rows = due.all({ now, limit: Math.max(0, Math.trunc(limit)) }) as DueRow[];
      for (const r of rows) lease.run(now + leaseMs, r.id);
      return rows.map((r) => ({
        id: String(r.id),
        attempts: r.attempts,
        event: JSON.parse(r.event_doc) as OrderEvent,
        listener: listenerFromRow({ id: r.listener_id, callback: r.callback, query: r.query, created_at: r.created_at }),
      }));
    });
  }

  /** Leases up to `limit` due deliveries until `now + leaseMs`. */
  async claimDue(now: number, limit: number, leaseMs: number): Promise<readonly Delivery[]> {
    return this.claim.immediate(now, limit, leaseMs);
  }

  /** Marks a delivery done; it is never sent again. */
  async markDelivered(id: string, now: number): Promise<void> {
    this.delivered.run(now, Number(id));
  }

  /** Schedules another attempt at `nextAttemptAt`, or gives up (dead) when it is null. */
  async markFailed(id: string, error: string, nextAttemptAt: number | null): Promise<void> {
    this.failed.run(error, nextAttemptAt, nextAttemptAt, Number(id));
  }

  /** Counts of deliveries by status. */
  async stats(): Promise<{ readonly pending: number; readonly delivered: number; readonly dead: number }> {
    const rows = this.counts.all() as {
      status: 'pending' | 'delivered' | 'dead';
      n: number;
    }[];
    const out = { pending: 0, delivered: 0, dead: 0 };
    for (const r of rows) out[r.status] = r.n;
    return out;
  }
}
