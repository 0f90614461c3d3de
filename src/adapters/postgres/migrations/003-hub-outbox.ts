import type { Migration } from '../../sqlite/migrations/migration.js';

/**
 * Hub listeners and the transactional outbox: committed events and one delivery row per
 * (event, matching listener). Delivery ids follow commit order per order (the committer holds the
 * order's row lock while inserting). No foreign keys on delivery: the writer locks the listeners it
 * fans out to, and removing a listener deletes its deliveries itself, so commits skip per-row checks.
 */
export const hubOutboxMigration: Migration = {
  version: 3,
  name: 'hub-outbox',
  sql: `
    CREATE TABLE hub_listener (
      id         text COLLATE "C" PRIMARY KEY,
      callback   text NOT NULL,
      query      text,
      created_at text NOT NULL
    );

    CREATE TABLE outbox_event (
      seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id          text COLLATE "C" NOT NULL UNIQUE,
      type        text NOT NULL,
      order_id    text COLLATE "C" NOT NULL,
      occurred_at text NOT NULL,
      doc         json NOT NULL
    );

    CREATE TABLE delivery (
      id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_seq       bigint NOT NULL,
      listener_id     text COLLATE "C" NOT NULL,
      order_id        text COLLATE "C" NOT NULL,
      status          text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
      attempts        integer NOT NULL DEFAULT 0,
      next_attempt_at bigint NOT NULL,
      lease_until     bigint,
      last_error      text,
      delivered_at    bigint
    );
    CREATE INDEX delivery_due ON delivery (next_attempt_at, id) WHERE status = 'pending';
    CREATE INDEX delivery_chain ON delivery (listener_id, order_id, id) WHERE status = 'pending';
    CREATE INDEX delivery_by_listener ON delivery (listener_id);
    CREATE INDEX delivery_by_status ON delivery (status);
  `,
};
