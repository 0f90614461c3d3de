import { DEFAULT_CALENDAR, type CarrierCalendar } from '../../src/domain/porting/business-calendar.js';
import type { Strictness } from '../../src/domain/porting/normalisation.js';
import type { DelayReason } from '../../src/domain/porting/reason-code.js';

/** A range in minutes from which a latency is drawn. */
export type MinutesRange = readonly [number, number];

/** Behaviour knobs of a simulated losing carrier (porting.md §13.5). */
export interface CarrierProfile {
  readonly id: string;
  readonly spid: string;
  readonly name: string;
  readonly network: 'WIRELESS' | 'WIRELINE' | 'VOIP';
  readonly calendar: CarrierCalendar;
  readonly latency: { readonly ackMinutes: MinutesRange; readonly responseMinutes: MinutesRange };
  readonly matching: {
    readonly strictness: Strictness; readonly reportAllErrors: boolean; readonly acceptAccountOrSsn: boolean;
    readonly validateZip: boolean; readonly requirePin: boolean; readonly requireBtn: boolean; readonly pinLockoutAfter?: number;
  };
  readonly dates: { readonly onEarlyDate: 'COUNTER_PROPOSE' | 'REJECT'; readonly minBusinessDays?: number };
  readonly faults: {
    readonly silenceProbability: number; readonly delayProbability: number; readonly delayReason: DelayReason;
    readonly delayAnswerMinutes: MinutesRange; readonly revokeFocIfNotActivated: boolean; readonly revokeAfterHours: number;
  };
  readonly npac: {
    readonly sendsOldSpCreate: boolean; readonly concurMinutes: MinutesRange; readonly conflictOnMissingLsr: boolean;
    readonly cancelAck: 'ACK' | 'IGNORE'; readonly timerSetHours: { readonly t1: number; readonly t2: number };
  };
  readonly snapback: { readonly accepts: boolean; readonly windowHours: number; readonly executesMinutes: MinutesRange };
  /** When set, every request to this SPID is answered RESELLER_WRONG_CARRIER (an MVNO/reseller SPID). */
  readonly resellerOf?: string;
}

const base = {
  calendar: DEFAULT_CALENDAR,
  faults: { silenceProbability: 0, delayProbability: 0, delayReason: 'MANUAL_REVIEW', delayAnswerMinutes: [60, 120], revokeFocIfNotActivated: false, revokeAfterHours: 24 },
  snapback: { accepts: true, windowHours: 24, executesMinutes: [10, 30] },
} as const;

/** Built-in profiles: wireless automatic, wireline simple gateway, wireline manual CLEC, MVNO reseller. */
export const CARRIER_PROFILES = {
  wireless_major_auto: {
    ...base, id: 'wireless_major_auto', spid: 'WMA1', name: 'Major Wireless', network: 'WIRELESS',
    latency: { ackMinutes: [0, 1], responseMinutes: [1, 5] },
    matching: { strictness: 'LENIENT', reportAllErrors: true, acceptAccountOrSsn: true, validateZip: false, requirePin: true, requireBtn: false, pinLockoutAfter: 3 },
    dates: { onEarlyDate: 'COUNTER_PROPOSE' },
    npac: { sendsOldSpCreate: true, concurMinutes: [1, 2], conflictOnMissingLsr: false, cancelAck: 'ACK', timerSetHours: { t1: 1, t2: 1 } },
  },
  wireline_ilec_gateway: {
    ...base, id: 'wireline_ilec_gateway', spid: 'ILEC', name: 'Incumbent Telephone', network: 'WIRELINE',
    latency: { ackMinutes: [1, 5], responseMinutes: [120, 240] },
    matching: { strictness: 'ADDRESS_NORMALIZED', reportAllErrors: true, acceptAccountOrSsn: false, validateZip: true, requirePin: false, requireBtn: true },
    dates: { onEarlyDate: 'COUNTER_PROPOSE' },
    faults: { ...base.faults, revokeFocIfNotActivated: true },
    npac: { sendsOldSpCreate: true, concurMinutes: [30, 90], conflictOnMissingLsr: true, cancelAck: 'ACK', timerSetHours: { t1: 9, t2: 9 } },
  },
  wireline_clec_manual: {
    ...base, id: 'wireline_clec_manual', spid: 'CLEC', name: 'Manual CLEC', network: 'WIRELINE',
    latency: { ackMinutes: [30, 240], responseMinutes: [600, 1440] },
    matching: { strictness: 'EXACT', reportAllErrors: false, acceptAccountOrSsn: false, validateZip: true, requirePin: false, requireBtn: false },
    dates: { onEarlyDate: 'COUNTER_PROPOSE', minBusinessDays: 10 },
    npac: { sendsOldSpCreate: false, concurMinutes: [0, 0], conflictOnMissingLsr: false, cancelAck: 'IGNORE', timerSetHours: { t1: 9, t2: 9 } },
  },
  wireless_mvno: {
    ...base, id: 'wireless_mvno', spid: 'MVN1', name: 'Budget Mobile (MVNO)', network: 'WIRELESS', resellerOf: 'WMA1',
    latency: { ackMinutes: [5, 10], responseMinutes: [5, 60] },
    matching: { strictness: 'NORMALIZED', reportAllErrors: true, acceptAccountOrSsn: true, validateZip: true, requirePin: true, requireBtn: false },
    dates: { onEarlyDate: 'COUNTER_PROPOSE' },
    faults: { ...base.faults, delayProbability: 0.2 },
    npac: { sendsOldSpCreate: true, concurMinutes: [5, 10], conflictOnMissingLsr: false, cancelAck: 'ACK', timerSetHours: { t1: 1, t2: 1 } },
  },
} as const satisfies Record<string, CarrierProfile>;

/** A built-in profile id. */
export type CarrierProfileId = keyof typeof CARRIER_PROFILES;
