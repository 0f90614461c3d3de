import type { InboundPortMessage, OutboundPortMessage } from '../../domain/porting/port-message.js';
import type { GatewayReceipt, InboundPage, PortingGateway, PortQueryResult } from '../../ports/porting-gateway.js';
import type { CarrierWorld } from '../../../sim/carrier/carrier-world.js';

/** PortingGateway against the simulated carrier world in the same process (fast virtual-clock runs). */
export class InProcessPortingGateway implements PortingGateway {
  constructor(private readonly world: CarrierWorld) {}

  private send(message: OutboundPortMessage, key: string): Promise<GatewayReceipt> {
    return Promise.resolve(this.world.receive(message, key));
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

  /** What the world holds for a PON. */
  async query(pon: string): Promise<PortQueryResult> {
    const q = this.world.query(pon);
    return { pon, latestVersion: q.latestVersion, status: q.status, svs: q.svs };
  }

  /** Unacknowledged messages after the cursor. */
  async poll(cursor: string | undefined, limit?: number): Promise<InboundPage> {
    const page = this.world.poll(Number(cursor ?? 0), limit);
    return { messages: page.messages, cursor: String(page.cursor) };
  }

  /** Acknowledges consumed messages. */
  async acknowledge(ids: readonly string[]): Promise<void> {
    this.world.acknowledge(ids);
  }

  /** Pushes messages as the world emits them. */
  subscribe(handler: (m: InboundPortMessage) => Promise<void> | void): () => void {
    return this.world.onMessage((m) => void handler(m));
  }
}
