import { afterAll, describe, it } from 'vitest';
import { PgModelRegistry } from '../../src/adapters/postgres/pg-model-registry.js';
import { describeModelRegistryContract } from './model-registry.contract.js';
import { dropSchema, openReusedTestStores, postgresSkipReason, testSchemaName } from './postgres-test-database.js';

// One schema for this file, its model versions emptied after every test.
const skip = await postgresSkipReason();
const schema = testSchemaName();

if (skip === undefined) {
  afterAll(() => dropSchema(schema));
  describeModelRegistryContract('postgres', async () => {
    const stores = await openReusedTestStores(schema);
    return {
      registry: new PgModelRegistry(stores.pool),
      close: async () => (await stores.pool.query('DELETE FROM model_version'), await stores.close()),
    };
  });
} else {
  console.warn(`PostgreSQL model registry suite skipped: ${skip}`);
  describe('PostgreSQL model registry', () => {
    it.skip(`skipped: ${skip}`, () => {});
  });
}
