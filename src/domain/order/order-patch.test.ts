import { describe, expect, it } from 'vitest';
import { anOrderOf, anItem } from '../../../test/fixtures/catalog-orders.js';
import { applyOrderPatch } from './order-patch.js';

const order = anOrderOf([anItem('1', 'add', 'po-x')], { description: 'old', priority: '2' });
const now = '2026-11-26T10:00:00.000Z';

describe('applyOrderPatch', () => {
  it('replaces, removes and leaves members as merge-patch says, and bumps the version', () => {
    const out = applyOrderPatch(order, { scalars: { description: 'new', priority: null }, extra: {} }, now);
    expect(out.kind).toBe('applied');
    if (out.kind !== 'applied') return;
    expect(out.order.description).toBe('new');
    expect(out.order.priority).toBeUndefined();
    expect(out.order.createdAt).toBe(order.createdAt);
    expect(out.order.version).toBe(order.version + 1);
    expect(out.changed).toEqual(['description', 'priority']);
  });

  it('reports nothing changed when the values are the same', () => {
    const out = applyOrderPatch(order, { scalars: { description: 'old' }, extra: {} }, now);
    expect(out.kind === 'applied' && out.changed).toEqual([]);
  });

  it('refuses changes to a final order and illegal or provisioning-owned state moves', () => {
    expect(applyOrderPatch({ ...order, state: 'completed' }, { scalars: { description: 'x' }, extra: {} }, now)).toMatchObject({ kind: 'refused', code: 'ORDER_FINAL' });
    expect(applyOrderPatch(order, { scalars: {}, state: 'completed', extra: {} }, now)).toMatchObject({ kind: 'refused', code: 'ILLEGAL_STATE_TRANSITION' });
    expect(applyOrderPatch(order, { scalars: {}, state: 'inProgress', extra: {} }, now)).toMatchObject({ kind: 'refused', code: 'STATE_OWNED_BY_PROVISIO' });
  });

  it('lets items be replaced only before provisioning starts', () => {
    const items = [{ id: '9', action: 'add' as const, relationships: [], children: [], extra: {} }];
    const before = applyOrderPatch(order, { scalars: {}, items, extra: {} }, now);
    expect(before.kind === 'applied' && before.order.items.map((i) => [i.id, i.state])).toEqual([['9', 'acknowledged']]);
    const during = applyOrderPatch({ ...order, state: 'inProgress' }, { scalars: {}, items, extra: {} }, now);
    expect(during).toMatchObject({ kind: 'refused', code: 'ITEMS_NOT_EDITABLE' });
  });
});
