import { processCancelRequest, settleCancelRequest, type CancelOrderDeps } from '../app/cancel-order.js';
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

  /**
   * Processes every acknowledged cancel request and settles in-progress ones whose order has ended;
   * returns how many requests changed.
   */
  async runOnce(): Promise<number> {
    const open = await this.deps.store.listCancelRequests({
      filters: [{ path: 'state', op: 'eq', values: ['acknowledged', 'inProgress'] }],
      offset: 0,
      limit: 200,
    });
    let changed = 0;
    for (const request of open.items) {
      const outcome =
        request.state === 'acknowledged' ? await processCancelRequest(this.deps, request.id) : await settleCancelRequest(this.deps, request.id);
      if (outcome !== undefined) changed += 1;
    }
    return changed;
  }
}
