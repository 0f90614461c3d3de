import type { Pool, QueryResultRow } from 'pg';
import type { PortRequest } from '../../domain/porting/port-request.js';
import type { PortRequestStore, PortTimelineEntry, StoredPortRequest } from '../../ports/port-request-store.js';

interface PortRequestRow extends QueryResultRow {
  task_key: string;
  revision: number;
  request: PortRequest;
  timeline: PortTimelineEntry[];
}

const COLUMNS = 'task_key, revision, request, timeline';

function recordOf(r: PortRequestRow): StoredPortRequest {
  return { taskKey: r.task_key, revision: r.revision, request: r.request, timeline: r.timeline };
}

/**
 * PortRequestStore in PostgreSQL's `port_request` table (migration 8), shared by every process on the
 * schema: an insert loses to any request already holding the id, task key or PON, and an update
 * succeeds only on the revision it read, so two workers never overwrite each other's reduction.
 */
export class PgPortRequestStore implements PortRequestStore {
  constructor(private readonly pool: Pool) {}

  private async one(where: 'task_key' | 'id' | 'pon', value: string): Promise<StoredPortRequest | undefined> {
    const res = await this.pool.query<PortRequestRow>(`SELECT ${COLUMNS} FROM port_request WHERE ${where} = $1`, [value]);
    const row = res.rows[0];
    return row === undefined ? undefined : recordOf(row);
  }

  async byTaskKey(taskKey: string): Promise<StoredPortRequest | undefined> {
    return this.one('task_key', taskKey);
  }

  async byId(id: string): Promise<StoredPortRequest | undefined> {
    return this.one('id', id);
  }

  async byPon(pon: string): Promise<StoredPortRequest | undefined> {
    return this.one('pon', pon);
  }

  async save(rec: StoredPortRequest, expectedRevision: number): Promise<'saved' | 'conflict'> {
    const r = rec.request;
    const [request, timeline] = [JSON.stringify(r), JSON.stringify(rec.timeline)];
    const res = expectedRevision === 0
      ? await this.pool.query(
          `INSERT INTO port_request (id, task_key, pon, state, revision, request, timeline) VALUES ($1, $2, $3, $4, 1, $5::jsonb, $6::jsonb) ON CONFLICT DO NOTHING`,
          [r.id, rec.taskKey, r.pon, r.state, request, timeline],
        )
      : await this.pool.query(
          `UPDATE port_request SET state = $1, revision = revision + 1, request = $2::jsonb, timeline = $3::jsonb WHERE id = $4 AND revision = $5`,
          [r.state, request, timeline, r.id, expectedRevision],
        );
    return res.rowCount === 1 ? 'saved' : 'conflict';
  }

  async list(): Promise<readonly StoredPortRequest[]> {
    return (await this.pool.query<PortRequestRow>(`SELECT ${COLUMNS} FROM port_request ORDER BY id`)).rows.map(recordOf);
  }
}
