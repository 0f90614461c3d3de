import { FEATURE_NAMES } from '../../validation/feature-names.js';

/** Order types recognised from what the client sent; anything else is `other`. */
export const ORDER_KINDS = ['new-activation', 'port-in', 'plan-change', 'feature-change', 'move', 'disconnect', 'other'] as const;
/** Product families recognised from product offering ids; anything else is `other`. */
export const PRODUCT_FAMILIES = ['fiber', 'dsl', 'mobile', 'voip', 'dia', 'iptv', 'other'] as const;
/** Sales channels recognised from the order's channel reference; anything else is `other`. */
export const SALES_CHANNELS = ['web', 'retail', 'call-centre', 'partner', 'other'] as const;
/** Order categories. */
export const ORDER_CATEGORIES = ['residential', 'business', 'other'] as const;
/** US states (and DC) for the installation address; unknown or missing is `other`. */
export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD',
  'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'other',
] as const;

/** Finding-code families counted as features (prefix of the entry finding code). */
export const FINDING_FAMILIES = ['ADDR', 'PHONE', 'PORT', 'NOTE'] as const;

/** Features derived from the order itself (not from the entry validators). */
export const ORDER_FEATURES = [
  { name: 'orderKind', kind: 'categorical' },
  { name: 'family', kind: 'categorical' },
  { name: 'channel', kind: 'categorical' },
  { name: 'category', kind: 'categorical' },
  { name: 'state', kind: 'categorical' },
  { name: 'weekday', kind: 'categorical' },
  { name: 'hour', kind: 'numeric' },
  { name: 'dayOfMonth', kind: 'numeric' },
  { name: 'monthEnd', kind: 'numeric' },
  { name: 'leadDays', kind: 'numeric' },
  { name: 'itemCount', kind: 'numeric' },
  { name: 'addItems', kind: 'numeric' },
  { name: 'modifyItems', kind: 'numeric' },
  { name: 'deleteItems', kind: 'numeric' },
  { name: 'equipmentItems', kind: 'numeric' },
  { name: 'characteristicCount', kind: 'numeric' },
  { name: 'noteCount', kind: 'numeric' },
  { name: 'hasSeller', kind: 'numeric' },
  { name: 'hasBillingAccount', kind: 'numeric' },
  { name: 'findingCount', kind: 'numeric' },
  ...FINDING_FAMILIES.map((f) => ({ name: `findings${f}`, kind: 'numeric' as const })),
] as const satisfies readonly { name: string; kind: 'numeric' | 'categorical' }[];

/** Every feature the fallout model sees, in column order: order features, then the validators' features. */
export const FALLOUT_FEATURES: readonly { readonly name: string; readonly kind: 'numeric' | 'categorical' }[] = [
  ...ORDER_FEATURES,
  ...FEATURE_NAMES.map((name) => ({ name, kind: name === 'phoneType' ? ('categorical' as const) : ('numeric' as const) })),
];

/** Index of each feature by name. */
export const FEATURE_INDEX: ReadonlyMap<string, number> = new Map(FALLOUT_FEATURES.map((f, i) => [f.name, i]));

/** Categorical vocabularies by feature name, to print values in explanations. */
export const FEATURE_VOCABULARIES = { orderKind: ORDER_KINDS, family: PRODUCT_FAMILIES, channel: SALES_CHANNELS, state: US_STATES } as const;
