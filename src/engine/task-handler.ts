import type { TaskResult } from '../domain/plan/plan-event.js';
import type { TaskPolicy } from '../domain/plan/task-policy.js';
import type { TaskType } from '../domain/plan/task-type.js';

/** What a handler gets for one attempt. */
export interface TaskContext {
  readonly orderId: string;
  readonly taskId: string;
  readonly itemId: string;
  /** orderId + taskId: the same on every attempt; pass it with every southbound call. */
  readonly idempotencyKey: string;
  /** Failed attempts before this one. */
  readonly attempt: number;
  readonly now: number;
  /** The task inputs (parsed on first read). */
  readonly inputs: Readonly<Record<string, unknown>>;
}

/** What an undo gets: the context plus the task it undoes and the output its forward call returned. */
export interface CompensationContext extends TaskContext {
  /** The idempotency key the undone task passed with its calls. */
  readonly undoneKey: string;
  /** Empty when the undone task was stopped before it completed. */
  readonly output: Readonly<Record<string, unknown>>;
}

/** A handler's result; failures are thrown (SouthboundError for retryable/permanent system errors). */
export type HandlerResult = Exclude<TaskResult, { kind: 'failed' }>;

/** One task type's work: `invoke` returns what `compensate` needs; the policy comes from the domain table. */
export interface TaskHandler {
  invoke(ctx: TaskContext): Promise<HandlerResult>;
  compensate(ctx: CompensationContext): Promise<void>;
  readonly policy: TaskPolicy;
}

/** The handler registry: one handler per task type. */
export type TaskHandlers = Readonly<Record<TaskType, TaskHandler>>;
