import type { Database } from 'better-sqlite3';
import type { HubListener, HubStore } from '../../ports/hub-store.js';

interface ListenerRow {
  id: string;
  callback: string;
  query: string | null;
  created_at: string;
}

/** The port's listener from a hub_listener row. */
export function listenerFromRow(row: ListenerRow): HubListener {
  return {
    id: row.id,
    callback: row.callback,
    ...(row.query === null ? {} : { query: row.query }),
    createdAt: row.created_at,
  };
}

/** HubStore on SQLite. Removing a listener drops its deliveries (ON DELETE CASCADE). */
export class SqliteHubStore implements HubStore {
  private readonly insert;
  private readonly remove;
  private readonly getOne;
  private readonly getAll;

  constructor(db: Database) {
    this.insert = db.prepare('INSERT INTO hub_listener (id, callback, query, created_at) VALUES (?, ?, ?, ?)');
    this.remove = db.prepare('DELETE FROM hub_listener WHERE id = ?');
    this.getOne = db.prepare('SELECT id, callback, query, created_at FROM hub_listener WHERE id = ?');
    this.getAll = db.prepare('SELECT id, callback, query, created_at FROM hub_listener ORDER BY created_at, id');
  }

  /** Registers a listener; events committed from now on are delivered to it. */
  async addListener(listener: HubListener): Promise<void> {
    this.insert.run(listener.id, listener.callback, listener.query ?? null, listener.createdAt);
  }

  /** Removes a listener and its pending deliveries; false when there was none. */
  async removeListener(id: string): Promise<boolean> {
    return this.remove.run(id).changes > 0;
  }

  /** The listener with this id, or undefined. */
  async getListener(id: string): Promise<HubListener | undefined> {
    const row = this.getOne.get(id) as ListenerRow | undefined;
    return row === undefined ? undefined : listenerFromRow(row);
  }

  /** All registered listeners, oldest first. */
  async listListeners(): Promise<readonly HubListener[]> {
    return (this.getAll.all() as ListenerRow[]).map(listenerFromRow);
  }
}
