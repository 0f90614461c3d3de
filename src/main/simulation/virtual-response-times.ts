import { streamFor } from '../../../sim/random/index.js';
import { REALISTIC_PROFILES, type SimulatedSystem } from '../../adapters/simulators/index.js';
import type { TaskType } from '../../domain/plan/task-type.js';
import type { TaskHandler, TaskHandlers } from '../../engine/task-handler.js';

/** Task types no southbound system answers (they are not delayed). */
type InternalTask = 'specialist-review';

/** The southbound system that answers each task type (its response-time profile applies). */
export const SYSTEM_OF_TASK = {
  'reserve-sim': 'inventory',
  'reserve-number': 'inventory',
  'reserve-network-port': 'inventory',
  'port-in-number': 'porting',
  'provision-subscriber': 'hlr',
  'activate-number': 'activation',
  'activate-mobile-service': 'activation',
  'configure-network': 'activation',
  'activate-fiber': 'activation',
  'modify-service': 'activation',
  'deactivate-service': 'activation',
  'ship-cpe': 'logistics',
  'recover-cpe': 'logistics',
  'schedule-field-visit': 'field-service',
  'complete-field-install': 'field-service',
  'provision-legacy': 'legacy',
  'record-in-crm': 'crm',
  'update-billing': 'billing',
} as const satisfies Record<Exclude<TaskType, InternalTask>, SimulatedSystem>;

function delayed(type: Exclude<TaskType, InternalTask>, inner: TaskHandler, seed: number, answerAt: Map<string, number>, answered: Set<string>): TaskHandler {
  const profile = REALISTIC_PROFILES[SYSTEM_OF_TASK[type]];
  return {
    policy: inner.policy,
    compensate: (ctx) => inner.compensate(ctx),
    invoke(ctx) {
      const call = `${ctx.idempotencyKey}#${ctx.attempt}`;
      if (answered.has(call)) return inner.invoke(ctx);
      const at = answerAt.get(call);
      if (at === undefined) {
        const ms = Math.max(1, Math.round(streamFor(seed, 'response-time', call).lognormal(Math.log(profile.medianMs), profile.spread)));
        answerAt.set(call, ctx.now + ms);
        return Promise.resolve({ kind: 'wait', until: ctx.now + ms });
      }
      answerAt.delete(call);
      answered.add(call);
      return inner.invoke(ctx);
    },
  };
}

/**
 * Handlers whose attempts answer after the system's realistic response time on the virtual clock:
 * the first run of an attempt waits out the drawn time, the next one makes the call. Without it a
 * virtual clock would see every synchronous call answer at once, and running tasks side by side
 * would gain nothing over running them in turn. For single-process simulations only (memory state).
 */
export function withVirtualResponseTimes(handlers: TaskHandlers, seed: number): TaskHandlers {
  const answerAt = new Map<string, number>();
  const answered = new Set<string>();
  const out: Record<TaskType, TaskHandler> = { ...handlers };
  for (const type of Object.keys(SYSTEM_OF_TASK) as (keyof typeof SYSTEM_OF_TASK)[]) out[type] = delayed(type, handlers[type], seed, answerAt, answered);
  return out;
}
