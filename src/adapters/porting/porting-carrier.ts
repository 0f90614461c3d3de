import type { CarrierCalendar } from '../../domain/porting/business-calendar.js';
import type { PostalAddress } from '../../domain/porting/normalisation.js';
import type { NetworkType } from '../../domain/porting/port-kind.js';

/** What Provisio knows of a losing carrier before porting from it. */
export interface PortingCarrier {
  readonly name: string;
  readonly spid: string;
  readonly profileId: string;
  readonly network: NetworkType;
  readonly calendar: CarrierCalendar;
  readonly pinRequired: boolean;
  /** The carrier's account-number format ('#' a digit), for automatic corrections. */
  readonly accountNumberPattern?: string;
}

/**
 * The porting customer's details that the port-in task does not carry: name and address on the LOA,
 * and what the order says of the account at the losing carrier (porting.md §10.1 PortRequest).
 */
export interface PortInCustomer {
  readonly authorizedName: string;
  readonly serviceAddress: PostalAddress;
  readonly businessName?: string;
  /** Billing telephone number of the account. */
  readonly btn?: string;
  readonly ssnLast4?: string;
  /** Further numbers of the same account that move with the task's number (one line each). */
  readonly additionalTns?: readonly string[];
  /** Set for a partial port: what happens to the account's numbers that stay. */
  readonly remainingTnDisposition?: 'KEEP_WITH_OLD_PROVIDER' | 'DISCONNECT';
  /** The account's new billing number when the billing number moves in a partial port. */
  readonly newBtn?: string;
}

/** Provisio as the new service provider in the clearinghouse. */
export interface NewProvider {
  readonly spid: string;
  readonly companyCode: string;
  readonly lrn: string;
}

/** Default new-provider identity of Provisio (simulations and the carrier simulator). */
export const PROVISIO_PROVIDER: NewProvider = { spid: 'PRVS', companyCode: 'PRV', lrn: '2125559999' };
