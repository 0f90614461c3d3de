import type { InboundPortMessage, OutboundPortMessage } from '../../domain/porting/port-message.js';
import type { GatewayReceipt, InboundPage, PortingGateway, PortQueryResult } from '../../ports/porting-gateway.js';
import { CarrierGatewayError } from './carrier-gateway-error.js';

/** Options of the HTTP porting gateway. */
export interface HttpPortingGatewayOptions {
  /** Base URL of the carrier simulator or gateway, e.g. http://127.0.0.1:7070. */
  readonly baseUrl: string;
  readonly timeoutMs?: number;
  /** Poll interval of `subscribe` when no callback route feeds `deliver`. */
  readonly pollIntervalMs?: number;
}

/** PortingGateway over HTTP (fetch) to the carrier simulator / clearinghouse service. */
export class HttpPortingGateway implements PortingGateway {
  private readonly handlers = new Set<(m: InboundPortMessage) => Promise<void> | void>();
  private pollTimer: NodeJS.Timeout | undefined;
  private cursor: string | undefined;

  constructor(private readonly opts: HttpPortingGatewayOptions) {}

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.opts.baseUrl}/carrier-sim/v1${path}`, {
        method, headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5_000),
      });
    } catch (e) {
      throw new CarrierGatewayError(`carrier gateway unreachable: ${(e as Error).message}`, true);
    }
    if (!res.ok) throw new CarrierGatewayError(`carrier gateway answered ${res.status}: ${await res.text()}`, res.status >= 500 || res.status === 429, res.status);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  private send(message: OutboundPortMessage, idempotencyKey: string): Promise<GatewayReceipt> {
    return this.call<GatewayReceipt>('POST', '/messages', { idempotencyKey, message }, { 'idempotency-key': idempotencyKey });
  }

  /** Sends a port request. */
  submit: PortingGateway['submit'] = (m, key) => this.send(m, key);
  /** Sends a supplement. */
  supplement: PortingGateway['supplement'] = (m, key) => this.send(m, key);
  /** Sends a cancel supplement. */
  cancel: PortingGateway['cancel'] = (m, key) => this.send(m, key);
  /** Sends a snap-back request. */
  requestSnapback: PortingGateway['requestSnapback'] = (m, key) => this.send(m, key);
  /** Sends a clearinghouse message. */
  sendClearinghouse: PortingGateway['sendClearinghouse'] = (m, key) => this.send(m, key);

  /** What the carrier holds for a PON. */
  query(pon: string): Promise<PortQueryResult> {
    return this.call<PortQueryResult>('GET', `/orders/${encodeURIComponent(pon)}`);
  }

  /** Unacknowledged inbound messages after the cursor. */
  poll(cursor: string | undefined, limit = 100): Promise<InboundPage> {
    return this.call<InboundPage>('GET', `/inbox?cursor=${encodeURIComponent(cursor ?? '0')}&limit=${limit}`);
  }

  /** Acknowledges consumed messages. */
  async acknowledge(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.call<void>('POST', '/inbox/ack', { messageIds: ids });
  }

  /** Feeds a message received on Provisio's callback route to the subscribers. */
  async deliver(message: InboundPortMessage): Promise<void> {
    for (const h of this.handlers) await h(message);
  }

  /** Pushes inbound messages to the handler, polling when no callback route feeds `deliver`. */
  subscribe(handler: (m: InboundPortMessage) => Promise<void> | void): () => void {
    this.handlers.add(handler);
    if (this.pollTimer === undefined && this.opts.pollIntervalMs !== undefined) {
      this.pollTimer = setInterval(() => void this.pollOnce().catch(() => undefined), this.opts.pollIntervalMs);
    }
    return () => {
      this.handlers.delete(handler);
      if (this.handlers.size === 0 && this.pollTimer !== undefined) {
        clearInterval(this.pollTimer);
        this.pollTimer = undefined;
      }
    };
  }

  private async pollOnce(): Promise<void> {
    const page = await this.poll(this.cursor);
    this.cursor = page.cursor;
    for (const m of page.messages) await this.deliver(m);
    await this.acknowledge(page.messages.map((m) => m.messageId));
  }
}
