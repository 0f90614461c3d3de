import { afterAll, describe, it } from 'vitest';
import { PgPortRequestStore } from '../../src/adapters/postgres/pg-port-request-store.js';
import { describePortRequestStoreContract } from './port-request-store.contract.js';
import { dropSchema, openReusedTestStores, postgresSkipReason, testSchemaName } from './postgres-test-database.js';

// One schema for this file, its port requests emptied after every test.
const skip = await postgresSkipReason();
const schema = testSchemaName();

if (skip === undefined) {
  afterAll(() => dropSchema(schema));
  describePortRequestStoreContract('postgres', async () => {
    const stores = await openReusedTestStores(schema);
    return {
      store: new PgPortRequestStore(stores.pool),
      close: async () => (await stores.pool.query('DELETE FROM port_request'), await stores.close()),
    };
  });
} else {
  console.warn(`PostgreSQL port request suite skipped: ${skip}`);
  describe('PostgreSQL port request store', () => {
    it.skip(`skipped: ${skip}`, () => {});
  });
}
