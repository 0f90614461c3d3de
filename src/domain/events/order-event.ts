import type { CancelRequest } from '../order/cancel-request.js';
import type { ProductOrder } from '../order/product-order.js';

/** Event types published to hub listeners and the event stream (TMF622 v4 names). */
export const ORDER_EVENT_TYPES = [
  'ProductOrderCreateEvent',
  'ProductOrderStateChangeEvent',
  'ProductOrderAttributeValueChangeEvent',
  'ProductOrderInformationRequiredEvent',
  'ProductOrderDeleteEvent',
  'CancelProductOrderCreateEvent',
  'CancelProductOrderStateChangeEvent',
  'CancelProductOrderInformationRequiredEvent',
] as const;
/** One of the published event types. */
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

/** What an event carries: a snapshot of the resource as it was when the event was committed. */
export type OrderEventSubject =
  | { readonly kind: 'productOrder'; readonly order: ProductOrder }
  | { readonly kind: 'cancelProductOrder'; readonly request: CancelRequest };

/** A domain event written to the outbox in the same transaction as the change it reports. */
export interface OrderEvent {
  readonly id: string;
  readonly type: OrderEventType;
  /** When the change happened (UTC ISO). */
  readonly occurredAt: string;
  /** The order the event is about (also for cancel events), for correlation and ordering. */
  readonly orderId: string;
  readonly subject: OrderEventSubject;
  /** Changed first-level attributes (AttributeValueChange / InformationRequired events). */
  readonly fieldPath?: string;
}
