import type { Migration } from '../../sqlite/migrations/migration.js';

/**
 * Documents over about 2 kB (orders, the events that carry them, plans, port requests) are compressed
 * when stored. PostgreSQL's default, pglz, took a large share of the server's CPU for each order
 * update; lz4 compresses them as small about twice as fast. A server built without lz4 keeps pglz
 * (the migration then changes nothing). Only values written from now on are affected.
 */
export const lz4DocumentsMigration: Migration = {
  version: 11,
  name: 'lz4-documents',
  sql: `
    DO $$
    BEGIN
      ALTER TABLE product_order ALTER COLUMN doc SET COMPRESSION lz4;
      ALTER TABLE outbox_event ALTER COLUMN doc SET COMPRESSION lz4;
      ALTER TABLE plan ALTER COLUMN items SET COMPRESSION lz4, ALTER COLUMN item_states SET COMPRESSION lz4;
      ALTER TABLE task ALTER COLUMN inputs SET COMPRESSION lz4, ALTER COLUMN output SET COMPRESSION lz4,
        ALTER COLUMN history SET COMPRESSION lz4;
      ALTER TABLE port_request ALTER COLUMN request SET COMPRESSION lz4;
    EXCEPTION WHEN feature_not_supported THEN
      NULL;
    END $$;
  `,
};
