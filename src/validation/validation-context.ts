import type { Catalog } from '../domain/catalog/catalog.js';
import type { AddressReference } from './address/address-reference.js';
import type { PartyKind } from './party/party-kind.js';

/** Network kinds of a losing carrier: wireless carriers almost always require a port-out PIN. */
export const PORT_NETWORKS = ['wireless', 'wireline'] as const;
/** Whether a number is ported from a wireless or a wireline (or VoIP) carrier. */
export type PortNetwork = (typeof PORT_NETWORKS)[number];

/** What an account record says about the holder, for comparing port-in authorisations. */
export interface AccountRecord {
  /** The name on the account (the customer service record at the losing carrier, or ours). */
  readonly holderName: string;
  /** Other names the carrier accepts on the account (business name, further authorised users). */
  readonly otherNames?: readonly string[];
  readonly kind?: PartyKind;
  /** The losing carrier requires a port-out PIN, whatever the product type says. */
  readonly pinRequired?: boolean;
  /** The losing carrier's network kind, when the record knows it. */
  readonly network?: PortNetwork;
  /** The account's telephone numbers (10 digits), when the record lists them. */
  readonly tns?: readonly string[];
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
  /**
   * The product catalog: tells a mobile port-in (PIN required) from a fixed-line one by the product
   * type of the port-in's base plan. Without it, product names are used as cues.
   */
  readonly catalog?: Catalog;
}
