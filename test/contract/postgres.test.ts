import { afterAll, describe, it } from 'vitest';
import { describeOrderStoreContract } from './order-store.contract.js';
import { describeOutboxContract } from './outbox.contract.js';
import { dropSchema, openReusedTestStores, postgresSkipReason, testSchemaName } from './postgres-test-database.js';

// One schema for this file (dropped at the end), emptied after every test: parallel test files
// never collide and tests do not pay for DDL.
const skip = await postgresSkipReason();
const schema = testSchemaName();

if (skip === undefined) {
  afterAll(() => dropSchema(schema));
  describeOrderStoreContract('postgres', async () => {
    const stores = await openReusedTestStores(schema);
    return { store: stores.orders, close: stores.close };
  });
  describeOutboxContract('postgres', async () => openReusedTestStores(schema));
} else {
  console.warn(`PostgreSQL contract suites skipped: ${skip}`);
  describe('PostgreSQL contract suites', () => {
    it.skip(`skipped: ${skip}`, () => {});
  });
}
