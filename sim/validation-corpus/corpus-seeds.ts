/**
 * Seeds of the validation evaluation corpus. Tuning seeds are the only ones tests, benchmarks and
 * threshold tuning may use; the holdout family is read only by `provisio validate evaluate --holdout`
 * to report numbers on data nothing was tuned on.
 */
export const TUNING_SEEDS = ['vc-tune-1', 'vc-tune-2', 'vc-tune-3'] as const;
/** Seeds kept apart from every test and every tuning run. */
export const HOLDOUT_SEEDS = ['vc-holdout-1', 'vc-holdout-2', 'vc-holdout-3'] as const;

/** The corpus seed for a user-given number: tuning seed `vc-tune-<n>` or holdout seed `vc-holdout-<n>`. */
export function corpusSeed(n: number, holdout: boolean): string {
  return holdout ? `vc-holdout-${n}` : `vc-tune-${n}`;
}

/** True for a seed of the holdout family. */
export function isHoldoutSeed(seed: string): boolean {
  return seed.startsWith('vc-holdout-');
}
