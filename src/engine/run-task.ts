import type { TaskResult } from '../domain/plan/plan-event.js';
import { idempotencyKey } from '../domain/plan/plan.js';
import { SouthboundError } from '../ports/southbound-error.js';
import type { ClaimedTask, TaskStore } from '../ports/task-store.js';
import type { TaskContext, TaskHandler, TaskHandlers } from './task-handler.js';
import { TaskDeadlines } from './task-deadlines.js';

/** The context of a claimed task; inputs are parsed only if the handler reads them. */
class ClaimedTaskContext implements TaskContext {
  readonly orderId: string;
  readonly taskId: string;
  readonly itemId: string;
  readonly idempotencyKey: string;
  readonly attempt: number;
  private parsed: Readonly<Record<string, unknown>> | undefined;

  constructor(
    private readonly inputsJson: string,
    task: ClaimedTask,
    readonly now: number,
  ) {
    this.orderId = task.orderId;
    this.taskId = task.taskId;
    this.itemId = task.itemId;
    this.idempotencyKey = idempotencyKey(task.orderId, task.taskId);
    this.attempt = task.attempt;
  }

  get inputs(): Readonly<Record<string, unknown>> {
    this.parsed ??= JSON.parse(this.inputsJson) as Record<string, unknown>;
    return this.parsed;
  }
}

/** Builds the context of a claimed task; inputs are parsed only if the handler reads them. */
export function taskContext(task: ClaimedTask, now: number): TaskContext {
  return new ClaimedTaskContext(task.inputsJson, task, now);
}

/** Turns anything a handler threw into a task failure: system errors as reported, bugs as permanent. */
export function failureOf(err: unknown, system: string): TaskResult {
  if (err instanceof SouthboundError) {
    return { kind: 'failed', failure: { retryable: err.retryable, code: err.code, system: err.system, text: err.message } };
  }
  const text = err instanceof Error ? err.message : String(err);
  return { kind: 'failed', failure: { retryable: false, code: 'HANDLER_ERROR', system, text } };
}

const deadlines = new TaskDeadlines();

function work(task: ClaimedTask, handlers: TaskHandlers, store: TaskStore, ctx: TaskContext): Promise<TaskResult> {
  const handler = handlers[task.type];
  if (task.mode === 'do') return handler.invoke(ctx);
  return compensation(task, handler, store, ctx);
}

async function compensation(task: ClaimedTask, handler: TaskHandler, store: TaskStore, ctx: TaskContext): Promise<TaskResult> {
  const output = task.compensates === null ? undefined : await store.taskOutput(task.orderId, task.compensates);
  const { orderId, taskId, itemId, idempotencyKey: key, attempt, now, inputs } = ctx;
  const undoneKey = idempotencyKey(orderId, task.compensates ?? taskId);
  await handler.compensate({ orderId, taskId, itemId, idempotencyKey: key, attempt, now, inputs, undoneKey, output: output ?? {} });
  return { kind: 'completed', output: {} };
}

/**
 * Runs one claimed task (forward or undo) under its policy's timeout and returns its result. A
 * timeout is a retryable failure; the idempotency key makes the late call harmless.
 */
export function runTask(task: ClaimedTask, handlers: TaskHandlers, store: TaskStore, now: number): Promise<TaskResult> {
  const timeoutMs = handlers[task.type].policy.timeoutMs;
  return new Promise<TaskResult>((resolve) => {
    let ended = false;
    const end = (r: TaskResult): void => {
      if (ended) return;
      ended = true;
      deadlines.release(deadline);
      resolve(r);
    };
    const deadline = deadlines.acquire(timeoutMs, () =>
      end({ kind: 'failed', failure: { retryable: true, code: 'TIMEOUT', system: task.type, text: `no answer within ${timeoutMs} ms` } }),
    );
    try {
      work(task, handlers, store, taskContext(task, now)).then(end, (err: unknown) => end(failureOf(err, task.type)));
    } catch (err) {
      end(failureOf(err, task.type));
    }
  });
}
