import type { Migration } from './migration.js';

/**
 * The numbers each open port request holds (its live lines while the port is live: not ported, rejected, given up or ended), so that a
 * new request finds another open port order of the same number by index (porting.md I6). Filled
 * from the requests already stored.
 */
export const portNumbersMigration: Migration = {
  version: 9,
  name: 'port-numbers',
  sql: `
    CREATE TABLE port_request_tn (
      tn         TEXT NOT NULL,
      request_id TEXT NOT NULL REFERENCES port_request (id) ON DELETE CASCADE,
      -- the order in which requests claimed the number: of two drafts, the first goes on
      held_seq   INTEGER NOT NULL,
      PRIMARY KEY (tn, request_id)
    ) WITHOUT ROWID;
    CREATE INDEX port_request_tn_request ON port_request_tn (request_id);
    CREATE INDEX port_request_tn_seq ON port_request_tn (held_seq);
    INSERT OR IGNORE INTO port_request_tn (tn, request_id, held_seq)
      SELECT json_extract(l.value, '$.tn'), p.id, p.rowid FROM port_request p, json_each(p.request, '$.lines') l
      WHERE p.state NOT IN ('PORTED', 'REJECTED', 'ACTIVATION_FAILED', 'COMPLETED', 'CANCELLED', 'ABANDONED', 'RESTORED')
        AND json_extract(l.value, '$.status') <> 'REMOVED';
  `,
};
