/** What recording an effect did: applied now, or refused because its key was already applied. */
export const RECORD_OUTCOMES = ['applied', 'duplicate'] as const;
/** Outcome of `EffectLedger.record`. */
export type RecordOutcome = (typeof RECORD_OUTCOMES)[number];

/** One side effect a southbound system applied, under the idempotency key of the call that caused it. */
export interface AppliedEffect {
  readonly key: string;
  /** The system that applied it (inventory, hlr, activation, billing, ...). */
  readonly system: string;
  /** The operation, e.g. `reserveSim`. */
  readonly operation: string;
  /** What the first call returned (and every repeat of the key returns). */
  readonly effect: Readonly<Record<string, unknown>>;
  /** Simulated time it was applied (ms). */
  readonly appliedAt: number;
}

/** Effects applied per system and the independent duplicate check. */
export interface EffectReport {
  /** Effects applied per system, from the append-only journal. */
  readonly applied: Readonly<Record<string, number>>;
  readonly totalApplied: number;
  /** Applications beyond the first of one key, counted in the journal: must always be 0. */
  readonly duplicates: number;
  /** Up to 20 keys applied more than once. */
  readonly duplicateKeys: readonly string[];
  /** Attempts to record an already applied key that the ledger refused (repeats caught in time). */
  readonly refused: number;
}

/**
 * The ledger of side effects applied by southbound systems, one per idempotency key. A system
 * records before it applies, and applies only on `applied`; a repeated key gets the first result.
 */
export interface EffectLedger {
  /** Records an effect under its key, atomically: `applied` the first time, `duplicate` after. */
  record(key: string, system: string, operation: string, effect: Readonly<Record<string, unknown>>): Promise<RecordOutcome>;
  /** The effect recorded under a key, or undefined. */
  lookup(key: string): Promise<AppliedEffect | undefined>;
  /** Counts per system and the duplicate check. */
  report(): Promise<EffectReport>;
}
