import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, addBusinessHours, dueDateProblem, dueStart, earliestDue, effectiveReceipt, fromLocal, toLocal } from './business-calendar.js';
import type { PortKind } from './port-kind.js';

const cal = { ...DEFAULT_CALENDAR, holidays: ['2025-05-26'] };
const at = (date: string, time: string): number => fromLocal(date, time, cal.zone);

describe('earliest due date (porting.md §9.3 worked examples, New York, Memorial Day holiday)', () => {
  const cases: [string, string, PortKind, string][] = [
    ['2025-05-19', '07:30', 'WIRELINE_SIMPLE', '2025-05-20'],
    ['2025-05-19', '12:59', 'WIRELINE_SIMPLE', '2025-05-20'],
    ['2025-05-19', '13:01', 'WIRELINE_SIMPLE', '2025-05-21'],
    ['2025-05-23', '11:00', 'WIRELINE_SIMPLE', '2025-05-27'],
    ['2025-05-24', '09:00', 'WIRELINE_SIMPLE', '2025-05-28'],
    ['2025-05-19', '10:00', 'WIRELINE_NON_SIMPLE', '2025-05-23'],
    ['2025-05-19', '10:00', 'INTERMODAL_SIMPLE', '2025-05-20'],
  ];
  it.each(cases)('received %s %s (%s) -> due %s', (date, time, kind, due) => {
    expect(earliestDue(kind, at(date, time), cal)).toEqual({ kind: 'DATE', date: due });
  });

  it('gives wireless a date-time 150 minutes out', () => {
    const due = earliestDue('WIRELESS', at('2025-05-21', '15:00'), cal);
    expect(due.kind).toBe('DATETIME');
    expect(toLocal(dueStart(due, cal), cal.zone)).toEqual({ date: '2025-05-21', minutes: 17 * 60 + 30 });
  });

  it('waivered carriers get 4 business days for simple ports', () => {
    expect(earliestDue('WIRELINE_SIMPLE', at('2025-05-19', '10:00'), { ...cal, hasWaiver: true })).toEqual({ kind: 'DATE', date: '2025-05-23' });
  });
});

describe('calendar mechanics', () => {
  it('rolls a Saturday receipt to 08:00 on the next business day, skipping the holiday', () => {
    expect(effectiveReceipt(at('2025-05-24', '09:00'), cal)).toEqual({ date: '2025-05-27', minutes: 480 });
  });

  it('activation of a date due starts at 00:00 local, across daylight saving', () => {
    expect(new Date(dueStart({ kind: 'DATE', date: '2025-05-20' }, cal)).toISOString()).toBe('2025-05-20T04:00:00.000Z');
    expect(new Date(dueStart({ kind: 'DATE', date: '2025-01-14' }, cal)).toISOString()).toBe('2025-01-14T05:00:00.000Z');
  });

  it('counts business hours over the evening and the weekend', () => {
    const end = addBusinessHours(at('2025-05-23', '15:00'), 4, cal);
    expect(toLocal(end, cal.zone)).toEqual({ date: '2025-05-27', minutes: 10 * 60 });
  });

  it('refuses weekend, holiday, too-early and too-far due dates', () => {
    const now = at('2025-05-19', '10:00');
    expect(dueDateProblem({ kind: 'DATE', date: '2025-05-26' }, 'WIRELINE_SIMPLE', now, cal)).toMatch(/not a business day/);
    expect(dueDateProblem({ kind: 'DATE', date: '2025-05-19' }, 'WIRELINE_SIMPLE', now, cal)).toMatch(/before the earliest/);
    expect(dueDateProblem({ kind: 'DATE', date: '2025-07-01' }, 'WIRELINE_SIMPLE', now, cal)).toMatch(/more than 30 days/);
    expect(dueDateProblem({ kind: 'DATE', date: '2025-05-20' }, 'WIRELINE_SIMPLE', now, cal)).toBeNull();
  });
});
