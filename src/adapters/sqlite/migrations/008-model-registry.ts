import type { Migration } from './migration.js';

/** The fallout model registry: one row per trained version, its artefacts and metrics as JSON. */
export const modelRegistryMigration: Migration = {
  version: 8,
  name: 'model-registry',
  sql: `
    CREATE TABLE model_version (
      version    TEXT PRIMARY KEY,
      status     TEXT NOT NULL CHECK (status IN ('candidate', 'active', 'retired')),
      trained_at TEXT NOT NULL,
      summary    TEXT NOT NULL,
      heads      TEXT NOT NULL
    );
    CREATE UNIQUE INDEX model_version_one_active ON model_version (status) WHERE status = 'active';
  `,
};
