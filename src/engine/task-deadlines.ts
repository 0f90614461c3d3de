/** A task's place under a shared timer; hand it back with `TaskDeadlines.release` when the task ends. */
export interface Deadline {
  readonly slot: Slot;
  readonly index: number;
}

interface Slot {
  readonly startedAt: number;
  timer: NodeJS.Timeout | undefined;
  users: number;
  /** What to call when the timer fires, per task still waiting (undefined once released). */
  readonly onPass: ((() => void) | undefined)[];
}

/**
 * Task timeouts without a timer per task: tasks started in the same millisecond with the same
 * timeout share one timer, set 1 ms late so that no task gets less than its full timeout. The timer
 * is cleared once every task using it has ended, so nothing keeps the process alive.
 */
export class TaskDeadlines {
  private readonly current = new Map<number, Slot>();

  /** Calls `onPass` `ms` from now unless the deadline is released first. */
  acquire(ms: number, onPass: () => void): Deadline {
    const now = performance.now();
    let slot = this.current.get(ms);
    if (slot === undefined || slot.timer === undefined || now - slot.startedAt >= 1) {
      const fresh: Slot = { startedAt: now, timer: undefined, users: 0, onPass: [] };
      fresh.timer = setTimeout(() => {
        fresh.timer = undefined;
        for (const f of fresh.onPass) f?.();
      }, ms + 1);
      this.current.set(ms, (slot = fresh));
    }
    slot.users++;
    return { slot, index: slot.onPass.push(onPass) - 1 };
  }

  /** The task that acquired this deadline has ended: its `onPass` will not be called. */
  release(deadline: Deadline): void {
    const slot = deadline.slot;
    slot.onPass[deadline.index] = undefined;
    if (--slot.users > 0 || slot.timer === undefined) return;
    clearTimeout(slot.timer);
    slot.timer = undefined;
  }
}
