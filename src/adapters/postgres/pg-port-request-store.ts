import type { Pool, QueryResultRow } from 'pg';
import { heldNumbers, type PortRequest } from '../../domain/porting/port-request.js';
import type { OpenPortOfNumber, PortRequestStore, PortTimelineEntry, StoredPortRequest } from '../../ports/port-request-store.js';

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
    // The request and the numbers it holds change together; the numbers are rewritten only when the
    // request row was (its revision matched).
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const res = expectedRevision === 0
        ? await client.query(
            `INSERT INTO port_request (id, task_key, pon, state, revision, request, timeline) VALUES ($1, $2, $3, $4, 1, $5::jsonb, $6::jsonb) ON CONFLICT DO NOTHING`,
            [r.id, rec.taskKey, r.pon, r.state, request, timeline],
          )
        : await client.query(
            `UPDATE port_request SET state = $1, revision = revision + 1, request = $2::jsonb, timeline = $3::jsonb WHERE id = $4 AND revision = $5`,
            [r.state, request, timeline, r.id, expectedRevision],
          );
      if (res.rowCount !== 1) {
        await client.query('ROLLBACK');
        return 'conflict';
      }
      const held = [...heldNumbers(r)];
      await client.query('DELETE FROM port_request_tn WHERE request_id = $1 AND NOT (tn = ANY($2::text[]))', [r.id, held]);
      if (held.length > 0) {
        await client.query('INSERT INTO port_request_tn (tn, request_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING', [held, r.id]);
      }
      await client.query('COMMIT');
      return 'saved';
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async openPortsFor(tns: readonly string[], exceptId: string): Promise<readonly OpenPortOfNumber[]> {
    if (tns.length === 0) return [];
    const res = await this.pool.query<OpenPortOfNumber & QueryResultRow>(
      `SELECT t.tn, p.id, p.pon FROM port_request_tn t JOIN port_request p ON p.id = t.request_id
       LEFT JOIN port_request_tn me ON me.tn = t.tn AND me.request_id = $2
       WHERE t.tn = ANY($1::text[]) AND t.request_id <> $2
         AND (p.state <> 'DRAFT' OR me.held_seq IS NULL OR t.held_seq < me.held_seq)
       ORDER BY t.tn, p.id`,
      [[...tns], exceptId],
    );
    return res.rows.map((row) => ({ tn: row.tn, id: row.id, pon: row.pon }));
  }

  async list(): Promise<readonly StoredPortRequest[]> {
    return (await this.pool.query<PortRequestRow>(`SELECT ${COLUMNS} FROM port_request ORDER BY id`)).rows.map(recordOf);
  }
}
