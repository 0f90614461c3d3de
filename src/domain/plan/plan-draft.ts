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

/**
 * The working copy one reduction builds: the reducer stays pure because the draft is local to the
 * call and is turned into an immutable Reduction at the end.
 */
export class PlanDraft {
  readonly tasks: Record<string, TaskRecord>;
  readonly changedIds = new Set<string>();
  readonly added: PlanTask[] = [];
  readonly outputs: { taskId: string; output: Readonly<Record<string, unknown>> }[] = [];
  readonly fallout: FalloutCaseToOpen[] = [];
  readonly info: InformationRequest[] = [];
  decision: Decision | undefined;
  cancellation: PlanState['cancellation'];
  revision: number;
  items: PlanState['items'];

  constructor(
    readonly base: PlanState,
    readonly now: number,
  ) {
    this.tasks = { ...base.tasks };
    this.cancellation = base.cancellation;
    this.revision = base.revision;
    this.items = base.items;
  }

  /** The task with this id (a bug when absent). */
  get(id: string): TaskRecord {
    const t = this.tasks[id];
    if (t === undefined) throw new Error(`order ${this.base.orderId} has no task ${id}`);
    return t;
  }

  /** Moves a task along its lifecycle, with extra field changes. */
  move(id: string, to: TaskState, patch: Partial<TaskRecord> = {}): TaskRecord {
    const t = this.get(id);
    if (t.state !== to && !canMoveTask(t.state, to)) throw new IllegalTaskMove(id, t.state, to);
    const wakeAt = to === 'ready' ? (patch.wakeAt ?? this.now) : to === 'waiting' ? (patch.wakeAt ?? null) : null;
    const next: TaskRecord = { ...t, ...patch, state: to, wakeAt };
    this.tasks[id] = next;
    this.changedIds.add(id);
    return next;
  }

  /** Adds a task to the plan (ready at once when nothing blocks it). */
  add(task: PlanTask): TaskRecord {
    const rec = newTaskRecord(task, this.now);
    this.tasks[task.id] = rec;
    this.added.push(task);
    this.changedIds.add(task.id);
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
    return Object.values(this.tasks).filter((t) => t.dependsOn.includes(id));
  }

  /** True when every dependency of the task lets it start. */
  unblocked(t: TaskRecord): boolean {
    return t.dependsOn.every((d) => {
      const dep = this.tasks[d];
      if (dep === undefined) return true;
      // An undo waits for its dependencies to end in any way; a normal task needs them done.
      return t.mode === 'undo' ? isFinalTaskState(dep.state) : dep.state === 'done' || dep.state === 'skipped';
    });
  }

  /** Makes ready every blocked dependent of `id` whose dependencies now allow it. */
  release(id: string): void {
    for (const d of this.dependents(id)) {
      if (d.state === 'blocked' && this.unblocked(d)) this.move(d.id, 'ready');
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
