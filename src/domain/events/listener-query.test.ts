import { describe, expect, it } from 'vitest';
import { matchesListenerQuery, parseListenerQuery, type ListenerQuery } from './listener-query.js';
import type { OrderEvent } from './order-event.js';
import type { ProductOrder } from '../order/product-order.js';

const order = {
  id: 'PO-1',
  version: 2,
  createdAt: '2024-05-01T10:00:00.000Z',
  state: 'completed',
  category: 'mobile',
  relatedParty: [{ id: 'C-1', role: 'customer', '@referredType': 'Individual' }],
  items: [
    { id: '1', action: 'add', state: 'completed', relationships: [], children: [], extra: {} },
    { id: '2', action: 'modify', state: 'failed', relationships: [], children: [], extra: {} },
  ],
  notes: [],
  errors: [],
  extra: {},
  updatedAt: '2024-05-01T10:00:00.000Z',
} satisfies ProductOrder;

const stateChange: OrderEvent = {
  id: 'EV-1',
  type: 'ProductOrderStateChangeEvent',
  occurredAt: '2024-05-01T10:00:00.000Z',
  orderId: 'PO-1',
  subject: { kind: 'productOrder', order },
};
const cancelCreated: OrderEvent = {
  id: 'EV-2',
  type: 'CancelProductOrderCreateEvent',
  occurredAt: '2024-05-01T10:00:00.000Z',
  orderId: 'PO-1',
  subject: { kind: 'cancelProductOrder', request: { id: 'CR-1', version: 1, orderId: 'PO-1', state: 'acknowledged', createdAt: '2024-05-01T10:00:00.000Z', extra: {} } },
};

function parsed(text: string): ListenerQuery {
  const result = parseListenerQuery(text);
  if (!result.ok) throw new Error(result.error);
  return result.query;
}
const matches = (text: string, event: OrderEvent) => matchesListenerQuery(parsed(text), event);

describe('hub listener query', () => {
  it('matches every event when there is no query', () => {
    expect(matches('', stateChange)).toBe(true);
    expect(matchesListenerQuery(parsed(undefined as unknown as string), cancelCreated)).toBe(true);
  });

  it('selects event types, several separated by commas', () => {
    expect(matches('eventType=ProductOrderStateChangeEvent', stateChange)).toBe(true);
    expect(matches('eventType=ProductOrderCreateEvent', stateChange)).toBe(false);
    expect(matches('?eventType=ProductOrderCreateEvent,CancelProductOrderCreateEvent', cancelCreated)).toBe(true);
  });

  it('selects on attributes of the order carried by the event, any item counting', () => {
    expect(matches('event.productOrder.state=completed', stateChange)).toBe(true);
    expect(matches('event.productOrder.state=failed', stateChange)).toBe(false);
    expect(matches('event.productOrder.productOrderItem.state=failed', stateChange)).toBe(true);
    expect(matches('event.productOrder.relatedParty.id=C-1', stateChange)).toBe(true);
    expect(matches('event.productOrder.state=completed', cancelCreated)).toBe(false);
    expect(matches('event.cancelProductOrder.productOrder.id=PO-1', cancelCreated)).toBe(true);
  });

  it('requires all clauses to hold', () => {
    expect(matches('eventType=ProductOrderStateChangeEvent&event.productOrder.state=completed', stateChange)).toBe(true);
    expect(matches('eventType=ProductOrderStateChangeEvent&event.productOrder.category=fixed', stateChange)).toBe(false);
  });

  it('decodes percent-encoded values', () => {
    expect(matches('event.productOrder.state=%63ompleted', stateChange)).toBe(true);
  });

  it.each([
    ['eventType'],
    ['eventType='],
    ['=x'],
    ['eventType=A,'],
    ['event.productOrder.state>=x'],
    ['domain=orders'],
    ['event.order.state=x'],
    ['event.productOrder=x'],
    ['event.productOrder.sta te=x'],
    ['eventType=%E0%A4%A'],
  ])('refuses %s with a message', (text) => {
    const result = parseListenerQuery(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
  });
});
