import type { Database, Statement } from 'better-sqlite3';
import type { PortRequest } from '../../domain/porting/port-request.js';
import type { PortRequestStore, PortTimelineEntry, StoredPortRequest } from '../../ports/port-request-store.js';

interface PortRequestRow {
  task_key: string;
  revision: number;
  request: string;
  timeline: string;
}

function recordOf(r: PortRequestRow): StoredPortRequest {
  return { taskKey: r.task_key, revision: r.revision, request: JSON.parse(r.request) as PortRequest, timeline: JSON.parse(r.timeline) as PortTimelineEntry[] };
}

/** PortRequestStore in SQLite's `port_request` table (migration 7). */
export class SqlitePortRequestStore implements PortRequestStore {
  private readonly q: Record<'byKey' | 'byId' | 'byPon' | 'insert' | 'update' | 'all', Statement>;

  constructor(db: Database) {
    const cols = 'task_key, revision, request, timeline';
    this.q = {
      byKey: db.prepare(`SELECT ${cols} FROM port_request WHERE task_key = ?`),
      byId: db.prepare(`SELECT ${cols} FROM port_request WHERE id = ?`),
      byPon: db.prepare(`SELECT ${cols} FROM port_request WHERE pon = ?`),
      insert: db.prepare(`INSERT OR IGNORE INTO port_request (id, task_key, pon, state, revision, request, timeline) VALUES (?, ?, ?, ?, 1, ?, ?)`),
      update: db.prepare(`UPDATE port_request SET state = ?, revision = revision + 1, request = ?, timeline = ? WHERE id = ? AND revision = ?`),
      all: db.prepare(`SELECT ${cols} FROM port_request ORDER BY id`),
    };
  }

  private one(s: Statement, v: string): StoredPortRequest | undefined {
    const row = s.get(v) as PortRequestRow | undefined;
    return row === undefined ? undefined : recordOf(row);
  }

  async byTaskKey(taskKey: string): Promise<StoredPortRequest | undefined> {
    return this.one(this.q.byKey, taskKey);
  }

  async byId(id: string): Promise<StoredPortRequest | undefined> {
    return this.one(this.q.byId, id);
  }

  async byPon(pon: string): Promise<StoredPortRequest | undefined> {
    return this.one(this.q.byPon, pon);
  }

  async save(rec: StoredPortRequest, expectedRevision: number): Promise<'saved' | 'conflict'> {
    const r = rec.request;
    const [req, timeline] = [JSON.stringify(r), JSON.stringify(rec.timeline)];
    const changes = expectedRevision === 0
      ? this.q.insert.run(r.id, rec.taskKey, r.pon, r.state, req, timeline).changes
      : this.q.update.run(r.state, req, timeline, r.id, expectedRevision).changes;
    return changes === 1 ? 'saved' : 'conflict';
  }

  async list(): Promise<readonly StoredPortRequest[]> {
    return (this.q.all.all() as PortRequestRow[]).map(recordOf);
  }
}
