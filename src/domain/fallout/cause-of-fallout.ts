import type { FalloutCause } from './fallout-cause.js';

/** A rule mapping a southbound error code or failed task type to a root cause; first match wins. */
interface CauseRule {
  readonly pattern: RegExp;
  readonly cause: FalloutCause;
}

// Error codes are checked before task types: the code says what went wrong, the task only where.
const CODE_RULES: readonly CauseRule[] = [
  { pattern: /CREDIT|FRAUD|DEPOSIT/, cause: 'credit' },
  { pattern: /ADDRESS|UNIT|PO_BOX|SERVICEAB|ZIP|PREMISE/, cause: 'address' },
  { pattern: /INCOMPAT|COMPATIB|NOT_ALLOWED_WITH|CONFLICTING_PRODUCT/, cause: 'incompat' },
  { pattern: /STOCK|INVENTORY|BACKORDER|SKU|CPE/, cause: 'inventory' },
  { pattern: /PORT|PIN|CARRIER|LOSING|FOC|CSR/, cause: 'port' },
  { pattern: /TIMEOUT|TIMED_OUT|UNAVAILABLE|BUSY|SATURAT|LEGACY/, cause: 'timeout' },
];

const TASK_RULES: readonly CauseRule[] = [
  { pattern: /credit/, cause: 'credit' },
  { pattern: /address|site|premise/, cause: 'address' },
  { pattern: /compat/, cause: 'incompat' },
  { pattern: /cpe|stock|inventory|reserve-device|ship/, cause: 'inventory' },
  { pattern: /port/, cause: 'port' },
  { pattern: /activate|provision|legacy/, cause: 'timeout' },
];

/**
 * The root cause a fallout most likely has, from the stable error code and the failed task type.
 * Anything unrecognised is a handling error (`human`), the taxonomy's catch-all.
 */
export function causeOfFallout(errorCode: string | undefined, taskType: string | undefined): FalloutCause {
  const code = (errorCode ?? '').toUpperCase();
  const byCode = code === '' ? undefined : CODE_RULES.find((r) => r.pattern.test(code));
  if (byCode) return byCode.cause;
  const task = (taskType ?? '').toLowerCase();
  const byTask = task === '' ? undefined : TASK_RULES.find((r) => r.pattern.test(task));
  return byTask?.cause ?? 'human';
}
