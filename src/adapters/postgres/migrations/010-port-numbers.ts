import type { Migration } from '../../sqlite/migrations/migration.js';

/**
 * The numbers each open port request holds (its live lines while the port is live: not ported, rejected, given up or ended), so that a
 * new request finds another open port order of the same number by index (porting.md I6). Filled
 * from the requests already stored.
 */
export const portNumbersMigration: Migration = {
  version: 10,
  name: 'port-numbers',
  sql: `
    CREATE TABLE port_request_tn (
      tn         text COLLATE "C" NOT NULL,
      request_id text COLLATE "C" NOT NULL REFERENCES port_request (id) ON DELETE CASCADE,
      -- the order in which requests claimed the number: of two drafts, the first goes on
      held_seq   bigserial NOT NULL,
      PRIMARY KEY (tn, request_id)
    );
    CREATE INDEX port_request_tn_request ON port_request_tn (request_id);
    INSERT INTO port_request_tn (tn, request_id)
      SELECT DISTINCT l ->> 'tn', p.id FROM port_request p, jsonb_array_elements(p.request -> 'lines') l
      WHERE p.state NOT IN ('PORTED', 'REJECTED', 'ACTIVATION_FAILED', 'COMPLETED', 'CANCELLED', 'ABANDONED', 'RESTORED') AND l ->> 'status' <> 'REMOVED';
  `,
};
