import type { Migration } from './migration.js';

/**
 * Product orders: the whole order as a JSON document plus the columns the common list filters use.
 * `created_at` holds createdAt normalised to UTC millisecond form so that it sorts as an instant.
 * `order_party` indexes relatedParty ids (one row per distinct party id of an order).
 */
export const ordersMigration: Migration = {
  version: 1,
  name: 'orders',
  sql: `
    CREATE TABLE product_order (
      id          TEXT PRIMARY KEY,
      version     INTEGER NOT NULL,
      created_at  TEXT NOT NULL,
      state       TEXT NOT NULL,
      external_id TEXT,
      category    TEXT,
      doc         TEXT NOT NULL
    );
    CREATE INDEX product_order_by_created ON product_order (created_at, id);
    CREATE INDEX product_order_by_state ON product_order (state, created_at, id);
    CREATE INDEX product_order_by_external_id ON product_order (external_id, created_at, id);
    CREATE INDEX product_order_by_category ON product_order (category, created_at, id);

    CREATE TABLE order_party (
      party_id TEXT NOT NULL,
      order_id TEXT NOT NULL REFERENCES product_order (id) ON DELETE CASCADE,
      PRIMARY KEY (party_id, order_id)
    ) WITHOUT ROWID;
    CREATE INDEX order_party_by_order ON order_party (order_id);
  `,
};
