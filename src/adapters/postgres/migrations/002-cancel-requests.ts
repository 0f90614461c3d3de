import type { Migration } from '../../sqlite/migrations/migration.js';

/** Cancel requests (TMF622 cancelProductOrder) as JSON documents plus their filter columns. */
export const cancelRequestsMigration: Migration = {
  version: 2,
  name: 'cancel-requests',
  sql: `
    CREATE TABLE cancel_request (
      id         text COLLATE "C" PRIMARY KEY,
      version    integer NOT NULL,
      order_id   text COLLATE "C" NOT NULL,
      state      text COLLATE "C" NOT NULL,
      created_at text COLLATE "C" NOT NULL,
      doc        json NOT NULL
    );
    CREATE INDEX cancel_request_by_created ON cancel_request (created_at, id);
    CREATE INDEX cancel_request_by_order ON cancel_request (order_id, created_at, id);
    CREATE INDEX cancel_request_by_state ON cancel_request (state, created_at, id);
  `,
};
