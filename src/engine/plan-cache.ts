import type { ProductOrder } from '../domain/order/product-order.js';
import type { PlanState } from '../domain/plan/plan-state.js';

/** A plan (and its order record) as this runner last committed it. */
export interface CachedPlan {
  readonly state: PlanState;
  readonly version: number;
  readonly order?: ProductOrder;
}

/**
 * The plans this runner wrote last, so the next round need not read and parse them again. It is a
 * hint only: every write still checks the stored version, and a conflict drops the entry.
 */
export class PlanCache {
  private readonly entries = new Map<string, CachedPlan>();

  constructor(private readonly capacity = 50_000) {}

  /** The cached plan of an order, if any. */
  get(orderId: string): CachedPlan | undefined {
    return this.entries.get(orderId);
  }

  /** Remembers a committed plan; forgets the oldest entries beyond capacity. */
  set(orderId: string, entry: CachedPlan): void {
    this.entries.delete(orderId);
    this.entries.set(orderId, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Forgets an order (finished, or changed by someone else). */
  delete(orderId: string): void {
    this.entries.delete(orderId);
  }
}
