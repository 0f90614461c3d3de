import type { Migration } from '../../sqlite/migrations/migration.js';

/**
 * The fallout model registry: one row per trained version. The summary (windows, features, metrics,
 * operating points) is jsonb; the heads (model JSON, calibration) are kept as the text they were
 * saved as. At most one version is active.
 */
export const modelRegistryMigration: Migration = {
  version: 9,
  name: 'model-registry',
  sql: `
    CREATE TABLE model_version (
      version    text COLLATE "C" PRIMARY KEY,
      status     text NOT NULL CHECK (status IN ('candidate', 'active', 'retired')),
      trained_at text NOT NULL,
      summary    jsonb NOT NULL,
      heads      text NOT NULL
    );
    CREATE UNIQUE INDEX model_version_one_active ON model_version (status) WHERE status = 'active';
  `,
};
