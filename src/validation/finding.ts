import type { FindingCode } from './finding-codes.js';

/** How strongly a finding stops an order: `blocking` refuses entry, the others inform. */
export const SEVERITIES = ['blocking', 'warning', 'info'] as const;
/** Severity of a validation finding. */
export type Severity = (typeof SEVERITIES)[number];

/** One validation finding. Validators report; domain rules decide what the order does with it. */
export interface Finding {
  /** JSON path in TMF622 terms, e.g. `productOrderItem[0].product.place[0].postcode`. */
  readonly field: string;
  readonly code: FindingCode;
  readonly severity: Severity;
  /** Human-readable, never carries a secret in clear. */
  readonly message: string;
  /** A proposed value; shown to a person or a playbook, never applied silently. */
  readonly suggestion?: string;
  /** 0..1: how sure the validator is that the finding is real. */
  readonly confidence: number;
}

/** Numeric features for the fallout model, keyed by the names in feature-names.ts. */
export type FeatureVector = Record<string, number>;

/** What one check returns: its findings and its share of the feature vector. */
export interface CheckResult {
  readonly findings: readonly Finding[];
  readonly features: FeatureVector;
}

/** Builds a finding, leaving `suggestion` out when there is none. */
export function finding(
  field: string,
  code: FindingCode,
  severity: Severity,
  message: string,
  confidence: number,
  suggestion?: string,
): Finding {
  const c = Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100;
  return suggestion === undefined
    ? { field, code, severity, message, confidence: c }
    : { field, code, severity, message, suggestion, confidence: c };
}
