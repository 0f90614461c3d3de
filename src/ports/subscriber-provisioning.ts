import type { Keyed } from './inventory-system.js';

/** The mobile core (HLR/HSS): subscriber records binding SIM and number. */
export interface SubscriberProvisioning {
  /** Creates the subscriber record for a SIM; returns the IMSI. */
  provisionSubscriber(req: Keyed & { readonly iccid?: string; readonly msisdn?: string }): Promise<{ readonly imsi: string }>;
  /** Deletes the subscriber record. */
  deprovisionSubscriber(req: Keyed & { readonly imsi: string }): Promise<void>;
}
