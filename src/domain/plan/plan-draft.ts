import type { ItemState, OrderState } from '../order/order-state.js';
import type { Decision, FalloutCaseToOpen, InformationRequest } from './reduction.js';
import type { PlanTask } from './plan.js';
import { newTaskRecord, type PlanState, type TaskRecord } from './plan-state.js';
import { canMoveTask, isFinalTaskState, type TaskState } from './task-state.js';

/** A bug: the reducer tried a move the task lifecycle forbids. */
export class IllegalTaskMove extends Error {
  constructor(taskId: string, from: TaskState, to: TaskState) {
    super(`task ${taskId}: ${from} -> ${to} is not an allowed move`);
    this.name = 'IllegalTaskMove';
  }
}

const NO_PATCH: Partial<TaskRecord> = Object.freeze({});
const NO_IDS: readonly string[] = Object.freeze([]);

/**
 * The working copy one reduction builds: the reducer stays pure because the draft is local to the
 * call and is turned into an immutable result at the end. One draft may take several steps (the
 * engine's round): the task table is copied once, not per step; `stepChanged` holds what the current
 * step moved, `changedIds` everything since the draft was made.
 */
export class PlanDraft {
  readonly tasks: Record<string, TaskRecord>;
  readonly changedIds = new Set<string>();
  readonly stepChanged = new Set<string>();
  readonly added: PlanTask[] = [];
  readonly outputs: { taskId: string; output: Readonly<Record<string, unknown>> }[] = [];
  readonly fallout: FalloutCaseToOpen[] = [];
  readonly info: InformationRequest[] = [];
  decision: Decision | undefined;
  cancellation: PlanState['cancellation'];
  revision: number;
  items: PlanState['items'];
  /** Item and order states as derived at the end of the last step (the base's before the first). */
  itemStates: Readonly<Record<string, ItemState>>;
  orderState: OrderState;
  // Tasks by dependency, built on first use; a new task or a dependency change drops it.
  private dependentIds: Map<string, string[]> | undefined;

  constructor(
    readonly base: PlanState,
    readonly now: number,
  ) {
    this.tasks = { ...base.tasks };
    this.cancellation = base.cancellation;
    this.revision = base.revision;
    this.items = base.items;
    this.itemStates = base.itemStates;
    this.orderState = base.orderState;
  }

  /** Steps begun so far. */
  steps = 0;

  /** Starts a step: the step's changes and decision start empty. */
  beginStep(): void {
    this.steps++;
    this.stepChanged.clear();
    this.decision = undefined;
  }

  /** The task with this id (a bug when absent). */
  get(id: string): TaskRecord {
    const t = this.tasks[id];
    if (t === undefined) throw new Error(`order ${this.base.orderId} has no task ${id}`);
    return t;
  }

  /**
   * Marks claimed tasks running, as the store's claim did: not a change to write (the outcome that
   * follows moves them on), so they are not listed as changed.
   */
  markRunning(ids: Iterable<string>): void {
    for (const id of ids) {
      const t = this.tasks[id];
      if (t !== undefined && (t.state === 'ready' || t.state === 'waiting')) this.tasks[id] = { ...t, state: 'running', wakeAt: null };
    }
  }

  /** Moves a task along its lifecycle, with extra field changes. */
  move(id: string, to: TaskState, patch: Partial<TaskRecord> = NO_PATCH): TaskRecord {
    const t = this.get(id);
    if (t.state !== to && !canMoveTask(t.state, to)) throw new IllegalTaskMove(id, t.state, to);
    const wakeAt = to === 'ready' ? (patch.wakeAt ?? this.now) : to === 'waiting' ? (patch.wakeAt ?? null) : null;
    let next: TaskRecord;
    if (patch === NO_PATCH) next = { ...t, state: to, wakeAt };
    else {
      next = { ...t, ...patch, state: to, wakeAt };
      if (patch.dependsOn !== undefined) this.dependentIds = undefined;
    }
    this.tasks[id] = next;
    this.changedIds.add(id);
    this.stepChanged.add(id);
    return next;
  }

  /** Adds a task to the plan (ready at once when nothing blocks it). */
  add(task: PlanTask): TaskRecord {
    const rec = newTaskRecord(task, this.now);
    this.tasks[task.id] = rec;
    this.added.push(task);
    this.changedIds.add(task.id);
    this.stepChanged.add(task.id);
    this.dependentIds = undefined;
    return rec;
  }

  /** Makes ready those of the given blocked tasks whose dependencies already allow them to start. */
  settle(ids: readonly string[]): void {
    for (const id of ids) {
      const t = this.get(id);
      if (t.state === 'blocked' && this.unblocked(t)) this.move(id, 'ready');
    }
  }

  /** Tasks that list `id` among their dependencies. */
  dependents(id: string): TaskRecord[] {
    return this.dependentIdsOf(id).map((d) => this.get(d));
  }

  /** Ids of the tasks that list `id` among their dependencies. */
  private dependentIdsOf(id: string): readonly string[] {
    if (this.dependentIds === undefined) {
      const index = new Map<string, string[]>();
      for (const t of Object.values(this.tasks)) {
        for (const d of t.dependsOn) {
          const list = index.get(d);
          if (list === undefined) index.set(d, [t.id]);
          else if (list[list.length - 1] !== t.id) list.push(t.id);
        }
      }
      this.dependentIds = index;
    }
    return this.dependentIds.get(id) ?? NO_IDS;
  }

  /** True when every dependency of the task lets it start. */
  unblocked(t: TaskRecord): boolean {
    for (const d of t.dependsOn) {
      const dep = this.tasks[d];
      if (dep === undefined) continue;
      // An undo waits for its dependencies to end in any way; a normal task needs them done.
      const ended = t.mode === 'undo' ? isFinalTaskState(dep.state) : dep.state === 'done' || dep.state === 'skipped';
      if (!ended) return false;
    }
    return true;
  }

  /** Makes ready every blocked dependent of `id` whose dependencies now allow it. */
  release(id: string): void {
    for (const depId of this.dependentIdsOf(id)) {
      const d = this.get(depId);
      if (d.state === 'blocked' && this.unblocked(d)) this.move(depId, 'ready');
    }
  }

  /** Marks every not-yet-run transitive dependent of `id` failed: it can no longer run. */
  failDependents(id: string): void {
    for (const d of this.dependents(id)) {
      if (d.mode === 'do' && (d.state === 'blocked' || d.state === 'ready' || d.state === 'waiting' || d.state === 'pending')) {
        this.move(d.id, 'failed');
        this.failDependents(d.id);
      }
    }
  }
}
