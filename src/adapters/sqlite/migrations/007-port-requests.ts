import type { Migration } from './migration.js';

/** Port requests coordinated with losing carriers: the reducer state and timeline as JSON, keyed three ways. */
export const portRequestsMigration: Migration = {
  version: 7,
  name: 'port-requests',
  sql: `
    CREATE TABLE port_request (
      id         TEXT PRIMARY KEY,
      task_key   TEXT NOT NULL UNIQUE,
      pon        TEXT NOT NULL UNIQUE,
      state      TEXT NOT NULL,
      revision   INTEGER NOT NULL,
      request    TEXT NOT NULL,
      timeline   TEXT NOT NULL
    );
  `,
};
