import type { OrderEvent } from '../../../domain/events/order-event.js';
import { cancelToJson, orderToJson, type V4Urls } from './order-to-json.js';

/** A rendered notification: where under the listener's callback it goes, and its body. */
export interface RenderedEvent {
  readonly path: string;
  readonly body: Record<string, unknown>;
}

const WITH_FIELD_PATH = new Set(['ProductOrderAttributeValueChangeEvent', 'ProductOrderInformationRequiredEvent']);

/** Renders an outbox event in the TMF622 v4 envelope (`timeOcurred` is spelled as v4 spells it). */
export function renderV4Event(event: OrderEvent, urls: V4Urls): RenderedEvent {
  const payload =
    event.subject.kind === 'productOrder'
      ? { productOrder: orderToJson(event.subject.order, urls) }
      : { cancelProductOrder: cancelToJson(event.subject.request, urls) };
  const listenerName = event.type.charAt(0).toLowerCase() + event.type.slice(1);
  return {
    path: `/listener/${listenerName}`,
    body: {
      eventId: event.id,
      eventTime: event.occurredAt,
      eventType: event.type,
      timeOcurred: event.occurredAt,
      correlationId: event.orderId,
      domain: 'productOrderingManagement',
      title: event.type,
      ...(WITH_FIELD_PATH.has(event.type) && event.fieldPath !== undefined ? { fieldPath: event.fieldPath } : {}),
      ...(WITH_FIELD_PATH.has(event.type) ? {} : { id: event.id }),
      event: payload,
    },
  };
}
