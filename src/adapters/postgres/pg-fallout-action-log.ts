import type { Pool } from 'pg';
import type { FalloutActionEntry, FalloutActionLog } from '../../ports/fallout-action-log.js';

/** The operator action log in PostgreSQL's `fallout_action` table. */
export class PgFalloutActionLog implements FalloutActionLog {
  constructor(private readonly pool: Pool) {}

  async record(e: FalloutActionEntry): Promise<void> {
    await this.pool.query(
      `INSERT INTO fallout_action (id, order_id, case_id, task_id, action, operator, reason, at, outcome, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [e.id, e.orderId, e.caseId, e.taskId, e.action, e.operator, e.reason, e.at, e.outcome, e.detail],
    );
  }
}
