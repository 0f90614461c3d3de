import type { TaskType } from './task-type.js';

/** How far a completed task commits its item: none, soft (undo costs a penalty) or hard (no undo). */
export const PONR_LEVELS = ['none', 'soft', 'hard'] as const;
/** A point-of-no-return level. */
export type PonrLevel = (typeof PONR_LEVELS)[number];

/** What undoes a completed task: its handler's `compensate`, or nothing (the task left no effect to undo). */
export const COMPENSATIONS = ['undo', 'none'] as const;
/** How a task is compensated. */
export type Compensation = (typeof COMPENSATIONS)[number];

/** Retry, timing and reversal rules of one task type, as data. */
export interface TaskPolicy {
  /** Attempts before a retryable failure opens a fallout case (default 5). */
  readonly maxAttempts: number;
  /** First retry delay in ms (default 1 s). */
  readonly backoffInitialMs: number;
  /** Each further retry waits this many times longer (default 4). */
  readonly backoffFactor: number;
  /** Longest retry delay in ms (default 10 min). */
  readonly backoffMaxMs: number;
  /** Share of the delay drawn at random, 0..1 (default 0.2: delay x [0.8, 1.2]). */
  readonly jitter: number;
  /** A handler call running longer is a retryable timeout (default 30 s). */
  readonly timeoutMs: number;
  /** Point of no return reached once the task is done (default none). */
  readonly ponr: PonrLevel;
  /** How the task is reversed on cancellation or revision (default undo). */
  readonly compensation: Compensation;
  /** An operator may mark the task not required (default false). */
  readonly skippable: boolean;
  /**
   * The task acts outside before it is done and may stay unfinished for days (a port-in's request at
   * the losing carrier): when such a task is stopped after it was first called (the order cancelled,
   * the item failed or revised), its undo runs and withdraws whatever the calls left (default false).
   */
  readonly undoWhenStopped: boolean;
}

/** The documented defaults every task type starts from. */
export const DEFAULT_TASK_POLICY: TaskPolicy = {
  maxAttempts: 5,
  backoffInitialMs: 1_000,
  backoffFactor: 4,
  backoffMaxMs: 600_000,
  jitter: 0.2,
  timeoutMs: 30_000,
  ponr: 'none',
  compensation: 'undo',
  skippable: false,
  undoWhenStopped: false,
};

/** Per-type differences from the defaults. */
const OVERRIDES: Readonly<Record<TaskType, Partial<TaskPolicy>>> = {
  'reserve-sim': {},
  'reserve-number': {},
  // Activation of a ported number is the porting point of no return (porting.md I7).
  // A port request lives at the losing carrier from the first call until the number ports: a stopped
  // port-in withdraws it, or the number would still port (or stay held against later orders).
  'port-in-number': { ponr: 'hard', maxAttempts: 3, backoffInitialMs: 60_000, timeoutMs: 60_000, undoWhenStopped: true },
  'provision-subscriber': {},
  'activate-number': { ponr: 'soft' },
  'activate-mobile-service': { ponr: 'soft' },
  'reserve-network-port': {},
  'configure-network': {},
  'ship-cpe': { ponr: 'soft', timeoutMs: 60_000 },
  'schedule-field-visit': { skippable: true },
  // The technician has been on site: the installation cannot be undone.
  'complete-field-install': { ponr: 'hard', maxAttempts: 3, compensation: 'none' },
  'activate-fiber': { ponr: 'soft' },
  'modify-service': {},
  'deactivate-service': { ponr: 'hard' },
  'recover-cpe': { skippable: true, compensation: 'none' },
  'provision-legacy': { maxAttempts: 3, backoffInitialMs: 300_000, timeoutMs: 120_000 },
  'record-in-crm': { skippable: true, maxAttempts: 8 },
  'update-billing': { maxAttempts: 8 },
  // A review hold opens its case at once; releasing or skipping it lets the plan go on; it leaves nothing to undo.
  'specialist-review': { maxAttempts: 1, compensation: 'none', skippable: true },
};

/** Policy of every task type: defaults merged with its overrides. */
export const TASK_POLICIES: Readonly<Record<TaskType, TaskPolicy>> = Object.fromEntries(
  Object.entries(OVERRIDES).map(([type, o]) => [type, { ...DEFAULT_TASK_POLICY, ...o }]),
) as Record<TaskType, TaskPolicy>;

/** A number in [0, 1) drawn deterministically from a seed and a string (FNV-1a then a mixer). */
export function seededUnit(seed: number, salt: string): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < salt.length; i++) h = Math.imul(h ^ salt.charCodeAt(i), 16777619);
  h = Math.imul(h ^ (h >>> 15), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** Delay in ms before retry number `failures` (1 = first retry), with jitter drawn from `unit` in [0, 1). */
export function backoffDelay(policy: TaskPolicy, failures: number, unit: number): number {
  const base = Math.min(policy.backoffMaxMs, policy.backoffInitialMs * policy.backoffFactor ** Math.max(0, failures - 1));
  return Math.round(base * (1 - policy.jitter + 2 * policy.jitter * unit));
}
