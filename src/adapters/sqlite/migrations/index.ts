import { ordersMigration } from './001-orders.js';
import { cancelRequestsMigration } from './002-cancel-requests.js';
import { hubOutboxMigration } from './003-hub-outbox.js';
import { plansMigration } from './004-plans.js';
import { effectLedgerMigration } from './005-effect-ledger.js';
import { falloutActionsMigration } from './006-fallout-actions.js';
import { portRequestsMigration } from './007-port-requests.js';
import { modelRegistryMigration } from './008-model-registry.js';
import { portNumbersMigration } from './009-port-numbers.js';
import type { Migration } from './migration.js';

/**
 * The schema history, oldest first. To change the schema, add a file `NNN-<concept>.ts` exporting a
 * Migration with the next version and append it here; never edit or reorder a released entry.
 */
export const MIGRATIONS: readonly Migration[] = [ordersMigration, cancelRequestsMigration, hubOutboxMigration, plansMigration, effectLedgerMigration, falloutActionsMigration, portRequestsMigration, modelRegistryMigration, portNumbersMigration];
