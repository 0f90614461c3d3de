import type { Pool } from 'pg';
import type { OrderEvent } from '../../domain/events/order-event.js';
import type { Delivery, DeliveryQueue } from '../../ports/delivery-queue.js';
import { listenerFromRow, type ListenerRow } from './pg-hub-store.js';

// A delivery is due when it is pending, its time has come, nobody holds a live lease on it, and no
// earlier delivery of the same order to the same listener is still pending (per-order FIFO). Rows
// another claimer is leasing right now are skipped; a row leased and committed meanwhile is
// re-checked against the lease after locking, so each lease goes to one claimer.
const CLAIM_SQL = `
  WITH due AS (
    SELECT d.id FROM delivery d
    WHERE d.status = 'pending' AND d.next_attempt_at <= $1
      AND (d.lease_until IS NULL OR d.lease_until <= $1)
      AND NOT EXISTS (SELECT 1 FROM delivery p
        WHERE p.status = 'pending' AND p.listener_id = d.listener_id AND p.order_id = d.order_id AND p.id < d.id)
    ORDER BY d.next_attempt_at, d.id
    LIMIT $2
    FOR UPDATE SKIP LOCKED),
  leased AS (
    UPDATE delivery d SET lease_until = $3 FROM due WHERE d.id = due.id
    RETURNING d.id, d.attempts, d.event_seq, d.listener_id, d.next_attempt_at)
  SELECT leased.id::text AS id, leased.attempts, e.doc AS event_doc,
    l.id AS listener_id, l.callback, l.query, l.created_at
  FROM leased
  JOIN outbox_event e ON e.seq = leased.event_seq
  JOIN hub_listener l ON l.id = leased.listener_id
  ORDER BY leased.next_attempt_at, leased.id`;

interface DueRow {
  id: string;
  attempts: number;
  event_doc: OrderEvent;
  listener_id: string;
  callback: string;
  query: string | null;
  created_at: string;
}

/**
 * DeliveryQueue on PostgreSQL. Claims lease rows with FOR UPDATE SKIP LOCKED, so dispatchers in
 * several processes never hold the same delivery. For one listener, deliveries about the same
 * order are handed out one at a time in commit order.
 */
export class PgDeliveryQueue implements DeliveryQueue {
  constructor(private readonly pool: Pool) {}

  /** Leases up to `limit` due deliveries until `now + leaseMs`. */
  async claimDue(now: number, limit: number, leaseMs: number): Promise<readonly Delivery[]> {
    const r = await this.pool.query<DueRow>(CLAIM_SQL, [now, Math.max(0, Math.trunc(limit)), now + leaseMs]);
    return r.rows.map((row) => ({
      id: row.id,
      attempts: row.attempts,
      event: row.event_doc,
      listener: listenerFromRow({ id: row.listener_id, callback: row.callback, query: row.query, created_at: row.created_at } satisfies ListenerRow),
    }));
  }

  /** Marks a delivery done; it is never sent again. */
  async markDelivered(id: string, now: number): Promise<void> {
    await this.pool.query(
      `UPDATE delivery SET status = 'delivered', delivered_at = $1, lease_until = NULL, attempts = attempts + 1
       WHERE id = $2 AND status = 'pending'`,
      [now, id],
    );
  }

  /** Schedules another attempt at `nextAttemptAt`, or gives up (dead) when it is null. */
  async markFailed(id: string, error: string, nextAttemptAt: number | null): Promise<void> {
    await this.pool.query(
      `UPDATE delivery SET attempts = attempts + 1, last_error = $1, lease_until = NULL,
         status = CASE WHEN $2::bigint IS NULL THEN 'dead' ELSE status END, next_attempt_at = coalesce($2::bigint, next_attempt_at)
       WHERE id = $3 AND status = 'pending'`,
      [error, nextAttemptAt, id],
    );
  }

  /** Counts of deliveries by status. */
  async stats(): Promise<{ readonly pending: number; readonly delivered: number; readonly dead: number }> {
    const r = await this.pool.query<{ status: 'pending' | 'delivered' | 'dead'; n: number }>(
      'SELECT status, count(*)::int AS n FROM delivery GROUP BY status',
    );
    const out = { pending: 0, delivered: 0, dead: 0 };
    for (const row of r.rows) out[row.status] = row.n;
    return out;
  }
}
