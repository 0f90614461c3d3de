import type { OrderEvent } from '../domain/events/order-event.js';
import type { HubListener } from './hub-store.js';

/** Thrown by an EventSender when a listener did not take the event; `retryable` says whether to try again. */
export class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'DeliveryFailed';
  }
}

/** Sends one event to one hub listener. */
export interface EventSender {
  /** Resolves when the listener acknowledged the event (2xx); throws DeliveryFailed otherwise. */
  send(listener: HubListener, event: OrderEvent): Promise<void>;
}
