import { afterAll, describe, it } from 'vitest';
import { PgFalloutActionLog } from '../../src/adapters/postgres/pg-fallout-action-log.js';
import { PgFalloutCaseReader } from '../../src/adapters/postgres/pg-fallout-case-reader.js';
import { describeFalloutCaseReaderContract } from './fallout-case-reader.contract.js';
import { dropSchema, openReusedTestStores, postgresSkipReason, testSchemaName } from './postgres-test-database.js';

// One schema for this file, emptied after every test (the action log too, which the shared helper does not know).
const skip = await postgresSkipReason();
const schema = testSchemaName();

if (skip === undefined) {
  afterAll(() => dropSchema(schema));
  describeFalloutCaseReaderContract('postgres', async () => {
    const stores = await openReusedTestStores(schema);
    return {
      reader: new PgFalloutCaseReader(stores.pool),
      actionLog: new PgFalloutActionLog(stores.pool),
      orders: stores.orders,
      close: async () => (await stores.pool.query('DELETE FROM fallout_action'), await stores.close()),
    };
  });
} else {
  console.warn(`PostgreSQL fallout suites skipped: ${skip}`);
  describe('PostgreSQL fallout case reader', () => {
    it.skip(`skipped: ${skip}`, () => {});
  });
}
