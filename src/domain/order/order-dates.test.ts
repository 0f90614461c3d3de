import { describe, expect, it } from 'vitest';
import { checkOrderDates } from './order-dates.js';

const createdAt = '2026-11-26T10:00:00.000Z';

describe('checkOrderDates', () => {
  it('accepts sensible dates and orders without dates', () => {
    expect(checkOrderDates({ createdAt })).toEqual([]);
    expect(checkOrderDates({ createdAt, requestedStartDate: '2026-12-01T09:00:00Z', requestedCompletionDate: '2026-12-03T09:00:00Z' })).toEqual([]);
    expect(checkOrderDates({ createdAt, requestedStartDate: '2026-11-26T00:00:00Z' })).toEqual([]);
  });

  it('blocks a completion before the start and warns about past or far-future dates', () => {
    const codes = (o: Parameters<typeof checkOrderDates>[0]) => checkOrderDates(o).map((f) => [f.code, f.severity]);
    expect(codes({ createdAt, requestedStartDate: '2026-12-05T00:00:00Z', requestedCompletionDate: '2026-12-01T00:00:00Z' })).toEqual([['DATE_COMPLETION_BEFORE_START', 'blocking']]);
    expect(codes({ createdAt, requestedStartDate: '2026-10-01T00:00:00Z' })).toEqual([['DATE_START_IN_PAST', 'warning']]);
    expect(codes({ createdAt, requestedStartDate: '2062-12-01T00:00:00Z' })).toEqual([['DATE_TOO_FAR_AHEAD', 'warning']]);
  });
});
