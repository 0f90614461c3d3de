import type { ProductOrder } from '../../domain/order/product-order.js';
import { customerOf } from '../../domain/order/product-order.js';
import { FEATURES } from '../feature-names.js';
import { CODES } from '../finding-codes.js';
import { finding, type CheckResult, type Finding } from '../finding.js';
import type { ItemView } from '../item-view.js';
import { CHARACTERISTIC } from '../order-vocabulary.js';
import { compareNames, type NameComparison } from '../party/name-similarity.js';
import { partyKindOf } from '../party/party-kind.js';
import type { AccountLookup } from '../validation-context.js';
import { isPortIn, isWireless } from './port-in-item.js';

/** Below this name similarity a carrier will reject the port. */
export const NAME_MISMATCH_BELOW = 0.8;
/** Below this (and above the mismatch cut-off) the name is worth a second look. */
export const NAME_WEAK_BELOW = 0.92;

const ACCOUNT_NUMBER = /^[A-Za-z0-9][A-Za-z0-9 ./-]{2,29}$/;
const PIN = /^[A-Za-z0-9]{4,15}$/;

/** Checks every port-in item: required fields, their shape, and the authorised name against the account. */
export function checkPortIns(order: Pick<ProductOrder, 'relatedParty'>, items: readonly ItemView[], lookup?: AccountLookup): CheckResult {
  const findings: Finding[] = [];
  const comparisons: NameComparison[] = [];
  let missingCount = 0;
  const ports = items.filter(isPortIn);
  for (const item of ports) {
    const missing = missingFields(item);
    missingCount += missing.length;
    if (missing.length > 0) {
      findings.push(finding(item.path, CODES.PORT_FIELDS_MISSING, 'blocking', `Port-in is missing ${missing.join(', ')}`, 0.97));
    }
    findings.push(...malformedFields(item));
    const name = compareAuthorisedName(order, item, lookup);
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

function missingFields(item: ItemView): string[] {
  const need: string[] = [CHARACTERISTIC.msisdn, CHARACTERISTIC.portingAuthorisationName, CHARACTERISTIC.portingAccountNumber];
  // Wireless carriers almost always require a port-out PIN; wireline only when the customer set one.
  if (isWireless(item)) need.push(CHARACTERISTIC.portingPin);
  return need.filter((name) => !item.characteristics.has(name));
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
  lookup: AccountLookup | undefined,
): { findings: Finding[]; comparison?: NameComparison } {
  const authorised = item.characteristics.get(CHARACTERISTIC.portingAuthorisationName);
  if (authorised === undefined) return { findings: [] };
  const customer = customerOf(order);
  const record = lookup?.({
    ...(customer?.id === undefined ? {} : { customerId: customer.id }),
    ...optional('msisdn', item.characteristics.get(CHARACTERISTIC.msisdn)?.value),
    ...optional('losingCarrier', item.characteristics.get(CHARACTERISTIC.losingCarrier)?.value),
    ...optional('accountNumber', item.characteristics.get(CHARACTERISTIC.portingAccountNumber)?.value),
  });
  const holder = record?.holderName ?? customer?.name;
  if (holder === undefined) return { findings: [] };
  const source = record === undefined ? "the order's customer" : 'the account holder';
  const c = compareNames(authorised.value, holder);
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

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
