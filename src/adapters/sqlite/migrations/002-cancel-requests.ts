import type { Migration } from './migration.js';

/** Cancel requests (TMF622 cancelProductOrder) as JSON documents plus their filter columns. */
export const cancelRequestsMigration: Migration = {
  version: 2,
  name: 'cancel-requests',
  sql: `
    CREATE TABLE cancel_request (
      id         TEXT PRIMARY KEY,
      version    INTEGER NOT NULL,
      order_id   TEXT NOT NULL,
      state      TEXT NOT NULL,
      created_at TEXT NOT NULL,
      doc        TEXT NOT NULL
    );
    CREATE INDEX cancel_request_by_created ON cancel_request (created_at, id);
    CREATE INDEX cancel_request_by_order ON cancel_request (order_id, created_at, id);
    CREATE INDEX cancel_request_by_state ON cancel_request (state, created_at, id);
  `,
};
