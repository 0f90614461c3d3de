import { dueStart } from '../../domain/porting/business-calendar.js';
import type { PortRequest } from '../../domain/porting/port-request.js';
import type { PortTimelineEntry, StoredPortRequest } from '../../ports/port-request-store.js';

/** One version of a port request as sent to the carrier. */
export interface PortVersionView {
  readonly version: number;
  readonly sentAt: string;
  readonly type: string;
  readonly changedFields: readonly string[];
}

/** A port request summary for the coordinator's list, with its SLA risk. */
export interface PortRequestSummary {
  readonly id: string;
  readonly pon: string;
  readonly state: PortRequest['state'];
  readonly version: number;
  readonly losingCarrier: string;
  readonly tns: readonly string[];
  readonly dueAt?: string;
  readonly jeopardies: readonly string[];
  readonly reasons: readonly string[];
  readonly escalated: boolean;
  readonly lastActivityAt: string;
}

/** A port request in full: summary plus lines, timers, versions and the message timeline. */
export interface PortRequestDetail extends PortRequestSummary {
  readonly taskKey: string;
  readonly kind: PortRequest['kind'];
  /** The account's billing number as submitted. */
  readonly btn?: string;
  /** Not every number of the account moves; what happens to the others, and the account's new BTN. */
  readonly partialPort: boolean;
  readonly remainingTnDisposition?: PortRequest['remainingTnDisposition'];
  readonly newBtn?: string;
  readonly requestedDue: PortRequest['requestedDue'];
  readonly confirmedDue?: PortRequest['confirmedDue'];
  readonly lines: PortRequest['lines'];
  readonly timers: PortRequest['timers'];
  readonly versions: readonly PortVersionView[];
  readonly notes: readonly string[];
  readonly timeline: readonly PortTimelineEntry[];
}

/** The instant a port is due (confirmed due if any, else requested), in ms. */
export function dueAtOf(r: PortRequest): number {
  return dueStart(r.confirmedDue ?? r.requestedDue, r.calendar);
}

/** True when a coordinator escalated the request (an ESCALATED note on the timeline). */
export function isEscalated(rec: StoredPortRequest): boolean {
  return rec.timeline.some((e) => e.direction === 'NOTE' && e.type === 'escalated');
}

/** Summary of a stored request. */
export function summaryOf(rec: StoredPortRequest): PortRequestSummary {
  const r = rec.request;
  return {
    id: r.id, pon: r.pon, state: r.state, version: r.version, losingCarrier: r.losingCarrier.name,
    tns: r.lines.filter((l) => l.status !== 'REMOVED').map((l) => l.tn), dueAt: new Date(dueAtOf(r)).toISOString(),
    jeopardies: r.jeopardies.map((j) => j.code), reasons: r.currentReasons.map((x) => x.code), escalated: isEscalated(rec), lastActivityAt: r.lastActivityAt,
  };
}

function versionsOf(timeline: readonly PortTimelineEntry[]): PortVersionView[] {
  return timeline.flatMap((e) => {
    if (e.direction !== 'OUT' || (e.type !== 'PortRequest' && e.type !== 'PortSupplement')) return [];
    const raw = e.raw as { supType?: string; changedFields?: string[] };
    return [{ version: e.version, sentAt: e.at, type: raw.supType ?? e.type, changedFields: raw.changedFields ?? [] }];
  });
}

/** Detail of a stored request. */
export function detailOf(rec: StoredPortRequest): PortRequestDetail {
  const r = rec.request;
  return {
    ...summaryOf(rec), taskKey: rec.taskKey, kind: r.kind, ...(r.submitted.btn === undefined ? {} : { btn: r.submitted.btn }), partialPort: r.partialPort,
    ...(r.remainingTnDisposition === undefined ? {} : { remainingTnDisposition: r.remainingTnDisposition }), ...(r.newBtn === undefined ? {} : { newBtn: r.newBtn }),
    requestedDue: r.requestedDue, ...(r.confirmedDue === undefined ? {} : { confirmedDue: r.confirmedDue }),
    lines: r.lines, timers: r.timers, versions: versionsOf(rec.timeline), notes: r.notes, timeline: rec.timeline,
  };
}
