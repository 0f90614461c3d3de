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

interface RowRevision {
  id: string;
  revision: number;
}

/** How many parsed requests a store keeps: the port-ins a process has in flight, not its history. */
const CACHED_REQUESTS = 2_000;

/**
 * PortRequestStore in SQLite's `port_request` table (migration 7). A waiting port-in reads its
 * request on every re-check, mostly unchanged: reads compare the row's revision with the request
 * parsed last (by this store) and parse the JSON again only when it changed, whoever wrote it.
 */
export class SqlitePortRequestStore implements PortRequestStore {
  private readonly q: Record<'byKey' | 'byId' | 'byPon' | 'revByKey' | 'revById' | 'revByPon' | 'insert' | 'update' | 'all', Statement>;
  private readonly parsed = new Map<string, StoredPortRequest>();

  constructor(db: Database) {
    const cols = 'task_key, revision, request, timeline';
    this.q = {
      byKey: db.prepare(`SELECT ${cols} FROM port_request WHERE task_key = ?`),
      byId: db.prepare(`SELECT ${cols} FROM port_request WHERE id = ?`),
      byPon: db.prepare(`SELECT ${cols} FROM port_request WHERE pon = ?`),
      revByKey: db.prepare('SELECT id, revision FROM port_request WHERE task_key = ?'),
      revById: db.prepare('SELECT id, revision FROM port_request WHERE id = ?'),
      revByPon: db.prepare('SELECT id, revision FROM port_request WHERE pon = ?'),
      insert: db.prepare(`INSERT OR IGNORE INTO port_request (id, task_key, pon, state, revision, request, timeline) VALUES (?, ?, ?, ?, 1, ?, ?)`),
      update: db.prepare(`UPDATE port_request SET state = ?, revision = revision + 1, request = ?, timeline = ? WHERE id = ? AND revision = ?`),
      all: db.prepare(`SELECT ${cols} FROM port_request ORDER BY id`),
    };
  }

  private one(rev: Statement, full: Statement, v: string): StoredPortRequest | undefined {
    const at = rev.get(v) as RowRevision | undefined;
    if (at === undefined) return undefined;
    const seen = this.parsed.get(at.id);
    if (seen?.revision === at.revision) return seen;
    const row = full.get(v) as PortRequestRow | undefined;
    return row === undefined ? undefined : this.remember(recordOf(row));
  }

  private remember(rec: StoredPortRequest): StoredPortRequest {
    const id = rec.request.id;
    this.parsed.delete(id);
    this.parsed.set(id, rec);
    if (this.parsed.size > CACHED_REQUESTS) this.parsed.delete(this.parsed.keys().next().value as string);
    return rec;
  }

  async byTaskKey(taskKey: string): Promise<StoredPortRequest | undefined> {
    return this.one(this.q.revByKey, this.q.byKey, taskKey);
  }

  async byId(id: string): Promise<StoredPortRequest | undefined> {
    return this.one(this.q.revById, this.q.byId, id);
  }

  async byPon(pon: string): Promise<StoredPortRequest | undefined> {
    return this.one(this.q.revByPon, this.q.byPon, pon);
  }

  async save(rec: StoredPortRequest, expectedRevision: number): Promise<'saved' | 'conflict'> {
    const r = rec.request;
    const [req, timeline] = [JSON.stringify(r), JSON.stringify(rec.timeline)];
    const changes = expectedRevision === 0
      ? this.q.insert.run(r.id, rec.taskKey, r.pon, r.state, req, timeline).changes
      : this.q.update.run(r.state, req, timeline, r.id, expectedRevision).changes;
    if (changes !== 1) return 'conflict';
    this.remember({ ...rec, revision: expectedRevision + 1 });
    return 'saved';
  }

  async list(): Promise<readonly StoredPortRequest[]> {
    return (this.q.all.all() as PortRequestRow[]).map(recordOf);
  }
}
