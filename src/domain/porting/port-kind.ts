/** Regulatory port kinds (porting.md §4). */
export const PORT_KINDS = [
  'WIRELESS',
  'WIRELINE_SIMPLE',
  'WIRELINE_NON_SIMPLE',
  'INTERMODAL_SIMPLE',
  'INTERMODAL_NON_SIMPLE',
] as const;
/** A regulatory port kind. */
export type PortKind = (typeof PORT_KINDS)[number];

/** Network technology of a provider, for port-kind determination. */
export const NETWORK_TYPES = ['WIRELESS', 'WIRELINE', 'VOIP'] as const;
/** Network technology of a provider. */
export type NetworkType = (typeof NETWORK_TYPES)[number];

/** Line features that make a port non-simple (complex translations, other services on the loop). */
export const NON_SIMPLE_FEATURES = ['DSL', 'CENTREX', 'ISDN', 'DID', 'AIN', 'REMOTE_CALL_FORWARDING', 'HUNT', 'UNE'] as const;

/** A requested or confirmed due date: a local date for wireline/intermodal, an instant for wireless. */
export type DueSpec =
  | { readonly kind: 'DATE'; readonly date: string }
  | { readonly kind: 'DATETIME'; readonly at: string };

/** True for the kinds that use the wireline LSR/FOC exchange and date-only due dates. */
export function usesLsr(kind: PortKind): boolean {
  return kind !== 'WIRELESS';
}

/** True for the simple kinds (1 business day interval). */
export function isSimpleKind(kind: PortKind): boolean {
  return kind === 'WIRELINE_SIMPLE' || kind === 'INTERMODAL_SIMPLE';
}

/** What the classifier needs to know about a port. */
export interface ClassificationInput {
  readonly newNetwork: NetworkType;
  readonly oldNetwork: NetworkType;
  /** Features per line being ported. */
  readonly lineFeatures: readonly (readonly string[])[];
  /** Lines on the losing account (all of them, not only those that move). */
  readonly accountLineCount: number;
  readonly resellerInvolved: boolean;
  readonly usesUnbundledElements?: boolean;
}

/** A classification with the reasons shown to the coordinator. */
export interface Classification {
  readonly kind: PortKind;
  readonly simple: boolean;
  readonly why: readonly string[];
}

/** Classifies a port as wireless, wireline or intermodal, simple or non-simple (§4). */
export function classifyPort(input: ClassificationInput): Classification {
  const wirelessNew = input.newNetwork === 'WIRELESS';
  const wirelessOld = input.oldNetwork === 'WIRELESS';
  if (wirelessNew && wirelessOld) return { kind: 'WIRELESS', simple: true, why: ['both network providers are wireless'] };
  const why: string[] = [];
  if (input.accountLineCount > 1) why.push(`account has ${input.accountLineCount} lines`);
  if (input.resellerInvolved) why.push('a reseller is involved');
  if (input.usesUnbundledElements === true) why.push('unbundled network elements');
  const complex = new Set<string>(NON_SIMPLE_FEATURES);
  for (const features of input.lineFeatures) {
    for (const f of features) if (complex.has(f.toUpperCase())) why.push(`feature ${f.toUpperCase()} on the line`);
  }
  const simple = why.length === 0;
  const intermodal = wirelessNew !== wirelessOld;
  if (intermodal) why.unshift('wireline/VoIP and wireless on opposite sides');
  const kind: PortKind = intermodal
    ? simple ? 'INTERMODAL_SIMPLE' : 'INTERMODAL_NON_SIMPLE'
    : simple ? 'WIRELINE_SIMPLE' : 'WIRELINE_NON_SIMPLE';
  if (simple) why.push('single line, no complex features, no reseller');
  return { kind, simple, why };
}
