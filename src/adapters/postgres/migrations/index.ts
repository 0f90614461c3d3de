import type { Migration } from '../../sqlite/migrations/migration.js';
import { ordersMigration } from './001-orders.js';
import { cancelRequestsMigration } from './002-cancel-requests.js';
import { hubOutboxMigration } from './003-hub-outbox.js';
import { plansMigration } from './004-plans.js';
import { documentFiltersMigration } from './005-document-filters.js';
import { falloutActionsMigration } from './006-fallout-actions.js';
import { effectLedgerMigration } from './007-effect-ledger.js';
import { portRequestsMigration } from './008-port-requests.js';
import { modelRegistryMigration } from './009-model-registry.js';
import { portNumbersMigration } from './010-port-numbers.js';
import { lz4DocumentsMigration } from './011-lz4-documents.js';

/**
 * The PostgreSQL schema history, oldest first. To change the schema, add `NNN-<concept>.ts` with the
 * next version and append it here; never edit or reorder a released entry.
 */
export const PG_MIGRATIONS: readonly Migration[] = [
  ordersMigration,
  cancelRequestsMigration,
  hubOutboxMigration,
  plansMigration,
  documentFiltersMigration,
  falloutActionsMigration,
  effectLedgerMigration,
  portRequestsMigration,
  modelRegistryMigration,
  portNumbersMigration,
  lz4DocumentsMigration,
];
