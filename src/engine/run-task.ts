import type { TaskResult } from '../domain/plan/plan-event.js';
import { idempotencyKey } from '../domain/plan/plan.js';
import { SouthboundError } from '../ports/southbound-error.js';
import type { ClaimedTask, TaskStore } from '../ports/task-store.js';
import type { TaskContext, TaskHandlers } from './task-handler.js';
import { TIMED_OUT, TaskDeadlines } from './task-deadlines.js';

/** Builds the context of a claimed task; inputs are parsed only if the handler reads them. */
export function taskContext(task: ClaimedTask, now: number): TaskContext {
  let inputs: Readonly<Record<string, unknown>> | undefined;
  return {
    orderId: task.orderId,
    taskId: task.taskId,
    itemId: task.itemId,
    idempotencyKey: idempotencyKey(task.orderId, task.taskId),
    attempt: task.attempt,
    now,
    get inputs() {
      inputs ??= JSON.parse(task.inputsJson) as Record<string, unknown>;
      return inputs;
    },
  };
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

async function work(task: ClaimedTask, handlers: TaskHandlers, store: TaskStore, ctx: TaskContext): Promise<TaskResult> {
  const handler = handlers[task.type];
  if (task.mode === 'do') return handler.invoke(ctx);
  const output = task.compensates === null ? undefined : await store.taskOutput(task.orderId, task.compensates);
  await handler.compensate({ ...ctx, output: output ?? {} });
  return { kind: 'completed', output: {} };
}

/**
 * Runs one claimed task (forward or undo) under its policy's timeout and returns its result. A
 * timeout is a retryable failure; the idempotency key makes the late call harmless.
 */
export async function runTask(task: ClaimedTask, handlers: TaskHandlers, store: TaskStore, now: number): Promise<TaskResult> {
  const timeoutMs = handlers[task.type].policy.timeoutMs;
  const deadline = deadlines.acquire(timeoutMs);
  try {
    const r = await Promise.race([work(task, handlers, store, taskContext(task, now)), deadline.passed]);
    if (r === TIMED_OUT) {
      return { kind: 'failed', failure: { retryable: true, code: 'TIMEOUT', system: task.type, text: `no answer within ${timeoutMs} ms` } };
    }
    return r;
  } catch (err) {
    return failureOf(err, task.type);
  } finally {
    deadlines.release(deadline);
  }
}
