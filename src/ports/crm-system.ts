import type { Keyed } from './inventory-system.js';

/** CRM: the customer's product inventory as sales and care see it. */
export interface CrmSystem {
  /** Records the item's product on the customer's account. */
  recordItem(req: Keyed & { readonly action: string; readonly productType: string; readonly offeringId?: string }): Promise<{ readonly crmRef: string }>;
  /** Removes what `recordItem` wrote. */
  removeRecord(req: Keyed & { readonly crmRef: string }): Promise<void>;
}
