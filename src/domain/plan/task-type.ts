/**
 * Every kind of provisioning task Provisio knows. The names reach the database and the workbench:
 * never rename one. Each has a policy (task-policy.ts) and a handler in the engine's registry.
 */
export const TASK_TYPES = [
  'reserve-sim',
  'reserve-number',
  'port-in-number',
  'provision-subscriber',
  'activate-number',
  'activate-mobile-service',
  'reserve-network-port',
  'configure-network',
  'ship-cpe',
  'schedule-field-visit',
  'complete-field-install',
  'activate-fiber',
  'modify-service',
  'deactivate-service',
  'recover-cpe',
  'provision-legacy',
  'record-in-crm',
  'update-billing',
  // Not provisioning work: the hold of an order routed to a specialist queue before provisioning.
  'specialist-review',
] as const;
/** A provisioning task type. */
export type TaskType = (typeof TASK_TYPES)[number];

const KNOWN = new Set<string>(TASK_TYPES);

/** True when `s` names a task type. */
export function isTaskType(s: string): s is TaskType {
  return KNOWN.has(s);
}

/** Whether a task does its work or undoes the work of a completed task (compensation). */
export const TASK_MODES = ['do', 'undo'] as const;
/** Direction of a task. */
export type TaskMode = (typeof TASK_MODES)[number];
