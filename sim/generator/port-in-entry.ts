import type { RandomStream } from '../random/index.js';
import type { CarrierAccount, Customer, LosingCarrier } from '../world/index.js';
import type { PortMismatch } from './order-truth.js';
import { typo } from './typo.js';

/** The port-in data as entered on the order, and what differs from the carrier's record. */
export interface PortEntry {
  readonly msisdn: string;
  readonly authorisationName: string;
  readonly accountNumber: string;
  readonly pin?: string;
  readonly zip: string;
  /** The account's billing number, as on the customer's bill. */
  readonly btn: string;
  /** Further numbers of the account that move with msisdn (a fixed-line account moves whole). */
  readonly additionalNumbers: readonly string[];
  /** Set when some of the account's numbers stay with the losing carrier: they are kept there. */
  readonly remaining?: 'keep';
  /** The account's new billing number when the billing number moves and others stay. */
  readonly newBtn?: string;
  readonly mismatches: readonly PortMismatch[];
}

/**
 * What the customer knows of the account from the bill: a fixed-line account moves whole; a mobile
 * port moves one line and the others stay (a partial port), with a new billing number when the
 * billing number is the one leaving.
 */
function accountScope(account: CarrierAccount, carrier: LosingCarrier, msisdn: string): Pick<PortEntry, 'btn' | 'additionalNumbers' | 'remaining' | 'newBtn'> {
  const chosen = account.tns.includes(msisdn) ? msisdn : account.tns[0];
  const others = account.tns.filter((tn) => tn !== chosen);
  if (carrier.kind === 'wireline' || others.length === 0) return { btn: account.btn, additionalNumbers: carrier.kind === 'wireline' ? others : [] };
  return { btn: account.btn, additionalNumbers: [], remaining: 'keep', ...(chosen === account.btn ? { newBtn: others[0] ?? account.btn } : {}) };
}

function enteredName(r: RandomStream, customer: Customer, account: CarrierAccount): string {
  const onRecord = account.authorizedNames[0] ?? customer.displayName;
  const own = `${customer.givenName} ${customer.familyName}`;
  if (own !== onRecord) return own; // account held by a household member
  if (customer.nickname !== undefined) return `${customer.nickname} ${customer.familyName}`;
  return r.bernoulli(0.5) ? `${customer.givenName} ${typo(r, customer.familyName)}` : `${customer.givenName.charAt(0)}. ${customer.familyName}`;
}

function transpose(tn: string, r: RandomStream): string {
  const i = r.int(6, 8);
  const swapped = tn.slice(0, i) + tn.charAt(i + 1) + tn.charAt(i) + tn.slice(i + 2);
  return swapped === tn ? `${tn.slice(0, 9)}${(Number(tn.charAt(9)) + 1) % 10}` : swapped;
}

/**
 * Fills the port fields from the carrier account. A latent name mismatch changes the authorising
 * name; a fired port cause without one breaks another field the carrier checks.
 */
export function enterPortData(r: RandomStream, customer: Customer, account: CarrierAccount, carrier: LosingCarrier, o: { nameMismatch: boolean; phoneInvalid: boolean; fired: boolean; otherZip: string }): PortEntry {
  const mismatches: PortMismatch[] = [];
  let msisdn = r.pick(account.tns);
  const scope = accountScope(account, carrier, msisdn);
  let authorisationName = account.businessName !== undefined && r.bernoulli(0.5) ? account.businessName : account.authorizedNames[0] ?? customer.displayName;
  let accountNumber = account.accountNumber;
  let pin = account.pin;
  let zip = account.serviceAddress.postalCode;
  if (o.phoneInvalid) msisdn = `555${msisdn.slice(3)}`;
  if (o.nameMismatch) {
    authorisationName = enteredName(r, customer, account);
    mismatches.push('name');
  } else if (o.fired) {
    const options: [PortMismatch, number][] = [['account-number', 3], ['tn', 1], ['zip', carrier.strictness === 'LENIENT' ? 0 : 1], ['pin', pin === undefined ? 0 : 3]];
    const kind = r.weighted(options);
    mismatches.push(kind);
    if (kind === 'account-number') accountNumber = typo(r, accountNumber);
    if (kind === 'tn') msisdn = transpose(msisdn, r);
    if (kind === 'zip') zip = o.otherZip;
    if (kind === 'pin') pin = r.bernoulli(0.5) ? undefined : r.chars(pin?.length ?? 4);
  }
  return { msisdn, authorisationName, accountNumber, ...(pin === undefined ? {} : { pin }), zip, ...scope, mismatches };
}
