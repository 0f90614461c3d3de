import type { Pool } from 'pg';
import { inPgTransaction } from './pg-database.js';
import type { ModelRegistry, ModelStatus, ModelVersion } from '../../ports/model-registry.js';

interface Row {
  readonly version: string;
  readonly status: ModelStatus;
  readonly summary: Omit<ModelVersion, 'heads'>;
  readonly heads?: string;
}

function fromRow(r: Row & { heads: string }): ModelVersion {
  return { ...r.summary, status: r.status, heads: JSON.parse(r.heads) as ModelVersion['heads'] };
}

/** The model registry in PostgreSQL (table `model_version`), shared by every process on the database. */
export class PgModelRegistry implements ModelRegistry {
  constructor(private readonly pool: Pool) {}

  async save(model: ModelVersion): Promise<void> {
    const { heads, ...summary } = model;
    await this.pool.query('INSERT INTO model_version (version, status, trained_at, summary, heads) VALUES ($1, $2, $3, $4, $5)', [
      model.version, model.status, model.trainedAt, JSON.stringify(summary), JSON.stringify(heads),
    ]);
  }

  async get(version: string): Promise<ModelVersion | undefined> {
    const r = await this.pool.query<Row & { heads: string }>('SELECT version, status, summary, heads FROM model_version WHERE version = $1', [version]);
    return r.rows[0] === undefined ? undefined : fromRow(r.rows[0]);
  }

  async active(): Promise<ModelVersion | undefined> {
    const r = await this.pool.query<Row & { heads: string }>("SELECT version, status, summary, heads FROM model_version WHERE status = 'active'");
    return r.rows[0] === undefined ? undefined : fromRow(r.rows[0]);
  }

  async list(): Promise<readonly Omit<ModelVersion, 'heads'>[]> {
    const r = await this.pool.query<Row>('SELECT version, status, summary FROM model_version ORDER BY trained_at DESC, version DESC');
    return r.rows.map((row) => ({ ...row.summary, status: row.status }));
  }

  /** Retires the active version and activates this one in one transaction (the unique index keeps one active). */
  async promote(version: string): Promise<void> {
    await inPgTransaction(this.pool, async (client) => {
      const found = await client.query('SELECT 1 FROM model_version WHERE version = $1 FOR UPDATE', [version]);
      if (found.rowCount === 0) throw new Error(`model registry: no version ${version}`);
      await client.query("UPDATE model_version SET status = 'retired' WHERE status = 'active' AND version <> $1", [version]);
      await client.query("UPDATE model_version SET status = 'active' WHERE version = $1", [version]);
    });
  }
}
