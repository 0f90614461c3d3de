import { describe, expect, it } from 'vitest';
import { TASK_POLICIES } from '../domain/plan/task-policy.js';
import type { TaskType } from '../domain/plan/task-type.js';
import type { ClaimedTask, TaskStore } from '../ports/task-store.js';
import { runTask } from './run-task.js';
import { stubHandlers } from './stub-handlers.js';
import type { HandlerResult, TaskHandlers } from './task-handler.js';

const task = (taskId: string): ClaimedTask => ({
  orderId: 'o1', taskId, itemId: 'i1', type: 'reserve-sim', mode: 'do', compensates: null, claim: 1, attempt: 0, inputsJson: '{}',
});
const store = {} as TaskStore;

function withTimeout(ms: number, invoke: (taskId: string) => Promise<HandlerResult>): TaskHandlers {
  const base = stubHandlers((_type: TaskType, ctx) => invoke(ctx.taskId));
  return { ...base, 'reserve-sim': { ...base['reserve-sim'], policy: { ...TASK_POLICIES['reserve-sim'], timeoutMs: ms } } };
}

describe('runTask timeouts', () => {
  it('fails a task that does not answer within its timeout as retryable, while others sharing the deadline complete', async () => {
    const handlers = withTimeout(30, (id) =>
      id === 'slow' ? new Promise<HandlerResult>(() => undefined) : Promise.resolve({ kind: 'completed', output: { id } }),
    );
    const [slow, fast] = await Promise.all([runTask(task('slow'), handlers, store, 0), runTask(task('fast'), handlers, store, 0)]);
    expect(slow).toMatchObject({ kind: 'failed', failure: { retryable: true, code: 'TIMEOUT' } });
    expect(fast).toEqual({ kind: 'completed', output: { id: 'fast' } });
  });

  it('gives a task started after an earlier one its own full timeout', async () => {
    const handlers = withTimeout(40, (id) =>
      new Promise<HandlerResult>((resolve) => setTimeout(() => resolve({ kind: 'completed', output: { id } }), id === 'late' ? 25 : 0)),
    );
    const first = runTask(task('early'), handlers, store, 0);
    await new Promise((r) => setTimeout(r, 20));
    // Started 20 ms later: it answers 45 ms after the first task started, within its own 40 ms.
    expect(await runTask(task('late'), handlers, store, 0)).toEqual({ kind: 'completed', output: { id: 'late' } });
    expect(await first).toMatchObject({ kind: 'completed' });
  });
});
