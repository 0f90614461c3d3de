import type { DueSpec, PortKind } from './port-kind.js';

/** A losing carrier's porting calendar (porting.md §9); all times are local to `zone`. */
export interface CarrierCalendar {
  /** IANA zone of the NPAC region holding the TNs. */
  readonly zone: string;
  /** Business hours, 'HH:MM' local. */
  readonly businessStart: string;
  readonly businessEnd: string;
  /** Simple-port cut-off, 'HH:MM' local. */
  readonly cutoff: string;
  /** Carrier holidays, 'YYYY-MM-DD'. */
  readonly holidays: readonly string[];
  readonly allowWeekendDue: boolean;
  /** 4 business days for simple ports (52.35(c)). */
  readonly hasWaiver: boolean;
  /** Earliest wireless due time after the request, minutes. */
  readonly wirelessMinLeadMinutes: number;
  readonly partialPortExtraBusinessDays: number;
  /** Apply the 13:00 cut-off to non-simple ports too. */
  readonly cutoffAppliesToNonSimple: boolean;
  /** A fixed local activation time on the due date, 'HH:MM', for manual carriers. */
  readonly manualActivationTime?: string;
  readonly maxFutureDays: number;
}

/** Defaults for a calendar: New York, 08:00-17:00, 13:00 cut-off, no holidays. */
export const DEFAULT_CALENDAR: CarrierCalendar = {
  zone: 'America/New_York',
  businessStart: '08:00',
  businessEnd: '17:00',
  cutoff: '13:00',
  holidays: [],
  allowWeekendDue: false,
  hasWaiver: false,
  wirelessMinLeadMinutes: 150,
  partialPortExtraBusinessDays: 0,
  cutoffAppliesToNonSimple: true,
  maxFutureDays: 30,
};

/** A local wall-clock moment: date 'YYYY-MM-DD' and minutes since midnight. */
export interface LocalMoment {
  readonly date: string;
  readonly minutes: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Converts an instant to local date and minutes in a zone. */
export function toLocal(ms: number, zone: string): LocalMoment {
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(ms)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Converts a local date and 'HH:MM' (or minutes) in a zone to an instant. */
export function fromLocal(date: string, time: string | number, zone: string): number {
  const minutes = typeof time === 'number' ? time : hhmm(time);
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE;
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const local = toLocal(guess, zone);
    const seen = Date.parse(`${local.date}T00:00:00Z`) + local.minutes * MINUTE;
    guess += wall - seen;
  }
  return guess;
}

/** Minutes since midnight for 'HH:MM'. */
export function hhmm(t: string): number {
  const [h, m] = t.split(':');
  return Number(h) * 60 + Number(m);
}

/** Adds calendar days to 'YYYY-MM-DD'. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** True when the local date is Monday-Friday and not a carrier holiday. */
export function isBusinessDay(date: string, cal: CarrierCalendar): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6 && !cal.holidays.includes(date);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: string, cal: CarrierCalendar): string {
  let d = addDays(date, 1);
  while (!isBusinessDay(d, cal)) d = addDays(d, 1);
  return d;
}

/** Adds n business days to a date. */
export function addBusinessDays(date: string, n: number, cal: CarrierCalendar): string {
  let d = date;
  for (let i = 0; i < n; i++) d = nextBusinessDay(d, cal);
  return d;
}

/** Business days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not later. */
export function businessDaysBetween(from: string, to: string, cal: CarrierCalendar): number {
  let n = 0;
  for (let d = from; d < to; ) {
    d = addDays(d, 1);
    if (isBusinessDay(d, cal)) n++;
  }
  return n;
}

/** When an LSR counts as received (§9.2): business days, 08:00 start, cut-off rolls to the next day. */
export function effectiveReceipt(ms: number, cal: CarrierCalendar, applyCutoff = true): LocalMoment {
  const l = toLocal(ms, cal.zone);
  const start = hhmm(cal.businessStart);
  if (!isBusinessDay(l.date, cal)) return { date: nextBusinessDay(l.date, cal), minutes: start };
  if (l.minutes < start) return { date: l.date, minutes: start };
  if (!applyCutoff || l.minutes <= hhmm(cal.cutoff)) return l;
  return { date: nextBusinessDay(l.date, cal), minutes: start };
}

/** Regulatory interval in business days for a wireline or intermodal kind. */
export function intervalBusinessDays(kind: PortKind, cal: CarrierCalendar): number {
  if (kind === 'WIRELINE_SIMPLE' || kind === 'INTERMODAL_SIMPLE') return cal.hasWaiver ? 4 : 1;
  return 4;
}

/** Earliest due date for a request received at `ms` (§9.2). */
export function earliestDue(kind: PortKind, ms: number, cal: CarrierCalendar, partialPort = false): DueSpec {
  if (kind === 'WIRELESS') return { kind: 'DATETIME', at: new Date(ms + cal.wirelessMinLeadMinutes * MINUTE).toISOString() };
  const simple = kind === 'WIRELINE_SIMPLE' || kind === 'INTERMODAL_SIMPLE';
  const receipt = effectiveReceipt(ms, cal, simple || cal.cutoffAppliesToNonSimple);
  const extra = partialPort ? cal.partialPortExtraBusinessDays : 0;
  return { kind: 'DATE', date: addBusinessDays(receipt.date, intervalBusinessDays(kind, cal) + extra, cal) };
}

/** The instant from which activation is allowed (I3): 00:00 local (or the manual time), or the wireless time. */
export function dueStart(due: DueSpec, cal: CarrierCalendar): number {
  if (due.kind === 'DATETIME') return Date.parse(due.at);
  return fromLocal(due.date, cal.manualActivationTime ?? '00:00', cal.zone);
}

/** True when due `a` is strictly later than due `b` (dates compared as their start instants). */
export function dueLaterThan(a: DueSpec, b: DueSpec, cal: CarrierCalendar): boolean {
  return dueStart(a, cal) > dueStart(b, cal);
}

/** Adds business hours (within business hours on business days) to an instant. */
export function addBusinessHours(ms: number, hours: number, cal: CarrierCalendar): number {
  const start = hhmm(cal.businessStart);
  const end = hhmm(cal.businessEnd);
  let cursor = effectiveReceipt(ms, cal, false);
  let left = hours * 60;
  for (;;) {
    const room = end - cursor.minutes;
    if (left <= room) return fromLocal(cursor.date, cursor.minutes + left, cal.zone);
    left -= Math.max(0, room);
    cursor = { date: nextBusinessDay(cursor.date, cal), minutes: start };
  }
}

/** Adds calendar hours, skipping whole non-business days ("24 h excluding weekends"). */
export function addHoursExcludingNonBusinessDays(ms: number, hours: number, cal: CarrierCalendar): number {
  let t = ms;
  let left = hours * 60;
  while (left > 0) {
    const l = toLocal(t, cal.zone);
    const step = Math.min(left, 24 * 60 - l.minutes);
    if (isBusinessDay(l.date, cal)) left -= step;
    t = fromLocal(l.date, l.minutes + step, cal.zone);
  }
  return t;
}

/** Why a requested due date cannot be submitted (G-SUBMIT), or null when it can. */
export function dueDateProblem(requested: DueSpec, kind: PortKind, now: number, cal: CarrierCalendar, partial = false): string | null {
  const earliest = earliestDue(kind, now, cal, partial);
  if (requested.kind !== earliest.kind) return `due date must be a ${earliest.kind === 'DATE' ? 'date' : 'date-time'} for ${kind}`;
  if (dueLaterThan(earliest, requested, cal)) return `due date is before the earliest allowed (${describeDue(earliest)})`;
  if (requested.kind === 'DATE' && !cal.allowWeekendDue && !isBusinessDay(requested.date, cal)) {
    return `due date ${requested.date} is not a business day`;
  }
  if (dueStart(requested, cal) > now + cal.maxFutureDays * DAY) return `due date is more than ${cal.maxFutureDays} days away`;
  return null;
}

/** A due spec as text. */
export function describeDue(d: DueSpec): string {
  return d.kind === 'DATE' ? d.date : d.at;
}
