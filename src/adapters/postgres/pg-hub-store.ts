import type { Pool } from 'pg';
import type { HubListener, HubStore } from '../../ports/hub-store.js';
import { inPgTransaction } from './pg-database.js';

/** A hub_listener row. */
export interface ListenerRow {
  id: string;
  callback: string;
  query: string | null;
  created_at: string;
}

/** The port's listener from a hub_listener row. */
export function listenerFromRow(row: ListenerRow): HubListener {
  return { id: row.id, callback: row.callback, ...(row.query === null ? {} : { query: row.query }), createdAt: row.created_at };
}

/** HubStore on PostgreSQL. Removing a listener drops its deliveries in the same transaction. */
export class PgHubStore implements HubStore {
  constructor(private readonly pool: Pool) {}

  /** Registers a listener; events committed from now on are delivered to it. */
  async addListener(listener: HubListener): Promise<void> {
    await this.pool.query('INSERT INTO hub_listener (id, callback, query, created_at) VALUES ($1, $2, $3, $4)', [
      listener.id,
      listener.callback,
      listener.query ?? null,
      listener.createdAt,
    ]);
  }

  /** Removes a listener and its deliveries; false when there was none. */
  async removeListener(id: string): Promise<boolean> {
    return inPgTransaction(this.pool, async (client) => {
      // Waits for commits fanning out to this listener (they hold it FOR KEY SHARE); the next
      // statement then sees their deliveries too.
      const removed = await client.query('DELETE FROM hub_listener WHERE id = $1', [id]);
      await client.query('DELETE FROM delivery WHERE listener_id = $1', [id]);
      return (removed.rowCount ?? 0) > 0;
    });
  }

  /** The listener with this id, or undefined. */
  async getListener(id: string): Promise<HubListener | undefined> {
    const r = await this.pool.query<ListenerRow>('SELECT id, callback, query, created_at FROM hub_listener WHERE id = $1', [id]);
    const row = r.rows[0];
    return row === undefined ? undefined : listenerFromRow(row);
  }

  /** All registered listeners, oldest first. */
  async listListeners(): Promise<readonly HubListener[]> {
    const r = await this.pool.query<ListenerRow>('SELECT id, callback, query, created_at FROM hub_listener ORDER BY created_at, id');
    return r.rows.map(listenerFromRow);
  }
}
