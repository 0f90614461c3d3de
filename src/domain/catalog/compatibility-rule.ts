/**
 * A compatibility rule: the offering may not be on the same line (same base product, same bundle)
 * as any of the excluded offerings. The rule is symmetric.
 */
export interface CompatibilityRule {
  readonly id: string;
  readonly productOfferingId: string;
  readonly excludes: readonly string[];
  /** Why, in words a sales agent understands. */
  readonly reason: string;
  /** What to do instead. */
  readonly suggestion?: string;
}
