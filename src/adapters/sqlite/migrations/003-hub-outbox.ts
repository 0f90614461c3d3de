import type { Migration } from './migration.js';

/**
 * Hub listeners and the transactional outbox: committed events and one delivery row per
 * (event, matching listener). `seq` orders events; the partial indexes serve claimDue.
 */
export const hubOutboxMigration: Migration = {
  version: 3,
  name: 'hub-outbox',
  sql: `
    CREATE TABLE hub_listener (
      id         TEXT PRIMARY KEY,
      callback   TEXT NOT NULL,
      query      TEXT,
      created_at TEXT NOT NULL
    );

    CREATE TABLE outbox_event (
      seq         INTEGER PRIMARY KEY AUTOINCREMENT,
      id          TEXT NOT NULL UNIQUE,
      type        TEXT NOT NULL,
      order_id    TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      doc         TEXT NOT NULL
    );

    CREATE TABLE delivery (
      id              INTEGER PRIMARY KEY AUTOINCREMENT,
      event_seq       INTEGER NOT NULL REFERENCES outbox_event (seq),
      listener_id     TEXT NOT NULL REFERENCES hub_listener (id) ON DELETE CASCADE,
      order_id        TEXT NOT NULL,
      status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
      attempts        INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      lease_until     INTEGER,
      last_error      TEXT,
      delivered_at    INTEGER
    );
    CREATE INDEX delivery_due ON delivery (next_attempt_at, id) WHERE status = 'pending';
    CREATE INDEX delivery_chain ON delivery (listener_id, order_id, id) WHERE status = 'pending';
    CREATE INDEX delivery_by_status ON delivery (status);
  `,
};
