import { processCancelRequest, type CancelOrderDeps } from '../app/cancel-order.js';
import { PollingLoop } from './polling-loop.js';

/** Carries out acknowledged cancel requests, including those left over by a crash. */
export class CancelRequestWorker {
  private readonly loop: PollingLoop;

  constructor(
    private readonly deps: CancelOrderDeps,
    idleMs = 1000,
    onError: (err: unknown) => void = () => {},
  ) {
    this.loop = new PollingLoop(() => this.runOnce(), idleMs, onError);
  }

  /** Starts polling. */
  start(): void {
    this.loop.start();
  }

  /** Asks for a pass soon (a cancel request was stored). */
  wake(): void {
    this.loop.wake();
  }

  /** Stops polling and waits for the pass in flight. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Processes every acknowledged cancel request; returns how many were processed. */
  async runOnce(): Promise<number> {
    const page = await this.deps.store.listCancelRequests({
      filters: [{ path: 'state', op: 'eq', values: ['acknowledged'] }],
      offset: 0,
      limit: 100,
    });
    for (const request of page.items) await processCancelRequest(this.deps, request.id);
    return page.items.length;
  }
}
