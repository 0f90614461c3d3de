import type { Engine } from '../engine/engine.js';

/** A running engine loop that survives database outages, and how to stop it. */
export interface SupervisedEngine {
  start(): void;
  /** Cuts the idle pause short (new tasks were committed, e.g. by another process); a wake-up during a round skips the next pause. */
  wake(): void;
  /** Stops after the round in flight. */
  stop(): Promise<void>;
}

/** Timing of the supervised loop. */
export interface SupervisorOptions {
  /** Pause when no task was due, in ms (default 20); `wake` cuts it short. */
  readonly idleMs?: number;
  /** Pause after a failed round, in ms (default 500); the round's leases expire and are claimed again. */
  readonly retryMs?: number;
  /** Told about every failed round. */
  readonly onError: (err: unknown) => void;
}

/**
 * Runs engine rounds one after another like `engine.start()`, but a round that fails (the database
 * restarting, a connection reset) is reported and retried after a pause instead of ending the loop,
 * so a worker outlives a PostgreSQL restart or failover.
 */
export function superviseEngine(engine: Pick<Engine, 'tick'>, options: SupervisorOptions): SupervisedEngine {
  let running = false;
  let loop: Promise<void> | undefined;
  let woken = false;
  let endPause: (() => void) | undefined;
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const idle = (ms: number): Promise<void> => {
    if (woken) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => endPause?.(), ms);
      endPause = () => {
        clearTimeout(timer);
        endPause = undefined;
        resolve();
      };
    });
  };
  const round = async (): Promise<void> => {
    try {
      if ((await engine.tick()) === 0) await idle(options.idleMs ?? 20);
    } catch (err) {
      options.onError(err);
      await pause(options.retryMs ?? 500);
    }
  };
  return {
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) await round();
      })();
    },
    wake() {
      if (endPause !== undefined) endPause();
      else woken = true;
    },
    async stop() {
      running = false;
      endPause?.();
      await loop;
    },
  };
}
