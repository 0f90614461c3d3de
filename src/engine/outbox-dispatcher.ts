import type { Clock } from '../ports/clock.js';
import type { DeliveryQueue } from '../ports/delivery-queue.js';
import type { EventSender } from '../ports/event-sender.js';
import { DeliveryFailed } from '../ports/event-sender.js';
import { PollingLoop } from './polling-loop.js';

/** Retry policy of notification delivery. */
export interface DeliveryPolicy {
  /** First retry delay; doubles each attempt. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** After this many attempts a delivery is given up (dead). */
  readonly maxAttempts: number;
  /** How long a claimed delivery stays leased to this dispatcher. */
  readonly leaseMs: number;
  readonly batchSize: number;
}

/** Defaults: 1 s doubling to 10 min, up to 30 attempts (about 4 hours), 100 per batch. */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  baseDelayMs: 1000,
  maxDelayMs: 600_000,
  maxAttempts: 30,
  leaseMs: 30_000,
  batchSize: 100,
};

/** When to try a failed delivery again (null = give up). */
export function nextAttemptAt(policy: DeliveryPolicy, attemptsMade: number, now: number): number | null {
  if (attemptsMade >= policy.maxAttempts) return null;
  return now + Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attemptsMade - 1));
}

/** Delivers outbox events to hub listeners until stopped; a listener that is down gets them later. */
export class OutboxDispatcher {
  private readonly loop: PollingLoop;

  constructor(
    private readonly queue: DeliveryQueue,
    private readonly sender: EventSender,
    private readonly clock: Clock,
    private readonly policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
    idleMs = 250,
    onError: (err: unknown) => void = () => {},
  ) {
    this.loop = new PollingLoop(() => this.runOnce(), idleMs, onError);
  }

  /** Starts polling. */
  start(): void {
    this.loop.start();
  }

  /** Asks for a pass soon (after new events were committed). */
  wake(): void {
    this.loop.wake();
  }

  /** Stops polling and waits for the pass in flight. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Runs one pass: claims due deliveries and sends them concurrently; returns how many were claimed. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const batch = await this.queue.claimDue(now, this.policy.batchSize, this.policy.leaseMs);
    await Promise.all(
      batch.map(async (d) => {
        try {
          await this.sender.send(d.listener, d.event);
          await this.queue.markDelivered(d.id, this.clock.now());
        } catch (err) {
          const attempts = d.attempts + 1;
          const retryable = !(err instanceof DeliveryFailed) || err.retryable;
          const next = retryable ? nextAttemptAt(this.policy, attempts, this.clock.now()) : null;
          await this.queue.markFailed(d.id, (err as Error).message, next);
        }
      }),
    );
    return batch.length;
  }
}
