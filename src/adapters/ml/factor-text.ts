import { CAUSE_LABELS, type FalloutCause } from '../../domain/fallout/fallout-cause.js';

/** Business description of a feature and the cause it mostly speaks to. */
interface FeatureWording {
  readonly label: string;
  readonly cause?: FalloutCause;
  /** Categorical vocabulary, to print the value instead of its code. */
  readonly values?: readonly string[];
}

const WORDING: Readonly<Record<string, FeatureWording>> = {
  nameSimToCSR: { label: 'port-in name similarity', cause: 'port' },
  nameMetaphoneMatch: { label: 'port-in name sounds alike', cause: 'port' },
  portFieldsMissing: { label: 'missing port-in fields', cause: 'port' },
  portIn: { label: 'number port-in', cause: 'port' },
  portLines: { label: 'lines to port', cause: 'port' },
  phoneInvalid: { label: 'invalid phone number', cause: 'port' },
  addrScore: { label: 'address match score', cause: 'address' },
  addrParseOk: { label: 'address parsed', cause: 'address' },
  unitMissing: { label: 'apartment unit missing', cause: 'address' },
  unitLikelyMissing: { label: 'apartment unit likely missing', cause: 'address' },
  zipCityMismatch: { label: 'ZIP/city mismatch', cause: 'address' },
  zipStateMismatch: { label: 'ZIP/state mismatch', cause: 'address' },
  streetSim: { label: 'street name similarity', cause: 'address' },
  findingsADDR: { label: 'address findings', cause: 'address' },
  findingsPORT: { label: 'port-in findings', cause: 'port' },
  noteRiskFlags: { label: 'risky order notes', cause: 'human' },
  noteLen: { label: 'note length', cause: 'human' },
  leadDays: { label: 'days to requested start', cause: 'human' },
  hour: { label: 'hour of entry', cause: 'timeout' },
  monthEnd: { label: 'month-end entry', cause: 'inventory' },
  equipmentItems: { label: 'equipment items', cause: 'inventory' },
  itemCount: { label: 'order items', cause: 'incompat' },
  characteristicCount: { label: 'product options', cause: 'incompat' },
  state: { label: 'installation state', cause: 'timeout' },
  hasBillingAccount: { label: 'existing billing account', cause: 'credit' },
};

function formatValue(value: number | null, values?: readonly string[]): string {
  if (value === null) return 'not applicable';
  if (values) return values[value] ?? `code ${value}`;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/**
 * One explanation factor in business words, e.g. "port-in name similarity 0.71 raises port risk".
 * `cause` is the cause the factor is credited to (the feature's own, or the order's top cause).
 */
export function factorText(feature: string, value: number | null, contribution: number, topCause: FalloutCause, vocab?: readonly string[]): string {
  const w = WORDING[feature];
  const label = w?.label ?? feature.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const cause = w?.cause ?? topCause;
  const direction = contribution >= 0 ? 'raises' : 'lowers';
  const risk = contribution >= 0 ? `${CAUSE_LABELS[cause]} risk` : 'fallout risk';
  return `${label} ${formatValue(value, w?.values ?? vocab)} ${direction} ${risk}`;
}
