import { describe, expect, it } from 'vitest';
import { causeOfFallout } from './cause-of-fallout.js';
import { FALLOUT_CAUSES, isFalloutCause } from './fallout-cause.js';

describe('causeOfFallout', () => {
  it('reads the cause from the error code first', () => {
    expect(causeOfFallout('UNIT_REQUIRED', 'activate-service')).toBe('address');
    expect(causeOfFallout('PORT_REJECT', 'submit-port-request')).toBe('port');
    expect(causeOfFallout('NO_STOCK', 'reserve-cpe')).toBe('inventory');
    expect(causeOfFallout('OSS_TIMEOUT', 'activate-service')).toBe('timeout');
    expect(causeOfFallout('CREDIT_DECLINED', undefined)).toBe('credit');
  });
  it('falls back to the task type, then to handling error', () => {
    expect(causeOfFallout(undefined, 'submit-port-request')).toBe('port');
    expect(causeOfFallout('SOMETHING_ODD', 'send-welcome-letter')).toBe('human');
    expect(causeOfFallout(undefined, undefined)).toBe('human');
  });
  it('knows exactly the seven causes in pipeline order', () => {
    expect(FALLOUT_CAUSES[0]).toBe('credit');
    expect(FALLOUT_CAUSES.at(-1)).toBe('human');
    expect(isFalloutCause('port')).toBe(true);
    expect(isFalloutCause('weather')).toBe(false);
  });
});
