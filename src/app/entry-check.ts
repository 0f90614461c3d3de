import type { EntryFinding } from '../domain/order/order-draft.js';
import type { ProductOrder } from '../domain/order/product-order.js';

/** What one entry check reports about a submitted order. */
export interface EntryCheckResult {
  readonly findings: readonly EntryFinding[];
  /** Numeric features for the fallout model. */
  readonly features?: Readonly<Record<string, number>>;
}

/** A business check run on every submitted order before it is accepted (catalog, validation rules). */
export type EntryCheck = (candidate: ProductOrder) => EntryCheckResult;

/** Runs every check on the candidate and merges what they found. */
export function runEntryChecks(checks: readonly EntryCheck[], candidate: ProductOrder): Required<EntryCheckResult> {
  const findings: EntryFinding[] = [];
  const features: Record<string, number> = {};
  for (const check of checks) {
    const result = check(candidate);
    findings.push(...result.findings);
    if (result.features) Object.assign(features, result.features);
  }
  return { findings, features };
}
