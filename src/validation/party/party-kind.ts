import { BoundedCache } from '../bounded-cache.js';

/** Whether a party is a person or an organisation. */
export const PARTY_KINDS = ['individual', 'business'] as const;
/** Kind of party named on an order or account. */
export type PartyKind = (typeof PARTY_KINDS)[number];

const LEGAL_FORMS = /\b(inc|incorporated|llc|l l c|llp|lllp|pllc|ltd|limited|corp|corporation|co|company|plc|pc|pa|lp|gmbh|na|assn|association)\b\.?$/;
const BUSINESS_WORDS = new RegExp(
  '\\b(group|holdings|services|solutions|associates|partners|enterprises|industries|international|systems|technologies|' +
    'consulting|consultants|church|school|academy|university|college|hospital|clinic|medical|dental|pharmacy|restaurant|' +
    'cafe|bakery|bank|credit union|insurance|realty|properties|management|construction|plumbing|electric|motors|auto|' +
    'salon|studio|market|store|shop|foundation|trust|fund|agency|office|department|county|city of|state of|hotel|inn|' +
    'law firm|and sons|& sons|brothers|bros|logistics|transport|farms?|ranch|labs?|laboratories|media|design|marketing)\\b',
);

const KINDS = new BoundedCache<PartyKind>(50_000);
const BUSINESS_NAMES = new BoundedCache<string>(50_000);

/** Business or individual, from legal-form suffixes and business words in the name. */
export function partyKindOf(name: string, referredType?: string): PartyKind {
  const t = (referredType ?? '').toLowerCase();
  if (t === 'organization' || t === 'organisation') return 'business';
  if (t === 'individual') return 'individual';
  return KINDS.get(name, kindFromWords);
}

function kindFromWords(name: string): PartyKind {
  const n = name.toLowerCase().replace(/[.,]/g, '').replace(/\s+/g, ' ').trim();
  return LEGAL_FORMS.test(n) || BUSINESS_WORDS.test(n) ? 'business' : 'individual';
}

/** A business name normalised for comparison: lower case, no punctuation, legal form and "the" dropped. */
export function normaliseBusinessName(name: string): string {
  return BUSINESS_NAMES.get(name, normaliseUncached);
}

function normaliseUncached(name: string): string {
  let n = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9 ]/g, ' ');
  n = n.replace(/\s+/g, ' ').trim().replace(/^the /, '');
  for (let i = 0; i < 2; i++) n = n.replace(LEGAL_FORMS, '').trim();
  return n;
}
