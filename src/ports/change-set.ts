import type { OrderEvent } from '../domain/events/order-event.js';
import type { CancelRequest } from '../domain/order/cancel-request.js';
import type { ProductOrder } from '../domain/order/product-order.js';
import type { NewPlan, PlanChange } from './task-store.js';

/** A record to write, with the version the writer read (`null` = must not exist yet). */
export interface VersionedWrite<T> {
  readonly record: T;
  readonly expectedVersion: number | null;
  /** An update that keeps the stored order's related parties (the engine's state moves): a store may leave its party rows alone. */
  readonly partiesUnchanged?: boolean;
}

/**
 * Everything one use case changes, committed atomically: either all of it is durable or none.
 * Writers set `record.version` to `expectedVersion + 1` (or 1 for a new record).
 */
export interface ChangeSet {
  readonly orders?: readonly VersionedWrite<ProductOrder>[];
  readonly deletedOrders?: readonly { readonly id: string; readonly expectedVersion: number }[];
  readonly cancelRequests?: readonly VersionedWrite<CancelRequest>[];
  /** Outbox events; each is fanned out to the hub listeners registered at commit time. */
  readonly events?: readonly OrderEvent[];
  /** Provisioning plans of newly submitted orders, with their tasks. */
  readonly newPlans?: readonly NewPlan[];
  /** Task and plan state changes recorded by the engine or a plan use case (cancel, revision, operator action). */
  readonly planChanges?: readonly PlanChange[];
}

/** Thrown by a commit when a record's stored version differs from `expectedVersion`. */
export class ConcurrencyConflict extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was changed by someone else`);
    this.name = 'ConcurrencyConflict';
  }
}
