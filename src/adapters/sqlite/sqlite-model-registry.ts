import type { Database } from 'better-sqlite3';
import type { ModelRegistry, ModelStatus, ModelVersion } from '../../ports/model-registry.js';

interface Row {
  readonly version: string;
  readonly status: ModelStatus;
  readonly summary: string;
  readonly heads: string;
}

function fromRow(r: Row): ModelVersion {
  return { ...(JSON.parse(r.summary) as Omit<ModelVersion, 'heads'>), status: r.status, heads: JSON.parse(r.heads) as ModelVersion['heads'] };
}

/** The model registry in the embedded SQLite database (table `model_version`). */
export function sqliteModelRegistry(db: Database): ModelRegistry {
  const insert = db.prepare('INSERT INTO model_version (version, status, trained_at, summary, heads) VALUES (?, ?, ?, ?, ?)');
  const byVersion = db.prepare<[string], Row>('SELECT version, status, summary, heads FROM model_version WHERE version = ?');
  const activeRow = db.prepare<[], Row>("SELECT version, status, summary, heads FROM model_version WHERE status = 'active'");
  const all = db.prepare<[], Omit<Row, 'heads'>>('SELECT version, status, summary FROM model_version ORDER BY trained_at DESC, version DESC');
  const retire = db.prepare("UPDATE model_version SET status = 'retired' WHERE status = 'active'");
  const activate = db.prepare("UPDATE model_version SET status = 'active' WHERE version = ?");
  const promote = db.transaction((version: string) => {
    if (!byVersion.get(version)) throw new Error(`model registry: no version ${version}`);
    retire.run();
    activate.run(version);
  });
  return {
    async save(model) {
      const { heads, ...summary } = model;
      insert.run(model.version, model.status, model.trainedAt, JSON.stringify(summary), JSON.stringify(heads));
    },
    async get(version) {
      const r = byVersion.get(version);
      return r ? fromRow(r) : undefined;
    },
    async active() {
      const r = activeRow.get();
      return r ? fromRow(r) : undefined;
    },
    async list() {
      return all.all().map((r) => ({ ...(JSON.parse(r.summary) as Omit<ModelVersion, 'heads'>), status: r.status }));
    },
    async promote(version) {
      promote(version);
    },
  };
}
