import type { OrderEvent } from '../../domain/events/order-event.js';
import { DeliveryFailed, type EventSender } from '../../ports/event-sender.js';
import type { HubListener } from '../../ports/hub-store.js';

/** Renders an event for the wire: the path under the listener's callback and the JSON body. */
export type EventRenderer = (event: OrderEvent) => { readonly path: string; readonly body: unknown };

/** Delivers hub notifications with HTTP POST to `{callback}/listener/{eventName}`. */
export class HttpEventSender implements EventSender {
  constructor(
    private readonly render: EventRenderer,
    private readonly timeoutMs = 5000,
  ) {}

  async send(listener: HubListener, event: OrderEvent): Promise<void> {
    const { path, body } = this.render(event);
    const url = listener.callback.replace(/\/+$/, '') + path;
    let status: number;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json;charset=utf-8' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.status;
      await res.body?.cancel();
    } catch (err) {
      throw new DeliveryFailed(`POST ${url} failed: ${(err as Error).message}`, true);
    }
    if (status >= 200 && status < 300) return;
    // 4xx other than 408/429 means the listener refuses this event; retrying will not help much,
    // but a listener being redeployed may answer 404 for a while, so those are retried too.
    throw new DeliveryFailed(`POST ${url} answered ${status}`, true);
  }
}
