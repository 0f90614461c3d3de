import type { ProductFamily } from './cpe-stock.js';

/** Catalog offering ids of the base plans of each family, lowest tier first (upgrade = next). */
export const PLAN_LADDERS: Readonly<Record<ProductFamily, readonly string[]>> = {
  mobile: ['po-mobile-plan-talk-text', 'po-mobile-plan-5gb', 'po-mobile-plan-20gb', 'po-mobile-plan-50gb', 'po-mobile-plan-unlimited'],
  fiber: ['po-fiber-300', 'po-fiber-500', 'po-fiber-1g'],
  dsl: ['po-dsl-25', 'po-dsl-100'],
  voip: ['po-voip-line'],
  iptv: ['po-iptv-basic', 'po-iptv-premium'],
  dia: ['po-dia-100'],
};

/** Offerings withdrawn from sale that existing customers may still hold. */
export const LEGACY_PLANS: Readonly<Partial<Record<ProductFamily, string>>> = {
  mobile: 'po-mobile-plan-10gb-legacy',
  dsl: 'po-dsl-8',
};

/** Add-on offerings per family (features that can be added or removed on a live product). */
export const ADD_ONS: Readonly<Partial<Record<ProductFamily, readonly string[]>>> = {
  mobile: ['po-addon-voicemail', 'po-addon-intl-roaming', 'po-addon-intl-calling', 'po-addon-data-boost-5gb'],
  fiber: ['po-static-ip'],
  dsl: ['po-static-ip'],
  dia: ['po-static-ip'],
};

/** Offering ids of the bundles. */
export const BUNDLES = { homeTrio: 'po-bundle-home-trio', mobileStarter: 'po-bundle-mobile-starter' } as const;

/** Equipment and number offerings. */
export const EQUIPMENT = {
  sim: 'po-sim-physical',
  esim: 'po-esim',
  newNumber: 'po-mobile-number',
  portIn: 'po-number-port-in',
  router: 'po-cpe-router-wifi6',
} as const;

/**
 * A compatibility fact the network enforces at design time but the catalog does not state, so an
 * order that breaks it passes entry and falls out later (cause `incompat`).
 */
export interface HiddenIncompatibility {
  readonly id: string;
  readonly offeringIds: readonly [string, string];
  readonly reason: string;
}

/** The hidden incompatibilities of the world. */
export const HIDDEN_INCOMPATIBILITIES: readonly HiddenIncompatibility[] = [
  { id: 'hi-roaming-intl-calling', offeringIds: ['po-addon-intl-roaming', 'po-addon-intl-calling'], reason: 'Roaming Pass and World Calling share one HLR service slot on the legacy profile.' },
  { id: 'hi-static-ip-dsl25', offeringIds: ['po-static-ip', 'po-dsl-25'], reason: 'ADSL2+ ports on the old DSLAMs cannot carry a static IP.' },
  { id: 'hi-premium-tv-dsl100', offeringIds: ['po-iptv-premium', 'po-dsl-100'], reason: 'TV Premium with two or more boxes exceeds the VDSL2 line budget.' },
  { id: 'hi-voicemail-talk-text', offeringIds: ['po-addon-voicemail', 'po-mobile-plan-talk-text'], reason: 'Visual voicemail needs a data bearer.' },
];

/** The hidden incompatibility two offerings break, if any. */
export function hiddenIncompatibility(a: string, b: string): HiddenIncompatibility | undefined {
  return HIDDEN_INCOMPATIBILITIES.find((h) => (h.offeringIds[0] === a && h.offeringIds[1] === b) || (h.offeringIds[0] === b && h.offeringIds[1] === a));
}

/** The family a base plan offering belongs to. */
export function familyOfPlan(offeringId: string): ProductFamily | undefined {
  for (const [family, ladder] of Object.entries(PLAN_LADDERS)) {
    if (ladder.includes(offeringId) || LEGACY_PLANS[family as ProductFamily] === offeringId) return family as ProductFamily;
  }
  return undefined;
}
