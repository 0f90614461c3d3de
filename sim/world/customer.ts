import type { PostalAddress } from './postal-address.js';

/** Customer kinds. */
export const CUSTOMER_KINDS = ['individual', 'business'] as const;
/** An individual (residential) or business customer. */
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

/** The account a customer holds at a losing carrier: the carrier's record (CSR) that a port is checked against. */
export interface CarrierAccount {
  readonly carrierId: string;
  readonly customerId: string;
  readonly type: 'CONSUMER' | 'BUSINESS';
  readonly accountNumber: string;
  readonly pin?: string;
  /** Legal name(s) on the account, as the carrier has them. */
  readonly authorizedNames: readonly string[];
  readonly businessName?: string;
  /** Service address on the carrier's record. */
  readonly serviceAddress: PostalAddress;
  /** Billing telephone number. */
  readonly btn: string;
  /** Active telephone numbers on the account (10 digits). */
  readonly tns: readonly string[];
}

/** A customer of the operator, or a prospect about to become one. */
export interface Customer {
  readonly id: string;
  readonly kind: CustomerKind;
  readonly givenName: string;
  readonly familyName: string;
  /** The name the person goes by, when it differs from the legal given name. */
  readonly nickname?: string;
  readonly businessName?: string;
  /** Name shown on the order's customer party. */
  readonly displayName: string;
  readonly email: string;
  readonly contactPhone: string;
  readonly regionId: string;
  readonly buildingId: string;
  /** The true service address (with unit for multi-dwelling buildings). */
  readonly address: PostalAddress;
  /** Latent credit score, 300-850. */
  readonly creditScore: number;
  /** A prospect with no products yet (a new customer). */
  readonly prospect: boolean;
  readonly billingAccountId: string;
  /** Numbers held at another carrier that can be ported in. */
  readonly carrierAccount?: CarrierAccount;
}
