import type { Database, Statement } from 'better-sqlite3';
import type { OperatorActionKind } from '../../domain/plan/plan-event.js';
import type { FalloutActionEntry, FalloutActionLog, FalloutActionOutcome } from '../../ports/fallout-action-log.js';

/** A `fallout_action` row (the same columns in SQLite and PostgreSQL). */
export interface FalloutActionRow {
  id: string;
  order_id: string;
  case_id: string | null;
  task_id: string | null;
  action: OperatorActionKind;
  operator: string;
  reason: string;
  at: number | string;
  outcome: FalloutActionOutcome;
  detail: string | null;
}

/** A stored action row as a log entry (PostgreSQL returns bigint as text). */
export function actionOfRow(r: FalloutActionRow): FalloutActionEntry {
  return {
    id: r.id,
    orderId: r.order_id,
    caseId: r.case_id,
    taskId: r.task_id,
    action: r.action,
    operator: r.operator,
    reason: r.reason,
    at: Number(r.at),
    outcome: r.outcome,
    detail: r.detail,
  };
}

/** The operator action log in SQLite's `fallout_action` table. */
export class SqliteFalloutActionLog implements FalloutActionLog {
  private readonly insert: Statement;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO fallout_action (id, order_id, case_id, task_id, action, operator, reason, at, outcome, detail)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  async record(e: FalloutActionEntry): Promise<void> {
    this.insert.run(e.id, e.orderId, e.caseId, e.taskId, e.action, e.operator, e.reason, e.at, e.outcome, e.detail);
  }
}
