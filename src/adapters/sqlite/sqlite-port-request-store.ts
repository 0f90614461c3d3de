import type { Database, Statement } from 'better-sqlite3';
import { heldNumbers, type PortRequest } from '../../domain/porting/port-request.js';
import type { OpenPortOfNumber, PortRequestStore, PortTimelineEntry, StoredPortRequest } from '../../ports/port-request-store.js';

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
  private readonly q: Record<'byKey' | 'byId' | 'byPon' | 'revByKey' | 'revById' | 'revByPon' | 'insert' | 'update' | 'all' | 'releaseTns' | 'holdTn' | 'openPorts', Statement>;
  private readonly saveTx: (rec: StoredPortRequest, expectedRevision: number) => boolean;
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
      releaseTns: db.prepare('DELETE FROM port_request_tn WHERE request_id = ? AND tn NOT IN (SELECT value FROM json_each(?))'),
      holdTn: db.prepare(`INSERT OR IGNORE INTO port_request_tn (tn, request_id, held_seq)
        VALUES (?, ?, (SELECT coalesce(max(held_seq), 0) + 1 FROM port_request_tn))`),
      openPorts: db.prepare(`SELECT t.tn, p.id, p.pon FROM port_request_tn t JOIN port_request p ON p.id = t.request_id
        LEFT JOIN port_request_tn me ON me.tn = t.tn AND me.request_id = @except
        WHERE t.tn IN (SELECT value FROM json_each(@tns)) AND t.request_id <> @except
          AND (p.state <> 'DRAFT' OR me.held_seq IS NULL OR t.held_seq < me.held_seq)
        ORDER BY t.tn, p.id`),
    };
    // The request and the numbers it holds change together.
    this.saveTx = db.transaction((rec: StoredPortRequest, expectedRevision: number): boolean => {
      const r = rec.request;
      const [req, timeline] = [JSON.stringify(r), JSON.stringify(rec.timeline)];
      const changes = expectedRevision === 0
        ? this.q.insert.run(r.id, rec.taskKey, r.pon, r.state, req, timeline).changes
        : this.q.update.run(r.state, req, timeline, r.id, expectedRevision).changes;
      if (changes !== 1) return false;
      const held = heldNumbers(r);
      // numbers kept keep their claim; numbers given up (all, once none is held) are released
      this.q.releaseTns.run(r.id, JSON.stringify(held));
      for (const tn of held) this.q.holdTn.run(tn, r.id);
      return true;
    });
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
    if (!this.saveTx(rec, expectedRevision)) return 'conflict';
    this.remember({ ...rec, revision: expectedRevision + 1 });
    return 'saved';
  }

  async list(): Promise<readonly StoredPortRequest[]> {
    return (this.q.all.all() as PortRequestRow[]).map(recordOf);
  }

  async openPortsFor(tns: readonly string[], exceptId: string): Promise<readonly OpenPortOfNumber[]> {
    if (tns.length === 0) return [];
    return (this.q.openPorts.all({ tns: JSON.stringify(tns), except: exceptId }) as OpenPortOfNumber[]).map((row) => ({ tn: row.tn, id: row.id, pon: row.pon }));
  }
}
