import type { FalloutCause } from '../fallout/fallout-cause.js';

/**
 * The specialist queues a predicted-risky order can be held in before provisioning, one per fallout
 * cause (fallout-and-ai.md §1.1). The names reach the database and the workbench: never rename one.
 */
export const SPECIALIST_QUEUES = ['credit', 'address-validation', 'catalogue', 'inventory', 'porting', 'activation', 'general-review'] as const;
/** A specialist queue. */
export type SpecialistQueue = (typeof SPECIALIST_QUEUES)[number];

/** True when the value names a specialist queue. */
export function isSpecialistQueue(value: unknown): value is SpecialistQueue {
  return typeof value === 'string' && (SPECIALIST_QUEUES as readonly string[]).includes(value);
}

/** The queue that deals with each cause. */
export const QUEUE_OF_CAUSE: { readonly [C in FalloutCause]: SpecialistQueue } = {
  credit: 'credit',
  address: 'address-validation',
  incompat: 'catalogue',
  inventory: 'inventory',
  port: 'porting',
  timeout: 'activation',
  human: 'general-review',
};
