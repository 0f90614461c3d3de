import { FEATURES, PHONE_TYPE_CODES } from '../feature-names.js';
import { CODES } from '../finding-codes.js';
import { finding, type CheckResult, type Finding } from '../finding.js';
import type { ItemView } from '../item-view.js';
import { CHARACTERISTIC } from '../order-vocabulary.js';
import { additionalPortNumbers, isPortIn } from '../port-in/port-in-item.js';
import { assessPhone, NON_PORTABLE_TYPES, PORTABLE_REGIONS, type PhoneAssessment } from './phone-number.js';

/** Which number on an item is being checked. */
type PhoneUse = 'port' | 'assigned' | 'contact';

/** Checks every msisdn and contact number: validity, length, and for ports a portable type and region. */
export function checkPhones(items: readonly ItemView[]): CheckResult {
  const findings: Finding[] = [];
  const assessed: { use: PhoneUse; a: PhoneAssessment }[] = [];
  const portedAt = new Map<string, string>();
  for (const item of items) {
    const msisdn = item.characteristics.get(CHARACTERISTIC.msisdn);
    if (msisdn !== undefined) {
      const use: PhoneUse = isPortIn(item) ? 'port' : 'assigned';
      const a = assessPhone(msisdn.value);
      assessed.push({ use, a });
      findings.push(...phoneFindings(a, use, msisdn.path));
      if (use === 'port' && a.e164 !== undefined) {
        const first = portedAt.get(a.e164);
        if (first !== undefined) {
          findings.push(finding(msisdn.path, CODES.PORT_DUPLICATE_NUMBER, 'blocking', `Number ${a.e164} is already ported in by ${first}`, 0.98));
        } else portedAt.set(a.e164, item.path);
      }
    }
    // A multi-line port's further numbers and its billing number fail the port as surely as a bad main
    // number (they are checked for findings only: the model's phone features stay those of the main numbers).
    if (isPortIn(item)) findings.push(...furtherPortNumberFindings(item, portedAt));
    const contact = item.characteristics.get(CHARACTERISTIC.contactNumber);
    if (contact !== undefined) {
      const a = assessPhone(contact.value);
      assessed.push({ use: 'contact', a });
      findings.push(...phoneFindings(a, 'contact', contact.path));
    }
  }
  return { findings, features: phoneFeatures(assessed) };
}

function furtherPortNumberFindings(item: ItemView, portedAt: Map<string, string>): Finding[] {
  const out: Finding[] = [];
  const further = item.characteristics.get(CHARACTERISTIC.portingAdditionalNumbers);
  const main = item.characteristics.get(CHARACTERISTIC.msisdn);
  const mainE164 = main === undefined ? undefined : assessPhone(main.value).e164;
  if (further !== undefined) {
    const seen = new Set<string>();
    for (const raw of additionalPortNumbers(item)) {
      const a = assessPhone(raw);
      const bad = phoneFindings(a, 'port', further.path);
      if (bad.length > 0) {
        out.push(...bad);
        continue;
      }
      // the main number repeated among the further ones, or one written twice, moves once: nothing to say
      if (a.e164 === undefined || a.e164 === mainE164 || seen.has(a.e164)) continue;
      seen.add(a.e164);
      const first = portedAt.get(a.e164);
      if (first !== undefined) {
        out.push(finding(further.path, CODES.PORT_DUPLICATE_NUMBER, 'blocking', `Number ${a.e164} is already ported in by ${first}`, 0.98));
      } else portedAt.set(a.e164, item.path);
    }
  }
  const btn = item.characteristics.get(CHARACTERISTIC.portingBillingNumber);
  if (btn !== undefined) {
    const a = assessPhone(btn.value);
    if (a.length !== 'ok' || !a.valid) {
      out.push(finding(btn.path, CODES.PHONE_INVALID, 'blocking', `The billing telephone number '${a.raw}' is not a valid phone number; the losing carrier matches it against the account`, 0.9));
    }
  }
  return out;
}

/** Findings for one assessed number used in a given role. */
export function phoneFindings(a: PhoneAssessment, use: PhoneUse, field: string): Finding[] {
  const what = use === 'port' ? 'number to port' : use === 'contact' ? 'contact number' : 'number';
  // A bad callback number delays a visit; a bad number to port or assign fails provisioning.
  const severity = use === 'contact' ? 'warning' : 'blocking';
  if (a.length === 'short') return [finding(field, CODES.PHONE_TOO_SHORT, severity, `The ${what} '${a.raw}' is too short`, 0.97)];
  if (a.length === 'long') return [finding(field, CODES.PHONE_TOO_LONG, severity, `The ${what} '${a.raw}' is too long`, 0.97)];
  if (!a.valid) return [finding(field, CODES.PHONE_INVALID, severity, `The ${what} '${a.raw}' is not a valid phone number`, 0.93)];
  if (use === 'port') return portabilityFindings(a, field);
  if (a.type !== undefined && (a.type === 'PREMIUM_RATE' || a.type === 'SHARED_COST')) {
    return [finding(field, CODES.PHONE_TYPE_UNEXPECTED, 'warning', `The ${what} ${a.e164 ?? a.raw} is a ${a.type.toLowerCase().replace('_', '-')} number`, 0.85)];
  }
  return [];
}

function portabilityFindings(a: PhoneAssessment, field: string): Finding[] {
  if (a.type !== undefined && NON_PORTABLE_TYPES.has(a.type)) {
    const kind = a.type.toLowerCase().replace('_', '-');
    return [finding(field, CODES.PHONE_NOT_PORTABLE, 'blocking', `${a.e164 ?? a.raw} is a ${kind} number and cannot be ported to a subscriber line`, 0.95)];
  }
  if (a.region !== undefined && !PORTABLE_REGIONS.has(a.region)) {
    return [finding(field, CODES.PHONE_NOT_PORTABLE, 'blocking', `${a.e164 ?? a.raw} is a ${a.region} number; only US numbers can be ported in`, 0.95)];
  }
  return [];
}

function phoneFeatures(list: readonly { use: PhoneUse; a: PhoneAssessment }[]): Record<string, number> {
  const main = list.find((x) => x.use === 'port') ?? list.find((x) => x.use === 'assigned') ?? list[0];
  return {
    [FEATURES.phoneCount]: list.length,
    [FEATURES.phoneInvalid]: list.some((x) => !x.a.valid) ? 1 : 0,
    [FEATURES.phoneLenCode]: Math.max(0, ...list.map((x) => lenCode(x.a.length))),
    [FEATURES.phoneType]: main === undefined ? PHONE_TYPE_CODES.NONE : typeCode(main.a),
    [FEATURES.phoneNotPortable]: list.some((x) => x.use === 'port' && x.a.valid && portabilityFindings(x.a, '').length > 0) ? 1 : 0,
  };
}

function lenCode(l: string): number {
  return l === 'short' ? 1 : l === 'long' ? 2 : 0;
}

function typeCode(a: PhoneAssessment): number {
  if (!a.valid) return PHONE_TYPE_CODES.INVALID;
  const t = a.type ?? 'OTHER';
  return t in PHONE_TYPE_CODES ? PHONE_TYPE_CODES[t as keyof typeof PHONE_TYPE_CODES] : PHONE_TYPE_CODES.OTHER;
}
