import type { OrderEvent } from '../domain/events/order-event.js';
import type { HubListener } from './hub-store.js';

/** One event to deliver to one listener. */
export interface Delivery {
  readonly id: string;
  readonly event: OrderEvent;
  readonly listener: HubListener;
  /** Attempts made before this one. */
  readonly attempts: number;
}

/** The outbox side of notifications: deliveries fanned out from committed events. */
export interface DeliveryQueue {
  /** Leases up to `limit` deliveries due at `now` until `now + leaseMs`; others cannot claim them meanwhile. */
  claimDue(now: number, limit: number, leaseMs: number): Promise<readonly Delivery[]>;
  /** Marks a delivery done; it is never sent again. */
  markDelivered(id: string, now: number): Promise<void>;
  /** Schedules another attempt at `nextAttemptAt` (or gives up when `nextAttemptAt` is null). */
  markFailed(id: string, error: string, nextAttemptAt: number | null): Promise<void>;
  /** Counts of deliveries by status, for metrics. */
  stats(): Promise<{ readonly pending: number; readonly delivered: number; readonly dead: number }>;
}
