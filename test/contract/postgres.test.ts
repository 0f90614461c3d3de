import { describe, it } from 'vitest';
import { describeOrderStoreContract } from './order-store.contract.js';
import { describeOutboxContract } from './outbox.contract.js';
import { openTestStores, postgresSkipReason } from './postgres-test-database.js';

// Each test gets its own schema, dropped afterwards, so parallel test files never collide.
const skip = await postgresSkipReason();

if (skip === undefined) {
  describeOrderStoreContract('postgres', async () => {
    const stores = await openTestStores();
    return { store: stores.orders, close: stores.close };
  });
  describeOutboxContract('postgres', async () => openTestStores());
} else {
  console.warn(`PostgreSQL contract suites skipped: ${skip}`);
  describe('PostgreSQL contract suites', () => {
    it.skip(`skipped: ${skip}`, () => {});
  });
}
