import type { Migration } from '../../sqlite/migrations/migration.js';

/** Port requests coordinated with losing carriers: the reducer state and timeline as JSON, keyed three ways. */
export const portRequestsMigration: Migration = {
  version: 8,
  name: 'port-requests',
  sql: `
    CREATE TABLE port_request (
      id         text COLLATE "C" PRIMARY KEY,
      task_key   text COLLATE "C" NOT NULL UNIQUE,
      pon        text COLLATE "C" NOT NULL UNIQUE,
      state      text NOT NULL,
      revision   integer NOT NULL,
      request    jsonb NOT NULL,
      timeline   jsonb NOT NULL
    );
  `,
};
