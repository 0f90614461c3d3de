import type { CarrierCalendar } from './business-calendar.js';
import type { PostalAddress } from './normalisation.js';
import type { PortPolicy, PortTimer } from './port-policy.js';
import type { DueSpec, PortKind } from './port-kind.js';
import type { JeopardyCode, ReasonInstance } from './reason-code.js';
import { isFinalPortState, type LineState, type PortState, type SvStatus } from './port-state.js';

/** Customer data as entered (the "submitted" side of the three-way comparison). */
export interface PortCustomerData {
  readonly accountNumber?: string;
  readonly pin?: string;
  readonly ssnLast4?: string;
  readonly taxId?: string;
  readonly authorizedName: string;
  readonly businessName?: string;
  readonly serviceAddress: PostalAddress;
  readonly btn?: string;
}

/** The losing carrier's account record (CSR), when pulled. */
export interface AccountRecord {
  readonly accountNumber: string;
  readonly authorizedNames: readonly string[];
  readonly businessName?: string;
  readonly serviceAddress: PostalAddress;
  readonly btn?: string;
  readonly tns: readonly string[];
}

/** Network readiness steps per TN before activation (G-ACTIVATE). */
export const READINESS_STEPS = ['routing', 'e911', 'cnam', 'messaging'] as const;
/** A network readiness step. */
export type ReadinessStep = (typeof READINESS_STEPS)[number];

/** Post-port checks before COMPLETED (T27). */
export const POST_PORT_CHECKS = ['testCall', 'testSms', 'e911', 'cnam', 'messaging'] as const;
/** A post-port check. */
export type PostPortCheck = (typeof POST_PORT_CHECKS)[number];

/** Our view of one TN's subscription version in the clearinghouse. */
export interface LineSv {
  readonly svId?: string;
  readonly status: SvStatus;
  readonly concurred: boolean;
  /** T2 expired with the old SP silent: we may activate on the due date. */
  readonly activatable: boolean;
  readonly conflictCause?: number;
  readonly conflictSetAt?: string;
  readonly failedLsms?: readonly string[];
}

/** One telephone number of a port request. */
export interface PortLine {
  readonly tn: string;
  readonly isBtn: boolean;
  readonly features: readonly string[];
  readonly status: LineState;
  readonly sv?: LineSv;
  readonly activationAttempts: number;
  readonly activatedAt?: string;
  readonly readiness: Readonly<Record<ReadinessStep, boolean>>;
}

/** A jeopardy flag raised on the request. */
export interface Jeopardy {
  readonly code: JeopardyCode;
  readonly raisedAt: string;
  readonly detail: string;
}

/** A port sub-order towards one losing carrier: one line per TN, version +1 on every supplement. */
export interface PortRequest {
  readonly id: string;
  readonly pon: string;
  readonly version: number;
  readonly kind: PortKind;
  readonly state: PortState;
  readonly priorState?: PortState;
  readonly cancelInitiator?: 'NEW' | 'OLD';
  readonly carrierCancelAcked?: boolean;
  readonly losingCarrier: {
    readonly name: string;
    readonly spid: string;
    readonly profileId: string;
    /** The carrier's known account-number format ('#' digit, other characters literal), for automatic fixes. */
    readonly accountNumberPattern?: string;
  };
  readonly newProvider: { readonly spid: string; readonly companyCode: string; readonly lrn: string };
  readonly calendar: CarrierCalendar;
  readonly policy: PortPolicy;
  readonly submitted: PortCustomerData;
  readonly accountRecord?: AccountRecord;
  readonly partialPort: boolean;
  readonly remainingTnDisposition?: 'KEEP_WITH_OLD_PROVIDER' | 'DISCONNECT';
  readonly newBtn?: string;
  readonly requestedDue: DueSpec;
  readonly confirmedDue?: DueSpec;
  readonly lines: readonly PortLine[];
  readonly currentReasons: readonly ReasonInstance[];
  readonly jeopardies: readonly Jeopardy[];
  readonly timers: readonly PortTimer[];
  /** Idempotency keys of inbound messages already applied (bounded). */
  readonly seenKeys: readonly string[];
  readonly loa?: { readonly signer: string; readonly signedAt: string };
  readonly submittedAt?: string;
  readonly lastActivityAt: string;
  readonly portedAt?: string;
  readonly pinFailures: number;
  readonly autoCorrections: number;
  readonly postPort: Readonly<Record<PostPortCheck, boolean>>;
  readonly notes: readonly string[];
}

/** Inputs needed to start a port request in DRAFT. */
export interface NewPortRequest {
  readonly id: string;
  readonly pon: string;
  readonly kind: PortKind;
  readonly losingCarrier: PortRequest['losingCarrier'];
  readonly newProvider: PortRequest['newProvider'];
  readonly calendar: CarrierCalendar;
  readonly policy: PortPolicy;
  readonly submitted: PortCustomerData;
  readonly accountRecord?: AccountRecord;
  readonly lines: readonly { tn: string; isBtn?: boolean; features?: readonly string[] }[];
  readonly requestedDue: DueSpec;
  readonly partialPort?: boolean;
  readonly remainingTnDisposition?: PortRequest['remainingTnDisposition'];
  readonly newBtn?: string;
  readonly loa?: PortRequest['loa'];
  /** Readiness already done on every line (e.g. numbers pre-provisioned in our network). */
  readonly networkReady?: boolean;
}

const NOT_READY: Record<ReadinessStep, boolean> = { routing: false, e911: false, cnam: false, messaging: false };
const ALL_READY: Record<ReadinessStep, boolean> = { routing: true, e911: true, cnam: true, messaging: true };

/** Creates a port request in DRAFT, version 1. */
export function newPortRequest(input: NewPortRequest, now: number): PortRequest {
  const { lines, networkReady, ...rest } = input;
  return {
    ...rest,
    version: 1,
    state: 'DRAFT',
    partialPort: input.partialPort ?? false,
    lines: lines.map((l) => ({
      tn: l.tn, isBtn: l.isBtn ?? false, features: l.features ?? [], status: 'NEW', activationAttempts: 0,
      readiness: networkReady === true ? ALL_READY : NOT_READY,
    })),
    currentReasons: [],
    jeopardies: [],
    timers: [],
    seenKeys: [],
    lastActivityAt: new Date(now).toISOString(),
    pinFailures: 0,
    autoCorrections: 0,
    postPort: { testCall: false, testSms: false, e911: false, cnam: false, messaging: false },
    notes: [],
  };
}

/** Lines still part of the request (not removed or split off). */
export function liveLines(req: PortRequest): readonly PortLine[] {
  return req.lines.filter((l) => l.status !== 'REMOVED');
}

/**
 * States in which a request holds no number although it has not ended: PORTED (the numbers are ours,
 * only post-port checks remain), REJECTED (the carrier closed it; a correction resubmits it, and its
 * order's fallout case says so) and ACTIVATION_FAILED (given up).
 */
const HOLDS_NOTHING: readonly PortState[] = ['PORTED', 'REJECTED', 'ACTIVATION_FAILED'];

/** The numbers an open request holds (I6: one open port order per number): its live lines' while the port is live. */
export function heldNumbers(req: PortRequest): readonly string[] {
  return HOLDS_NOTHING.includes(req.state) || isFinalPortState(req.state) ? [] : [...new Set(liveLines(req).map((l) => l.tn))];
}
