import type { Channel } from '../world/index.js';

/** Fallout causes, in pipeline order (the order they surface in provisioning). */
export const CAUSES = ['credit', 'address', 'incompat', 'inventory', 'port', 'timeout', 'human'] as const;
/** A fallout cause. */
export type Cause = (typeof CAUSES)[number];

/** Order types the generator produces. */
export const ORDER_TYPES = ['new-activation', 'port-in', 'plan-change', 'feature-change', 'move', 'disconnect'] as const;
/** A business order type. */
export type OrderType = (typeof ORDER_TYPES)[number];

/** Address entry defects, as they appear in the body. */
export const ADDRESS_DEFECTS = ['missing-unit', 'wrong-zip-city', 'wrong-zip-state', 'misspelt-street', 'misspelt-city', 'po-box', 'swapped-street-number'] as const;
/** One kind of address entry defect. */
export type AddressDefect = (typeof ADDRESS_DEFECTS)[number];

/** Port data that does not match the losing carrier's record. */
export const PORT_MISMATCHES = ['name', 'account-number', 'pin', 'zip', 'tn'] as const;
/** One kind of port data mismatch. */
export type PortMismatch = (typeof PORT_MISMATCHES)[number];

/** Entry or handling errors with no signal in the order (the irreducible cause). */
export const HUMAN_ERRORS = ['wrong-plan-keyed', 'duplicate-submission', 'wrong-date-promised', 'missed-callback'] as const;
/** One kind of human error. */
export type HumanError = (typeof HUMAN_ERRORS)[number];

/** The latent state behind one order: what is really wrong with it. Never part of the order body. */
export interface OrderLatents {
  readonly newCustomer: boolean;
  readonly creditScore: number;
  readonly mdu: boolean;
  readonly addressDefects: readonly AddressDefect[];
  readonly skuId?: string;
  readonly stockOnHand?: number;
  readonly legacyStack: boolean;
  /** Provisioning load 0..1 at submission (hour of day, month end). */
  readonly load: number;
  /** Hidden incompatibility id the order breaks, if any. */
  readonly incompatibility?: string;
  readonly portCarrierId?: string;
  readonly portMismatches: readonly PortMismatch[];
  readonly nameMismatch: boolean;
  readonly phoneInvalid: boolean;
  readonly logErrorPropensity: number;
  readonly riskyNote: boolean;
  readonly humanError?: HumanError;
  readonly addOns: number;
  readonly lines: number;
}

/** The hidden truth of one generated order, keyed by the body's externalId. */
export interface OrderTruth {
  /** Equals the body's `externalId`. */
  readonly orderKey: string;
  readonly orderType: OrderType;
  readonly customerId: string;
  readonly regionId: string;
  readonly channel: Channel;
  readonly repId?: string;
  readonly family: string;
  readonly submitAt: string;
  readonly month: number;
  readonly monthEnd: boolean;
  readonly leadDays: number;
  /** Every cause that fired, in pipeline order. */
  readonly causes: readonly Cause[];
  /** The first cause in pipeline order: the label a close code would carry. */
  readonly firstCause?: Cause;
  readonly fallout: boolean;
  /** Probability that each cause fires, given the latents. */
  readonly probabilities: Readonly<Record<Cause, number>>;
  readonly latent: OrderLatents;
}
