import type { Engine } from '../engine/engine.js';

/** A running engine loop that survives database outages, and how to stop it. */
export interface SupervisedEngine {
  start(): void;
  /** Cuts the idle pause short (new tasks were committed, e.g. by another process); a wake-up during a round skips the next pause. */
  wake(): void;
  /** Stops after the rounds in flight. */
  stop(): Promise<void>;
}

/** Timing of the supervised loop. */
export interface SupervisorOptions {
  /** Pause when no task was due, in ms (default 20); `wake` cuts it short. */
  readonly idleMs?: number;
  /** Pause after a failed round, in ms (default 500); the round's leases expire and are claimed again. */
  readonly retryMs?: number;
  /**
   * Rounds in flight at once (default 1). With a store across the network, a round waits for the
   * database for much of its time; a second round claims and runs meanwhile.
   */
  readonly rounds?: number;
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
  let loops: Promise<void>[] = [];
  let woken = false;
  const pauses = new Set<() => void>();
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const idle = (ms: number): Promise<void> => {
    if (woken) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const end = (): void => {
        clearTimeout(timer);
        pauses.delete(end);
        resolve();
      };
      const timer = setTimeout(end, ms);
      pauses.add(end);
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
  const endPauses = (): boolean => {
    if (pauses.size === 0) return false;
    for (const end of [...pauses]) end();
    return true;
  };
  return {
    start() {
      if (running) return;
      running = true;
      loops = Array.from({ length: Math.max(1, options.rounds ?? 1) }, async () => {
        while (running) await round();
      });
    },
    wake() {
      if (!endPauses()) woken = true;
    },
    async stop() {
      running = false;
      endPauses();
      await Promise.all(loops);
    },
  };
}
