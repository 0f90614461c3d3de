import { TASK_POLICIES } from '../domain/plan/task-policy.js';
import { TASK_TYPES, type TaskType } from '../domain/plan/task-type.js';
import type { HandlerResult, TaskContext, TaskHandler, TaskHandlers } from './task-handler.js';

/**
 * Handlers that complete every task at once without calling any system (benchmarks, tests); an
 * optional `invoke` replaces the default for all types, to script faults.
 */
export function stubHandlers(invoke?: (type: TaskType, ctx: TaskContext) => Promise<HandlerResult>): TaskHandlers {
  const done: HandlerResult = { kind: 'completed', output: {} };
  const entries = TASK_TYPES.map((type): [TaskType, TaskHandler] => [
    type,
    {
      invoke: invoke === undefined ? () => Promise.resolve(done) : (ctx) => invoke(type, ctx),
      compensate: () => Promise.resolve(),
      policy: TASK_POLICIES[type],
    },
  ]);
  return Object.fromEntries(entries) as Record<TaskType, TaskHandler>;
}
