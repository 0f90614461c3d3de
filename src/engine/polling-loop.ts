/**
 * Runs a pass repeatedly: again at once while passes find work or a wake-up was asked for, otherwise
 * after `idleMs`. Errors of a pass (store busy, closing) are reported and the loop goes on.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private wakeRequested = false;

  constructor(
    private readonly pass: () => Promise<number>,
    private readonly idleMs: number,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  /** Starts the loop. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Asks for a pass soon. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.wakeRequested = true;
    else this.schedule(0);
  }

  /** Stops the loop and waits for the pass in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running ??= this.loop().finally(() => (this.running = undefined));
    }, ms);
  }

  private async loop(): Promise<void> {
    let found = 0;
    try {
      found = await this.pass();
    } catch (err) {
      this.onError(err);
    }
    if (this.stopped) return;
    const again = found > 0 || this.wakeRequested;
    this.wakeRequested = false;
    this.schedule(again ? 0 : this.idleMs);
  }
}
