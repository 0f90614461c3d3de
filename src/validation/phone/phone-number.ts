import { BoundedCache } from '../bounded-cache.js';
import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/max';

/** How a phone number's length compares to its numbering plan. */
export const PHONE_LENGTH_RESULTS = ['ok', 'short', 'long', 'invalid'] as const;
/** Length verdict of a phone number. */
export type PhoneLength = (typeof PHONE_LENGTH_RESULTS)[number];

/** What Provisio knows about one phone number after parsing it with full metadata. */
export interface PhoneAssessment {
  readonly raw: string;
  readonly length: PhoneLength;
  /** Valid per the numbering plan's digit patterns (libphonenumber max metadata). */
  readonly valid: boolean;
  /** E.164 form, when the input parsed. */
  readonly e164?: string;
  /** libphonenumber type: MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, TOLL_FREE, PREMIUM_RATE, VOIP, ... */
  readonly type?: string;
  /** ISO region of the number (US, CA, PR, ...). */
  readonly region?: string;
}

/** Number types that cannot be ported in as a subscriber line. */
export const NON_PORTABLE_TYPES: ReadonlySet<string> = new Set(['TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'UAN', 'VOICEMAIL', 'PAGER']);

/** US regions a US operator can port from: the states and the NANP territories it serves. */
export const PORTABLE_REGIONS: ReadonlySet<string> = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP']);

// A US number written in one of the usual ways: (512) 555-0147, 512-555-0147, +1 512 555 0147, 5125550147.
const NANP_WRITTEN = /^\s*(?:\+?1[\s.-]?)?\(?(\d{3})\)?[\s.-]?(\d{3})[\s.-]?(\d{4})\s*$/;
const exchangeVerdicts = new Map<string, { type?: string; region?: string }>();
// The same number comes back on every order of a customer (contact numbers, re-submitted orders).
const ASSESSED = new BoundedCache<PhoneAssessment>(50_000);

/**
 * Parses and classifies a phone number; national numbers are read as `defaultRegion` (US).
 * Valid US numbers are classified by area code and exchange (NPA-NXX), which is all the NANP
 * metadata looks at, so each exchange is parsed with full metadata once and then remembered.
 */
export function assessPhone(raw: string, defaultRegion: CountryCode = 'US'): PhoneAssessment {
  return ASSESSED.get(`${defaultRegion}|${raw}`, () => assessUncached(raw, defaultRegion));
}

function assessUncached(raw: string, defaultRegion: CountryCode): PhoneAssessment {
  const nanp = defaultRegion === 'US' ? NANP_WRITTEN.exec(raw) : null;
  if (nanp !== null) {
    const exchange = `${nanp[1] ?? ''}${nanp[2] ?? ''}`;
    const known = exchangeVerdicts.get(exchange);
    if (known !== undefined) return { raw, length: 'ok', valid: true, e164: `+1${exchange}${nanp[3] ?? ''}`, ...known };
    const full = assessWithMetadata(raw, defaultRegion);
    if (full.valid && full.e164 === `+1${exchange}${nanp[3] ?? ''}`) {
      if (exchangeVerdicts.size > 100_000) exchangeVerdicts.clear();
      exchangeVerdicts.set(exchange, { ...(full.type === undefined ? {} : { type: full.type }), ...(full.region === undefined ? {} : { region: full.region }) });
    }
    return full;
  }
  return assessWithMetadata(raw, defaultRegion);
}

function assessWithMetadata(raw: string, defaultRegion: CountryCode): PhoneAssessment {
  const parsed = parsePhoneNumberFromString(raw, defaultRegion);
  // The length verdict is only needed to explain a number that did not validate.
  if (parsed?.isValid() === true) {
    const type = parsed.getType();
    const region = parsed.country;
    return { raw, length: 'ok', valid: true, e164: parsed.number, ...(type === undefined ? {} : { type }), ...(region === undefined ? {} : { region }) };
  }
  const lengthResult = validatePhoneNumberLength(raw, defaultRegion);
  const length: PhoneLength =
    lengthResult === undefined ? 'invalid' : lengthResult === 'TOO_SHORT' ? 'short' : lengthResult === 'TOO_LONG' ? 'long' : 'invalid';
  return { raw, length, valid: false, ...(parsed === undefined ? {} : { e164: parsed.number }) };
}
