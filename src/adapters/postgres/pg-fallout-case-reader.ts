import type { Pool } from 'pg';
import type { OrderState } from '../../domain/order/order-state.js';
import { TASK_POLICIES, type TaskPolicy } from '../../domain/plan/task-policy.js';
import type { TaskState } from '../../domain/plan/task-state.js';
import type { TaskMode, TaskType } from '../../domain/plan/task-type.js';
import type { FalloutActionEntry } from '../../ports/fallout-action-log.js';
import type { FalloutCase, FalloutCaseQuery, FalloutCaseReader } from '../../ports/fallout-case-reader.js';
import type { Page } from '../../ports/order-query.js';
import { caseOfTask, pageOfCases, REVIEW_INPUTS_COLUMN, splitFalloutCaseId, withActions, type FalloutTaskRow } from '../sqlite/fallout-case-rows.js';
import { actionOfRow, type FalloutActionRow } from '../sqlite/sqlite-fallout-action-log.js';

interface Row {
  order_id: string;
  id: string;
  item_id: string;
  type: TaskType;
  mode: TaskMode;
  state: TaskState;
  history: FalloutTaskRow['history'] | null;
  order_state: OrderState;
  review_inputs: string | null;
}

const COLUMNS = `SELECT t.order_id, t.id, t.item_id, t.type, t.mode, t.state, t.history, p.order_state, ${REVIEW_INPUTS_COLUMN}
  FROM task t JOIN plan p ON p.order_id = t.order_id`;

function toTaskRow(r: Row): FalloutTaskRow {
  return {
    orderId: r.order_id,
    taskId: r.id,
    itemId: r.item_id,
    type: r.type,
    mode: r.mode,
    state: r.state,
    history: r.history ?? [],
    orderState: r.order_state,
    reviewInputs: r.review_inputs,
  };
}

/**
 * Fallout cases read from PostgreSQL task rows: open cases through the `task_by_state` partial
 * index, all cases through `task_failed`; the filters on the opening failure and the order by
 * opening time are applied on the derived cases, as in the SQLite reader.
 */
export class PgFalloutCaseReader implements FalloutCaseReader {
  constructor(
    private readonly pool: Pool,
    private readonly policies: Readonly<Record<TaskType, TaskPolicy>> = TASK_POLICIES,
  ) {}

  async list(query: FalloutCaseQuery): Promise<Page<FalloutCase>> {
    const where = [query.status === 'open' ? `t.state = 'fallout'` : 't.history IS NOT NULL'];
    const params: string[] = [];
    if (query.taskType !== undefined) where.push(`t.type = $${params.push(query.taskType)}`);
    if (query.orderId !== undefined) where.push(`t.order_id = $${params.push(query.orderId)}`);
    const r = await this.pool.query<Row>(`${COLUMNS} WHERE ${where.join(' AND ')}`, params);
    const page = pageOfCases(r.rows.flatMap((row) => caseOfTask(toTaskRow(row), this.policies) ?? []), query);
    const actions = await this.actionsOf([...new Set(page.items.map((c) => c.orderId))]);
    return { total: page.total, items: page.items.map((c) => withActions(c, actions)) };
  }

  async get(id: string): Promise<FalloutCase | undefined> {
    const key = splitFalloutCaseId(id);
    if (key === undefined) return undefined;
    const r = await this.pool.query<Row>(`${COLUMNS} WHERE t.order_id = $1 AND t.id = $2`, [key.orderId, key.taskId]);
    const row = r.rows[0];
    const found = row === undefined ? undefined : caseOfTask(toTaskRow(row), this.policies);
    return found === undefined ? undefined : withActions(found, await this.actionsOf([key.orderId]));
  }

  private async actionsOf(orderIds: readonly string[]): Promise<FalloutActionEntry[]> {
    if (orderIds.length === 0) return [];
    const r = await this.pool.query<FalloutActionRow>('SELECT * FROM fallout_action WHERE order_id = ANY($1::text[]) ORDER BY at, seq', [orderIds]);
    return r.rows.map(actionOfRow);
  }
}
