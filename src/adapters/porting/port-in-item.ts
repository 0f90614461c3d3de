import { normTn } from '../../domain/porting/normalisation.js';
import type { PortInCustomer } from './porting-carrier.js';

/** Names of the port-in item's account characteristics (catalog: ps-number-port-in). */
export const PORT_IN_ACCOUNT_CHARACTERISTICS = {
  additionalNumbers: 'portingAdditionalNumbers',
  billingNumber: 'portingBillingNumber',
  remainingNumbers: 'portingRemainingNumbers',
  newBillingNumber: 'portingNewBillingNumber',
} as const;

type AccountDetails = Pick<PortInCustomer, 'btn' | 'additionalTns' | 'remainingTnDisposition' | 'newBtn'>;

const DISPOSITIONS = { keep: 'KEEP_WITH_OLD_PROVIDER', disconnect: 'DISCONNECT' } as const;

function text(chars: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const v = chars[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

// a number the carrier would not take is kept as entered: the port request's validation names it
function tn(raw: string): string {
  return normTn(raw) ?? raw;
}

/**
 * What a port-in item says of the account at the losing carrier: its billing number, the other
 * numbers that move with it, and for a partial port what happens to the numbers that stay.
 */
export function portInAccountDetails(chars: Readonly<Record<string, unknown>>): AccountDetails {
  const c = PORT_IN_ACCOUNT_CHARACTERISTICS;
  const btn = text(chars, c.billingNumber);
  const newBtn = text(chars, c.newBillingNumber);
  const remaining = text(chars, c.remainingNumbers)?.toLowerCase();
  const disposition = remaining === 'keep' || remaining === 'disconnect' ? DISPOSITIONS[remaining] : undefined;
  const more = (text(chars, c.additionalNumbers) ?? '').split(/[,;]/).map((x) => x.trim()).filter((x) => x !== '').map(tn);
  return {
    ...(btn === undefined ? {} : { btn: tn(btn) }),
    ...(more.length === 0 ? {} : { additionalTns: more }),
    ...(disposition === undefined ? {} : { remainingTnDisposition: disposition }),
    ...(newBtn === undefined ? {} : { newBtn: tn(newBtn) }),
  };
}
