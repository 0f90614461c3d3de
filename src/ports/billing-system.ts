import type { Keyed } from './inventory-system.js';

/** Billing: starts, changes and stops charging for an item. */
export interface BillingSystem {
  /** Applies the item's action (add/modify/delete) to the customer's billing account. */
  applyItem(req: Keyed & { readonly action: string; readonly offeringId?: string; readonly productType: string }): Promise<{ readonly billingRef: string }>;
  /** Reverses what `applyItem` did. */
  reverse(req: Keyed & { readonly billingRef: string }): Promise<void>;
}
