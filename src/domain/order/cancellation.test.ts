import { describe, expect, it } from 'vitest';
import { anItem, anOrderOf } from '../../../test/fixtures/catalog-orders.js';
import type { CancelRequest } from './cancel-request.js';
import { acceptCancellation, cancelOpenRefusal, completeCancellation, denyCancellation, startCancellation } from './cancellation.js';

const now = '2026-11-26T10:00:00.000Z';
const request: CancelRequest = { id: 'c1', version: 1, orderId: 'po-order-1', state: 'inProgress', createdAt: now, cancellationReason: 'moved away', extra: {} };

describe('cancellation of an order', () => {
  it('refuses to open on final orders and while another cancellation is open', () => {
    const order = anOrderOf([anItem('1', 'add', 'po-x')]);
    expect(cancelOpenRefusal(order, false)).toBeUndefined();
    expect(cancelOpenRefusal(order, true)).toBe('CANCEL_IN_PROGRESS');
    expect(cancelOpenRefusal({ ...order, state: 'completed' }, false)).toBe('ORDER_FINAL');
    expect(cancelOpenRefusal({ ...order, state: 'assessingCancellation' }, false)).toBe('CANCEL_IN_PROGRESS');
  });

  it('goes assessing -> pending -> cancelled, leaving completed items completed', () => {
    const order = anOrderOf([{ ...anItem('1', 'add', 'po-x'), state: 'completed' }, { ...anItem('2', 'add', 'po-y'), state: 'held' }], { state: 'held' });
    const assessing = startCancellation(order, now);
    expect([assessing.state, assessing.items.map((i) => i.state)]).toEqual(['assessingCancellation', ['completed', 'assessingCancellation']]);
    const done = completeCancellation(acceptCancellation(assessing, now), request, now);
    expect(done.state).toBe('cancelled');
    expect(done.items.map((i) => i.state)).toEqual(['completed', 'cancelled']);
    expect([done.cancellationDate, done.cancellationReason, done.completionDate]).toEqual([now, 'moved away', now]);
  });

  it('returns order and items to where they were when denied', () => {
    const order = anOrderOf([{ ...anItem('1', 'add', 'po-x'), state: 'inProgress' }, { ...anItem('2', 'add', 'po-y'), state: 'pending' }], { state: 'pending' });
    const denied = denyCancellation(startCancellation(order, now), now);
    expect(denied.state).toBe('pending');
    expect(denied.items.map((i) => i.state)).toEqual(['inProgress', 'pending']);
    expect(denied.stateBeforeCancellation).toBeUndefined();
  });
});
