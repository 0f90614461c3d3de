import type { ProductOrder } from '../../domain/order/product-order.js';
import { customerOf } from '../../domain/order/product-order.js';
import { FEATURES } from '../feature-names.js';
import { CODES } from '../finding-codes.js';
import { finding, type CheckResult, type Finding } from '../finding.js';
import type { ItemView } from '../item-view.js';
import { CHARACTERISTIC } from '../order-vocabulary.js';
import { compareNames, type NameComparison } from '../party/name-similarity.js';
import { partyKindOf } from '../party/party-kind.js';
import type { Catalog } from '../../domain/catalog/catalog.js';
import type { AccountLookup, AccountLookupQuery, AccountRecord, PortNetwork } from '../validation-context.js';
import { additionalPortNumbers, isPortIn, tenDigits } from './port-in-item.js';
import { portNetworkOf } from './port-network.js';

/** Below this name similarity a carrier will reject the port. */
export const NAME_MISMATCH_BELOW = 0.8;
/** Below this (and above the mismatch cut-off) the name is worth a second look. */
export const NAME_WEAK_BELOW = 0.92;

const ACCOUNT_NUMBER = /^[A-Za-z0-9][A-Za-z0-9 ./-]{2,29}$/;
const PIN = /^[A-Za-z0-9]{4,15}$/;

/** What the port-in check reads besides the items: account records and the catalog. */
export interface PortInCheckContext {
  readonly lookup?: AccountLookup;
  readonly catalog?: Catalog;
  readonly now: Date;
}

/** Checks every port-in item: required fields, their shape, the port date, and the authorised name against the account. */
export function checkPortIns(order: Pick<ProductOrder, 'relatedParty'>, items: readonly ItemView[], ctx: PortInCheckContext): CheckResult {
  const findings: Finding[] = [];
  const comparisons: NameComparison[] = [];
  let missingCount = 0;
  const ports = items.filter(isPortIn);
  for (const item of ports) {
    const record = lookupRecord(order, item, ctx.lookup);
    const missing = missingFields(item, portNetworkOf(item, items, ctx.catalog), record);
    missingCount += missing.length;
    if (missing.length > 0) {
      findings.push(finding(item.path, CODES.PORT_FIELDS_MISSING, 'blocking', `Port-in is missing ${missing.join(', ')}`, 0.97));
    }
    findings.push(...malformedFields(item), ...portDateFindings(item, ctx.now), ...accountScopeFindings(item, record));
    const name = compareAuthorisedName(order, item, record);
    findings.push(...name.findings);
    if (name.comparison !== undefined) comparisons.push(name.comparison);
  }
  const customer = customerOf(order);
  return {
    findings,
    features: {
      [FEATURES.portIn]: ports.length > 0 ? 1 : 0,
      [FEATURES.portLines]: ports.length,
      [FEATURES.portFieldsMissing]: missingCount,
      [FEATURES.nameSimToCSR]: comparisons.length === 0 ? Number.NaN : Math.min(...comparisons.map((c) => c.similarity)),
      [FEATURES.nameMetaphoneMatch]: comparisons.length === 0 ? Number.NaN : comparisons.every((c) => c.metaphoneMatch) ? 1 : 0,
      [FEATURES.nameNicknameMatch]: comparisons.length === 0 ? Number.NaN : comparisons.some((c) => c.nicknameMatch) ? 1 : 0,
      [FEATURES.partyIsBusiness]: customer?.name === undefined ? Number.NaN : partyKindOf(customer.name, customer['@referredType']) === 'business' ? 1 : 0,
    },
  };
}

function lookupRecord(order: Pick<ProductOrder, 'relatedParty'>, item: ItemView, lookup: AccountLookup | undefined): AccountRecord | undefined {
  if (lookup === undefined) return undefined;
  const customer = customerOf(order);
  // Filled by assignment: object spreads cost more here than the lookup itself.
  const query: { -readonly [K in keyof AccountLookupQuery]: AccountLookupQuery[K] } = {};
  if (customer?.id !== undefined) query.customerId = customer.id;
  const msisdn = item.characteristics.get(CHARACTERISTIC.msisdn)?.value;
  if (msisdn !== undefined) query.msisdn = msisdn;
  const losingCarrier = item.characteristics.get(CHARACTERISTIC.losingCarrier)?.value;
  if (losingCarrier !== undefined) query.losingCarrier = losingCarrier;
  const accountNumber = item.characteristics.get(CHARACTERISTIC.portingAccountNumber)?.value;
  if (accountNumber !== undefined) query.accountNumber = accountNumber;
  return lookup(query);
}

function missingFields(item: ItemView, network: PortNetwork | undefined, record: AccountRecord | undefined): string[] {
  const need: string[] = [CHARACTERISTIC.msisdn, CHARACTERISTIC.portingAuthorisationName, CHARACTERISTIC.portingAccountNumber];
  // Wireless carriers almost always require a port-out PIN; wireline only when the carrier says so.
  if (record?.pinRequired === true || (network ?? record?.network) === 'wireless') need.push(CHARACTERISTIC.portingPin);
  return need.filter((name) => !item.characteristics.has(name));
}

/**
 * A multi-line port moves numbers of one account: a further number the losing carrier's record does
 * not list on the account of `msisdn` makes the carrier reject the port, and wireline carriers match
 * the billing number against the account. Checked only when the record is that of `msisdn` itself.
 */
function accountScopeFindings(item: ItemView, record: AccountRecord | undefined): Finding[] {
  const onAccount = record?.tns;
  const main = item.characteristics.get(CHARACTERISTIC.msisdn);
  const mainTn = main === undefined ? undefined : tenDigits(main.value);
  if (onAccount === undefined || mainTn === undefined || !onAccount.includes(mainTn)) return [];
  const out: Finding[] = [];
  const further = item.characteristics.get(CHARACTERISTIC.portingAdditionalNumbers);
  const strangers = [...new Set(additionalPortNumbers(item).flatMap((raw) => tenDigits(raw) ?? []).filter((tn) => !onAccount.includes(tn)))];
  if (further !== undefined && strangers.length > 0) {
    const list = strangers.map((tn) => `${tn.slice(0, 3)}-${tn.slice(3, 6)}-${tn.slice(6)}`).join(', ');
    const msg = `${list} ${strangers.length === 1 ? 'is' : 'are'} not on the losing carrier account of ${main!.value}; the carrier will reject the port (port ${strangers.length === 1 ? 'it' : 'them'} in an item of ${strangers.length === 1 ? 'its' : 'their'} own account)`;
    out.push(finding(further.path, CODES.PORT_NUMBER_NOT_ON_ACCOUNT, 'blocking', msg, 0.9));
  }
  const btn = item.characteristics.get(CHARACTERISTIC.portingBillingNumber);
  const btnTn = btn === undefined ? undefined : tenDigits(btn.value);
  if (btn !== undefined && btnTn !== undefined && !onAccount.includes(btnTn)) {
    out.push(finding(btn.path, CODES.PORT_BTN_NOT_ON_ACCOUNT, 'warning', `The billing number ${btn.value} is not a number of the losing carrier account; wireline carriers reject a BTN that does not match`, 0.75));
  }
  return out;
}

function portDateFindings(item: ItemView, now: Date): Finding[] {
  const date = item.characteristics.get(CHARACTERISTIC.requestedPortDate);
  if (date === undefined) return [];
  const at = Date.parse(date.value);
  if (Number.isNaN(at)) {
    return [finding(date.path, CODES.PORT_FIELD_MALFORMED, 'blocking', `The requested port date '${date.value}' is not a date`, 0.95)];
  }
  // A port needs at least the next business day; a date already past cannot be scheduled.
  if (at < now.getTime() - 86_400_000) {
    return [finding(date.path, CODES.PORT_DATE_PAST, 'warning', `The requested port date ${date.value.slice(0, 10)} is in the past`, 0.9)];
  }
  return [];
}

function malformedFields(item: ItemView): Finding[] {
  const out: Finding[] = [];
  const account = item.characteristics.get(CHARACTERISTIC.portingAccountNumber);
  if (account !== undefined && !ACCOUNT_NUMBER.test(account.value)) {
    out.push(finding(account.path, CODES.PORT_FIELD_MALFORMED, 'blocking', 'The losing carrier account number has characters or a length no carrier uses', 0.85));
  }
  const pin = item.characteristics.get(CHARACTERISTIC.portingPin);
  if (pin !== undefined && !PIN.test(pin.value.trim())) {
    // The PIN is a secret: the message never repeats it.
    out.push(finding(pin.path, CODES.PORT_FIELD_MALFORMED, 'blocking', 'The port-out PIN must be 4 to 15 letters or digits', 0.85));
  }
  return out;
}

function compareAuthorisedName(
  order: Pick<ProductOrder, 'relatedParty'>,
  item: ItemView,
  record: AccountRecord | undefined,
): { findings: Finding[]; comparison?: NameComparison } {
  const authorised = item.characteristics.get(CHARACTERISTIC.portingAuthorisationName);
  if (authorised === undefined) return { findings: [] };
  const customer = customerOf(order);
  const names = record === undefined ? (customer?.name === undefined ? [] : [customer.name]) : [record.holderName, ...(record.otherNames ?? [])];
  const best = bestMatch(authorised.value, names);
  if (best === undefined) return { findings: [] };
  const { holder, comparison: c } = best;
  const source = record === undefined ? "the order's customer" : 'the account holder';
  const [authKind, holderKind] = c.kinds;
  if (authKind !== holderKind && (record?.kind ?? holderKind) === 'business') {
    const msg = `The authorised name is a person and ${source} is a business; the carrier needs the business name or an authorised signer on record`;
    return { findings: [finding(authorised.path, CODES.PORT_NAME_BUSINESS_PERSON, 'info', msg, 0.6, holder)], comparison: c };
  }
  const pct = Math.round(c.similarity * 100);
  if (c.similarity < NAME_MISMATCH_BELOW) {
    const msg = `Authorised name does not match ${source} (${pct}% similar); the losing carrier will reject the port`;
    return { findings: [finding(authorised.path, CODES.PORT_NAME_MISMATCH, 'blocking', msg, record === undefined ? 0.8 : 0.92, holder)], comparison: c };
  }
  if (c.similarity < NAME_WEAK_BELOW) {
    const msg = `Authorised name only partly matches ${source} (${pct}% similar)`;
    return { findings: [finding(authorised.path, CODES.PORT_NAME_WEAK, 'warning', msg, 0.6, holder)], comparison: c };
  }
  return { findings: [], comparison: c };
}

// The name on record the authorised name is closest to (an account may list several).
function bestMatch(authorised: string, names: readonly string[]): { holder: string; comparison: NameComparison } | undefined {
  let best: { holder: string; comparison: NameComparison } | undefined;
  for (const holder of names) {
    const comparison = compareNames(authorised, holder);
    if (best === undefined || comparison.similarity > best.comparison.similarity) best = { holder, comparison };
  }
  return best;
}
