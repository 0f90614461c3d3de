/** Network kinds of losing carriers (VoIP carriers port like wireline). */
export const CARRIER_KINDS = ['wireless', 'wireline'] as const;
/** Whether a losing carrier is a wireless or a wireline/VoIP provider. */
export type CarrierKind = (typeof CARRIER_KINDS)[number];

/** Matching strictness levels of a losing carrier (porting reference §12.3), loosest first. */
export const STRICTNESS_LEVELS = ['LENIENT', 'ADDRESS_NORMALIZED', 'NORMALIZED', 'EXACT'] as const;
/** How strictly a losing carrier compares port request data with its records. */
export type StrictnessLevel = (typeof STRICTNESS_LEVELS)[number];

/** A losing (donor) carrier that customers port numbers away from. */
export interface LosingCarrier {
  readonly id: string;
  readonly name: string;
  readonly kind: CarrierKind;
  readonly strictness: StrictnessLevel;
  /** Latent strictness 0..1 used on the port-fallout logit (s_c = c/7). */
  readonly strictnessScore: number;
  /** Share of port-ins that come from this carrier. */
  readonly marketShare: number;
  /** Suggested behaviour profile of the carrier simulator (porting reference §13.4). */
  readonly profile: string;
  readonly spid: string;
  /** Requires a PIN/passcode on port requests. */
  readonly requiresPin: boolean;
}

const ROWS: readonly (readonly [string, CarrierKind, number, string, boolean])[] = [
  ['Apex Wireless', 'wireless', 0.28, 'wireless_major_auto', true],
  ['Meridian Mobile', 'wireless', 0.22, 'wireless_major_auto', true],
  ['Keystone Telephone', 'wireline', 0.16, 'wireline_ilec_gateway', false],
  ['Coastal Cable Voice', 'wireline', 0.1, 'cable_voip_class1', false],
  ['Nimbus Mobile', 'wireless', 0.08, 'wireless_mvno', true],
  ['Heartland Bell', 'wireline', 0.07, 'wireline_ilec_gateway', false],
  ['Pinnacle Local Exchange', 'wireline', 0.05, 'wireline_clec_manual', false],
  ['VoxLine Networks', 'wireline', 0.04, 'voip_reseller_class3', true],
];

/** The eight losing carriers, strictness rising with the index (fixed, not seeded). */
export const LOSING_CARRIERS: readonly LosingCarrier[] = ROWS.map(([name, kind, marketShare, profile, requiresPin], c) => ({
  id: `CAR-${c}`,
  name,
  kind,
  strictness: STRICTNESS_LEVELS[Math.floor(c / 2)] ?? 'EXACT',
  strictnessScore: c / 7,
  marketShare,
  profile,
  spid: String(5100 + c * 37),
  requiresPin,
}));

/** The simple list the porting side uses: id, name, kind and strictness. */
export function losingCarrierList(): { id: string; name: string; kind: CarrierKind; strictness: StrictnessLevel }[] {
  return LOSING_CARRIERS.map(({ id, name, kind, strictness }) => ({ id, name, kind, strictness }));
}

/** The carriers of one kind. */
export function carriersOfKind(kind: CarrierKind): readonly LosingCarrier[] {
  return LOSING_CARRIERS.filter((c) => c.kind === kind);
}
