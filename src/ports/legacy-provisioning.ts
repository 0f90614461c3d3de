import type { Keyed } from './inventory-system.js';

/** States of a legacy work order. */
export const WORK_ORDER_STATUSES = ['open', 'done', 'rejected'] as const;
/** State of a legacy work order. */
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** Legacy provisioning stacks of some regions: asynchronous work orders. */
export interface LegacyProvisioning {
  /** Submits (or finds, by key) a work order; returns its ticket and status. */
  submitWorkOrder(req: Keyed & { readonly productType: string; readonly payload: Readonly<Record<string, unknown>> }): Promise<{ readonly ticket: string; readonly status: WorkOrderStatus; readonly checkAgainAt?: number }>;
  /** Withdraws a work order (or raises a reversal). */
  withdraw(req: Keyed & { readonly ticket: string }): Promise<void>;
}
