import { describe, expect, it } from 'vitest';
import { canMoveItem, canMoveOrder, checkOrderLifecycles, deriveOrderState, ITEM_STATES, ORDER_STATES } from './order-state.js';

describe('order and item lifecycles', () => {
  it('are consistent tables with every state reachable', () => {
    expect(checkOrderLifecycles()).toEqual([]);
  });

  it('follow TMF622: treatment, holds, cancellation assessment and final states', () => {
    expect(canMoveOrder('acknowledged', 'inProgress')).toBe(true);
    expect(canMoveOrder('inProgress', 'held')).toBe(true);
    expect(canMoveOrder('held', 'inProgress')).toBe(true);
    expect(canMoveOrder('inProgress', 'partial')).toBe(true);
    expect(canMoveOrder('assessingCancellation', 'back')).toBe(true);
    expect(canMoveOrder('pendingCancellation', 'cancelled')).toBe(true);
    expect(canMoveOrder('acknowledged', 'completed')).toBe(false);
    expect(canMoveOrder('inProgress', 'cancelled')).toBe(false);
    for (const final of ['rejected', 'cancelled', 'completed', 'failed', 'partial'] as const) {
      expect(ORDER_STATES.some((s) => canMoveOrder(final, s))).toBe(false);
    }
  });

  it('gives items no partial state', () => {
    expect(ITEM_STATES).not.toContain('partial');
    expect(canMoveItem('inProgress', 'completed')).toBe(true);
    expect(canMoveItem('completed', 'inProgress')).toBe(false);
  });
});

describe('deriveOrderState', () => {
  it.each([
    [['completed', 'completed'], 'completed'],
    [['failed', 'failed'], 'failed'],
    [['completed', 'failed'], 'partial'],
    [['cancelled', 'cancelled'], 'cancelled'],
    [['completed', 'cancelled'], 'completed'],
    [['rejected', 'failed'], 'failed'],
    [['inProgress', 'completed'], 'inProgress'],
    [['inProgress', 'held', 'pending'], 'held'],
    [['inProgress', 'pending'], 'pending'],
    [['acknowledged', 'acknowledged'], 'acknowledged'],
    [['acknowledged', 'inProgress'], 'inProgress'],
  ] as const)('%j -> %s', (items, expected) => {
    expect(deriveOrderState(items)).toBe(expected);
  });
});
