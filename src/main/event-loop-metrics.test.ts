import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { eventLoopMetrics } from './event-loop-metrics.js';

async function busySeconds(registry: Registry): Promise<number> {
  const m = await registry.getSingleMetric('provisio_event_loop_busy_seconds_total')?.get();
  return m?.values[0]?.value ?? Number.NaN;
}

function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // keep the loop busy
  }
}

describe('event loop busy time', () => {
  it('counts time spent running callbacks and not time spent waiting', async () => {
    const registry = new Registry();
    eventLoopMetrics(registry);
    const start = await busySeconds(registry);
    // Busy: a callback that runs 200 ms.
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        spin(200);
        resolve();
      }),
    );
    const afterBusy = await busySeconds(registry);
    expect(afterBusy - start).toBeGreaterThanOrEqual(0.18);
    // Idle: 300 ms waiting for a timer.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const afterIdle = await busySeconds(registry);
    expect(afterIdle - afterBusy).toBeLessThan(0.15);
  });
});
