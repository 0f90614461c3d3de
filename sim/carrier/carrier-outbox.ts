import type { InboundPortMessage } from '../../src/domain/porting/port-message.js';

/** The sequence number in a message id `cs-N`. */
function seqOf(m: InboundPortMessage): number {
  return Number(m.messageId.slice(3));
}

/**
 * Messages the simulated carriers and clearinghouse hold for Provisio, redelivered until acknowledged.
 * Acknowledged messages leave once they are a good share of the outbox, so that polls stay cheap over
 * a long run (a server runs the carrier simulator for as long as it is up).
 */
export class CarrierOutbox {
  private readonly messages: InboundPortMessage[] = [];
  private readonly acked = new Set<string>();

  /** Adds a message; ids are in increasing sequence order. */
  push(m: InboundPortMessage): void {
    this.messages.push(m);
  }

  /** Unacknowledged messages after a cursor (the sequence number of the last one seen). */
  poll(cursor: number, limit: number): { messages: InboundPortMessage[]; cursor: number } {
    let lo = 0;
    for (let hi = this.messages.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (seqOf(this.messages[mid]!) > cursor) hi = mid;
      else lo = mid + 1;
    }
    const page: InboundPortMessage[] = [];
    for (let i = lo; i < this.messages.length && page.length < limit; i++) {
      const m = this.messages[i]!;
      if (!this.acked.has(m.messageId)) page.push(m);
    }
    const last = page.at(-1);
    return { messages: page, cursor: last === undefined ? cursor : seqOf(last) };
  }

  /** Acknowledges delivered messages so they are not delivered again. */
  acknowledge(ids: readonly string[]): void {
    for (const id of ids) this.acked.add(id);
    if (this.acked.size < 256 || this.acked.size * 4 < this.messages.length) return;
    const open = this.messages.filter((m) => !this.acked.has(m.messageId));
    this.messages.splice(0, this.messages.length, ...open);
    this.acked.clear();
  }
}
