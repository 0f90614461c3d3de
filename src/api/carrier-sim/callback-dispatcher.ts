import type { InboundPortMessage } from '../../domain/porting/port-message.js';

/** Posts every message for Provisio to its callback URL, retrying a few times until a 2xx answer. */
export function dispatchCallbacks(callbackUrl: string, opts: { attempts?: number; retryMs?: number } = {}) {
  const attempts = opts.attempts ?? 5;
  const retryMs = opts.retryMs ?? 1_000;
  const pending = new Set<Promise<void>>();
  async function deliver(m: InboundPortMessage): Promise<void> {
    for (let i = 0; i < attempts; i++) {
      try {
        const res = await fetch(callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': m.idempotencyKey }, body: JSON.stringify(m) });
        if (res.ok) return;
      } catch {
        // Provisio unreachable: retry below
      }
      await new Promise((r) => setTimeout(r, retryMs * (i + 1)));
    }
  }
  return {
    /** Queues one message for delivery. */
    send(m: InboundPortMessage): void {
      const p = deliver(m).finally(() => pending.delete(p));
      pending.add(p);
    },
    /** Waits for the deliveries in flight. */
    async drain(): Promise<void> {
      await Promise.allSettled([...pending]);
    },
  };
}
