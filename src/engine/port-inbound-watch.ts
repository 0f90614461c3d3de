import { PollingLoop } from './polling-loop.js';

/** What the watch drives: the port coordinator's inbound sync (app/porting's PortCoordinator). */
export interface InboundPortSync {
  /** Applies every inbound carrier and clearinghouse message to its port request; returns how many. */
  syncInbound(): Promise<number>;
}

/**
 * Applies the losing carriers' inbound messages on a steady beat. A port-in task applies them when it
 * re-checks its own request; a request no task re-checks any more (withdrawn when its order was
 * cancelled or its item failed, and waiting for the carrier's cancel confirmation) moves only here,
 * and it holds its numbers against later port orders until it does.
 */
export class PortInboundWatch {
  private readonly loop: PollingLoop;

  constructor(sync: InboundPortSync, everyMs: number, onError: (err: unknown) => void = () => {}) {
    this.loop = new PollingLoop(() => sync.syncInbound(), everyMs, onError);
  }

  /** Starts the beat (the first pass at once). */
  start(): void {
    this.loop.start();
  }

  /** Stops the beat and waits for the pass in flight. */
  stop(): Promise<void> {
    return this.loop.stop();
  }
}
