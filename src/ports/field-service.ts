import type { Keyed } from './inventory-system.js';

/** States of a technician visit. */
export const VISIT_STATUSES = ['scheduled', 'completed', 'failed'] as const;
/** State of a technician visit. */
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** Field service: technician appointments. */
export interface FieldService {
  /** Books a visit at the address; returns the appointment and its time (ms). */
  scheduleVisit(req: Keyed & { readonly place?: unknown; readonly earliest: number }): Promise<{ readonly appointmentId: string; readonly at: number }>;
  /** Cancels a booked visit. */
  cancelVisit(req: Keyed & { readonly appointmentId: string }): Promise<void>;
  /** The outcome so far of the visit booked with idempotency key `scheduledWithKey`. */
  visitStatus(req: Keyed & { readonly scheduledWithKey: string }): Promise<{ readonly status: VisitStatus; readonly at: number }>;
}
