import type { Migration } from '../../sqlite/migrations/migration.js';

/**
 * Documents over about 2 kB (orders, the events that carry them, plans, task inputs and outputs, port
 * requests) are compressed when stored. With PostgreSQL's default, pglz, writing a 3.7 kB order
 * document cost about 55-65 µs of the server's CPU; with lz4 about 30-40. A server built without lz4
 * keeps pglz (the migration then changes nothing). Only values written from now on are affected.
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
