import type { Migration } from '../../sqlite/migrations/migration.js';

/**
 * Product orders: the order document exactly as written (`json` keeps the text) plus the columns the
 * common list filters use. `created_at` holds createdAt in UTC millisecond form so that it sorts as an
 * instant; "C" collation sorts like SQLite's BINARY. `order_party` indexes relatedParty ids.
 */
export const ordersMigration: Migration = {
  version: 1,
  name: 'orders',
  sql: `
    CREATE TABLE product_order (
      id          text COLLATE "C" PRIMARY KEY,
      version     integer NOT NULL,
      created_at  text COLLATE "C" NOT NULL,
      state       text COLLATE "C" NOT NULL,
      external_id text COLLATE "C",
      category    text COLLATE "C",
      doc         json NOT NULL
    );
    CREATE INDEX product_order_by_created ON product_order (created_at, id);
    CREATE INDEX product_order_by_state ON product_order (state, created_at, id);
    CREATE INDEX product_order_by_external_id ON product_order (external_id, created_at, id);
    CREATE INDEX product_order_by_category ON product_order (category, created_at, id);

    CREATE TABLE order_party (
      party_id text COLLATE "C" NOT NULL,
      order_id text COLLATE "C" NOT NULL REFERENCES product_order (id) ON DELETE CASCADE,
      PRIMARY KEY (party_id, order_id)
    );
    CREATE INDEX order_party_by_order ON order_party (order_id);
  `,
};
