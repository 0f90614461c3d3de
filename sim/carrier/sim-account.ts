import type { PostalAddress } from '../../src/domain/porting/normalisation.js';

/** A simulated losing-carrier account (porting.md §13.2). */
export interface SimAccount {
  accountNumber: string;
  pin?: string;
  ssnLast4?: string;
  type: 'CONSUMER' | 'BUSINESS';
  authorizedNames: string[];
  businessName?: string;
  serviceAddress: PostalAddress;
  billingAddress: PostalAddress;
  btn?: string;
  tns: { tn: string; status: 'ACTIVE' | 'SUSPENDED' | 'DISCONNECTED'; features: string[] }[];
  lock: 'NONE' | 'PORT_OUT_LOCK' | 'LSP_FREEZE';
  pendingOrder: boolean;
  pinFailures: number;
}

/** The carrier-side record of which SPID serves a TN and on which account. */
export interface TnRegistration {
  readonly tn: string;
  readonly spid: string;
  readonly accountNumber: string;
}

/** Builds an account with sensible defaults; TNs are active and featureless unless given. */
export function anAccount(over: Omit<Partial<SimAccount>, 'tns'> & { tns: SimAccount['tns'] | string[] }): SimAccount {
  const tns = over.tns.map((t) => (typeof t === 'string' ? { tn: t, status: 'ACTIVE' as const, features: [] } : t));
  const address: PostalAddress = { line1: '123 N Main St Apt 4', city: 'New York', state: 'NY', postalCode: '10001' };
  return {
    accountNumber: 'ACC-1001', type: 'CONSUMER', authorizedNames: ['Ann Lee'], serviceAddress: address,
    billingAddress: { line1: 'PO Box 77', city: 'New York', state: 'NY', postalCode: '10002' },
    lock: 'NONE', pendingOrder: false, pinFailures: 0, ...over, tns,
  };
}
