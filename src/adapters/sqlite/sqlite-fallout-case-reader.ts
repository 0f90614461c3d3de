import type { Database, Statement } from 'better-sqlite3';
import type { OrderState } from '../../domain/order/order-state.js';
import { TASK_POLICIES, type TaskPolicy } from '../../domain/plan/task-policy.js';
import type { TaskState } from '../../domain/plan/task-state.js';
import type { TaskMode, TaskType } from '../../domain/plan/task-type.js';
import type { FalloutActionEntry } from '../../ports/fallout-action-log.js';
import type { FalloutCase, FalloutCaseQuery, FalloutCaseReader } from '../../ports/fallout-case-reader.js';
import type { Page } from '../../ports/order-query.js';
import { caseOfTask, pageOfCases, REVIEW_INPUTS_COLUMN, splitFalloutCaseId, withActions, type FalloutTaskRow } from './fallout-case-rows.js';
import { actionOfRow, type FalloutActionRow } from './sqlite-fallout-action-log.js';

interface Row {
  order_id: string;
  id: string;
  item_id: string;
  type: TaskType;
  mode: TaskMode;
  state: TaskState;
  history: string | null;
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
    history: r.history === null ? [] : (JSON.parse(r.history) as FalloutTaskRow['history']),
    orderState: r.order_state,
    reviewInputs: r.review_inputs,
  };
}

/**
 * Fallout cases read from SQLite task rows. Open cases come through the `task_by_state` partial
 * index, all cases through `task_failed` (tasks that ever failed); the filters on the opening
 * failure (system, error code) and the order by opening time are applied on the derived cases.
 */
export class SqliteFalloutCaseReader implements FalloutCaseReader {
  private readonly one: Statement;
  private readonly actions: Statement;

  constructor(
    private readonly db: Database,
    private readonly policies: Readonly<Record<TaskType, TaskPolicy>> = TASK_POLICIES,
  ) {
    this.one = db.prepare(`${COLUMNS} WHERE t.order_id = ? AND t.id = ?`);
    this.actions = db.prepare('SELECT * FROM fallout_action WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY at, rowid');
  }

  async list(query: FalloutCaseQuery): Promise<Page<FalloutCase>> {
    // The literal IN repeats the partial index's condition so the planner may use it.
    const where = [query.status === 'open' ? `t.state = 'fallout' AND t.state IN ('fallout', 'pending')` : 't.history IS NOT NULL'];
    const params: string[] = [];
    for (const [column, value] of [['t.type', query.taskType], ['t.order_id', query.orderId]] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    const rows = (this.db.prepare(`${COLUMNS} WHERE ${where.join(' AND ')}`).all(...params) as Row[]).map(toTaskRow);
    const page = pageOfCases(rows.flatMap((r) => caseOfTask(r, this.policies) ?? []), query);
    const actions = this.actionsOf([...new Set(page.items.map((c) => c.orderId))]);
    return { total: page.total, items: page.items.map((c) => withActions(c, actions)) };
  }

  async get(id: string): Promise<FalloutCase | undefined> {
    const key = splitFalloutCaseId(id);
    if (key === undefined) return undefined;
    const row = this.one.get(key.orderId, key.taskId) as Row | undefined;
    if (row === undefined) return undefined;
    const found = caseOfTask(toTaskRow(row), this.policies);
    return found === undefined ? undefined : withActions(found, this.actionsOf([key.orderId]));
  }

  private actionsOf(orderIds: readonly string[]): FalloutActionEntry[] {
    if (orderIds.length === 0) return [];
    return (this.actions.all(JSON.stringify(orderIds)) as FalloutActionRow[]).map(actionOfRow);
  }
}
