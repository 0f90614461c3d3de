import { defineConfig } from 'vitest/config';

// Restarts the shared PostgreSQL mid-test: it runs after every other file has finished, so that no
// other suite loses its database (or skips) while PostgreSQL is down.
const DATABASE_RESTART = ['test/integration/multiprocess-postgres.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'provisio',
          include: ['src/**/*.test.ts', 'sim/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...DATABASE_RESTART],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'database-restart', include: DATABASE_RESTART, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
