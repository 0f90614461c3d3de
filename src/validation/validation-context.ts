import type { AddressReference } from './address/address-reference.js';
import type { PartyKind } from './party/party-kind.js';

/** What an account record says about the holder, for comparing port-in authorisations. */
export interface AccountRecord {
  /** The name on the account (the customer service record at the losing carrier, or ours). */
  readonly holderName: string;
  readonly kind?: PartyKind;
}

/** What the account lookup is asked: any of the keys the order carries. */
export interface AccountLookupQuery {
  readonly customerId?: string;
  readonly msisdn?: string;
  readonly losingCarrier?: string;
  readonly accountNumber?: string;
}

/** Finds the account record for a port-in; synchronous so validation stays fast (preload or cache). */
export type AccountLookup = (query: AccountLookupQuery) => AccountRecord | undefined;

/** What validateOrder needs from outside the order. */
export interface ValidationContext {
  /** "Now", for resolving relative dates in notes ("tomorrow", "next Monday"). */
  readonly now: Date;
  /** Account holder names for port-ins; without it the order's customer name is used. */
  readonly accountLookup?: AccountLookup;
  /** Address reference data; defaults to the offline ZIP table with no building or street inventory. */
  readonly addressReference?: AddressReference;
}
