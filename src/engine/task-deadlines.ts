/** What a shared deadline resolves to when it passes. */
export const TIMED_OUT = Symbol('timed out');

/** One timer shared by the tasks that started within the same millisecond with the same timeout. */
export interface Deadline {
  readonly passed: Promise<typeof TIMED_OUT>;
}

interface Slot extends Deadline {
  readonly startedAt: number;
  timer: NodeJS.Timeout | undefined;
  users: number;
}

/**
 * Task timeouts without a timer per task: tasks started in the same millisecond with the same
 * timeout share one timer, set 1 ms late so that no task gets less than its full timeout. The timer
 * is cleared once every task using it has ended, so nothing keeps the process alive.
 */
export class TaskDeadlines {
  private readonly current = new Map<number, Slot>();

  /** A deadline `ms` from now; hand it back with `release` when the task ends. */
  acquire(ms: number): Deadline {
    const now = performance.now();
    let slot = this.current.get(ms);
    if (slot === undefined || slot.timer === undefined || now - slot.startedAt >= 1) {
      let fire!: (v: typeof TIMED_OUT) => void;
      const passed = new Promise<typeof TIMED_OUT>((resolve) => (fire = resolve));
      const fresh: Slot = { passed, startedAt: now, timer: undefined, users: 0 };
      fresh.timer = setTimeout(() => {
        fresh.timer = undefined;
        fire(TIMED_OUT);
      }, ms + 1);
      this.current.set(ms, (slot = fresh));
    }
    slot.users++;
    return slot;
  }

  /** The task that acquired this deadline has ended. */
  release(deadline: Deadline): void {
    const slot = deadline as Slot;
    if (--slot.users > 0 || slot.timer === undefined) return;
    clearTimeout(slot.timer);
    slot.timer = undefined;
  }
}
