/**
 * A failure of an OSS/BSS system, thrown by every southbound port. `retryable` says whether trying
 * again with the same idempotency key may succeed (timeout, busy, 5xx) or never will (bad data).
 */
export class SouthboundError extends Error {
  constructor(
    readonly retryable: boolean,
    readonly code: string,
    readonly system: string,
    text: string,
  ) {
    super(text);
    this.name = 'SouthboundError';
  }
}
