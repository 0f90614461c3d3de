import type { PostalAddress } from './normalisation.js';
import type { DueSpec, PortKind } from './port-kind.js';
import type { SvStatus } from './port-state.js';
import type { DelayReason, ReasonInstance } from './reason-code.js';

/** Which conversation a message belongs to (§3). */
export const EXCHANGES = ['CARRIER', 'NPAC'] as const;
/** A message exchange. */
export type Exchange = (typeof EXCHANGES)[number];

/** Correlation and integrity fields on every inbound message (§10). */
export interface InboundEnvelope {
  readonly messageId: string;
  readonly pon: string;
  /** The request version answered; absent on clearinghouse notifications. */
  readonly version?: number;
  readonly idempotencyKey: string;
  readonly sentAt: string;
  readonly exchange: Exchange;
  readonly carrierRef?: string;
}

/** A reason as carried in a carrier answer (version is implied by the envelope). */
export type CarrierReason = Omit<ReasonInstance, 'version' | 'fixableBy'> & { readonly fixableBy?: ReasonInstance['fixableBy'] };

/** Messages from the losing carrier (§10.1). */
export type InboundCarrierMessage =
  | { readonly type: 'PortRequestAck'; readonly result: 'ACCEPTED_FOR_PROCESSING' | 'SYNTAX_ERROR'; readonly errors: readonly CarrierReason[] }
  | { readonly type: 'PortResponse'; readonly response: 'CONFIRM'; readonly focDue: DueSpec }
  | { readonly type: 'PortResponse'; readonly response: 'REJECT'; readonly reasons: readonly CarrierReason[] }
  | { readonly type: 'PortResponse'; readonly response: 'DELAY'; readonly answerDueAt: string; readonly delayReason: DelayReason }
  | { readonly type: 'CancelNotice'; readonly text?: string }
  | { readonly type: 'FocRevoked'; readonly text?: string }
  | { readonly type: 'PortOutCompleted'; readonly messagingReleaseAt?: string }
  | { readonly type: 'SnapbackResponse'; readonly accepted: boolean; readonly eta?: string };

/** Notifications from the clearinghouse (§10.2). */
export type InboundNpacMessage =
  | {
      readonly type: 'SvStatusChanged'; readonly tn: string; readonly svId: string; readonly status: SvStatus;
      readonly newSpid: string; readonly concurred?: boolean; readonly cause?: number; readonly failedLsms?: readonly string[];
    }
  | { readonly type: 'SvConcurrenceRequest'; readonly tn: string; readonly svId: string }
  | { readonly type: 'SvFinalWindowExpired'; readonly tn: string; readonly svId: string; readonly silentParty: 'OLD' | 'NEW' }
  | { readonly type: 'SvCancelAckRequest'; readonly tn: string; readonly svId: string }
  | { readonly type: 'SvCreateRequest'; readonly tn: string; readonly svId: string }
  | { readonly type: 'NewNpaNxx'; readonly npaNxx: string };

/** Any inbound port message with its envelope. */
export type InboundPortMessage = InboundEnvelope & (InboundCarrierMessage | InboundNpacMessage);

/** Supplement types (§10.1); CANCEL_UNDO is the reinstating SUPP after a cancel-undo. */
export const SUPPLEMENT_TYPES = ['CORRECTION', 'DUE_DATE_CHANGE', 'CANCEL', 'CANCEL_UNDO'] as const;
/** A supplement type. */
export type SupplementType = (typeof SUPPLEMENT_TYPES)[number];

/** The request content sent to the carrier (LSR/WPR), complete on every version. */
export interface PortRequestBody {
  readonly pon: string;
  readonly version: number;
  readonly kind: PortKind;
  readonly tns: readonly string[];
  readonly accountNumber?: string;
  readonly pin?: string;
  readonly ssnLast4?: string;
  readonly taxId?: string;
  readonly authorizedName: string;
  readonly businessName?: string;
  readonly serviceAddress: PostalAddress;
  readonly btn?: string;
  readonly requestedDue: DueSpec;
  readonly newSpid: string;
  readonly oldSpid: string;
  readonly companyCode: string;
  readonly partialPort: boolean;
  readonly remainingTnDisposition?: 'KEEP_WITH_OLD_PROVIDER' | 'DISCONNECT';
  readonly newBtn?: string;
  readonly loaSignedAt?: string;
}

/** Messages Provisio sends to the losing carrier. */
export type OutboundCarrierMessage =
  | { readonly type: 'PortRequest'; readonly body: PortRequestBody }
  | { readonly type: 'PortSupplement'; readonly supType: SupplementType; readonly body: PortRequestBody; readonly changedFields: readonly string[] }
  | { readonly type: 'SnapbackRequest'; readonly pon: string; readonly tns: readonly string[]; readonly reason: string };

/** Messages Provisio's SOA sends to the clearinghouse. */
export type OutboundNpacMessage =
  | {
      readonly type: 'SvCreate'; readonly pon: string; readonly tn: string; readonly lrn: string; readonly newSpid: string;
      readonly oldSpid: string; readonly due: DueSpec; readonly timerSet: 'SHORT' | 'MEDIUM' | 'LONG';
    }
  | { readonly type: 'SvModify'; readonly pon: string; readonly tn: string; readonly due: DueSpec }
  | { readonly type: 'SvActivate'; readonly pon: string; readonly tns: readonly string[] }
  | { readonly type: 'SvCancel' | 'SvCancelAck' | 'SvCancelUndo'; readonly pon: string; readonly tns: readonly string[] }
  | { readonly type: 'SvRemoveFromConflict'; readonly pon: string; readonly tn: string };

/** Any outbound port message. */
export type OutboundPortMessage = OutboundCarrierMessage | OutboundNpacMessage;

/** True for inbound messages from the carrier exchange. */
export function isCarrierMessage(m: InboundPortMessage): m is InboundEnvelope & InboundCarrierMessage {
  return m.exchange === 'CARRIER';
}
