/** Timers and thresholds of a port request, as data (porting.md §8); every value is configurable. */
export interface PortPolicy {
  /** Carrier response deadline for wireless requests (WPRR), minutes. */
  readonly wirelessResponseMinutes: number;
  /** Carrier response deadline for simple wireline requests, business hours. */
  readonly simpleResponseBusinessHours: number;
  /** Carrier response deadline for non-simple wireline requests, hours excluding non-business days. */
  readonly nonSimpleResponseHours: number;
  /** Fraction of the response window after which FOC_DUE_SOON is raised (under 25% left). */
  readonly focDueSoonFraction: number;
  readonly rejectAbandonDays: number;
  readonly suppFreezeHours: number;
  readonly cancelFreezeHours: number;
  readonly conflictNewSpRestrictionHours: number;
  readonly restrictedConflictCauses: readonly number[];
  readonly networkReadyLeadHours: number;
  readonly activationGraceDays: number;
  readonly pendingPurgeDays: number;
  readonly snapbackWindowHours: number;
  /** SvActivate attempts per line before the roll-up gives up. */
  readonly activationAttemptBudget: number;
  /** A confirmed date this many business days past the effective receipt exceeds any regulatory interval. */
  readonly exceedsRuleBusinessDays: number;
  /** PIN rejects on one request that raise FRAUD_SIGNAL. */
  readonly fraudPinFailures: number;
  /** Send a correction SUPP by itself when every reject reason has an automatic fix. */
  readonly autoCorrect: boolean;
  /** Activate by itself at the due time when G-ACTIVATE passes. */
  readonly autoActivate: boolean;
}

/** Project defaults for the porting policy. */
export const DEFAULT_PORT_POLICY: PortPolicy = {
  wirelessResponseMinutes: 30,
  simpleResponseBusinessHours: 4,
  nonSimpleResponseHours: 24,
  focDueSoonFraction: 0.75,
  rejectAbandonDays: 30,
  suppFreezeHours: 24,
  cancelFreezeHours: 48,
  conflictNewSpRestrictionHours: 6,
  restrictedConflictCauses: [50],
  networkReadyLeadHours: 4,
  activationGraceDays: 1,
  pendingPurgeDays: 30,
  snapbackWindowHours: 24,
  activationAttemptBudget: 3,
  exceedsRuleBusinessDays: 4,
  fraudPinFailures: 2,
  autoCorrect: true,
  autoActivate: true,
};

/** Names of the timers a port request runs; the engine stores them and fires them back. */
export const PORT_TIMERS = [
  'CARRIER_RESPONSE_DUE',
  'FOC_DUE_SOON',
  'DELAY_ANSWER_DUE',
  'REJECT_ABANDON',
  'NETWORK_READY_CHECK',
  'DUE_START',
  'DUE_PASSED',
  'PENDING_PURGE',
  'SNAPBACK_WINDOW_END',
] as const;
/** A port timer name. */
export type PortTimerName = (typeof PORT_TIMERS)[number];

/** A running deadline; it fires only if still present with the same version when `at` comes. */
export interface PortTimer {
  readonly name: PortTimerName;
  readonly at: string;
  readonly version: number;
}
