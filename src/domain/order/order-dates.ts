import type { EntryFinding } from './order-draft.js';
import type { ProductOrder } from './product-order.js';

/** Codes of the date checks on a submitted order. */
export const DATE_FINDING_CODES = ['DATE_COMPLETION_BEFORE_START', 'DATE_START_IN_PAST', 'DATE_TOO_FAR_AHEAD'] as const;

const DAY = 86_400_000;
/** How far ahead a requested date may be before it is most likely a typo (two years). */
const MAX_AHEAD_MS = 730 * DAY;

/**
 * Checks that the requested dates make sense against each other and against the time the order
 * arrives: completion before start is blocking; a start date in the past (more than a day, time
 * zones) or years ahead is a warning the customer should confirm.
 */
export function checkOrderDates(order: Pick<ProductOrder, 'requestedStartDate' | 'requestedCompletionDate' | 'createdAt'>): EntryFinding[] {
  const findings: EntryFinding[] = [];
  const now = Date.parse(order.createdAt);
  const start = order.requestedStartDate ? Date.parse(order.requestedStartDate) : undefined;
  const end = order.requestedCompletionDate ? Date.parse(order.requestedCompletionDate) : undefined;
  if (start !== undefined && end !== undefined && end < start) {
    findings.push({
      code: 'DATE_COMPLETION_BEFORE_START',
      severity: 'blocking',
      field: 'requestedCompletionDate',
      message: `requestedCompletionDate ${order.requestedCompletionDate} is before requestedStartDate ${order.requestedStartDate}`,
      suggestion: 'a completion date on or after the start date',
      confidence: 1,
    });
  }
  if (start !== undefined && start < now - DAY) {
    findings.push({
      code: 'DATE_START_IN_PAST',
      severity: 'warning',
      field: 'requestedStartDate',
      message: `requestedStartDate ${order.requestedStartDate} is in the past; work starts as soon as possible`,
      confidence: 0.9,
    });
  }
  for (const [field, at] of [['requestedStartDate', start], ['requestedCompletionDate', end]] as const) {
    if (at !== undefined && at > now + MAX_AHEAD_MS) {
      findings.push({ code: 'DATE_TOO_FAR_AHEAD', severity: 'warning', field, message: `${field} is more than two years ahead; please confirm the year`, confidence: 0.8 });
    }
  }
  return findings;
}
