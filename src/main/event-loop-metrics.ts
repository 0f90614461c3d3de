import { performance } from 'node:perf_hooks';
import { Counter, type Registry } from 'prom-client';

/**
 * The event loop's busy time as a Prometheus counter: `rate(provisio_event_loop_busy_seconds_total[1m])`
 * is the share of time the loop ran callbacks rather than waited for I/O (its utilisation). The loop
 * takes every request, commit and response of the process, so at 1 it is saturated: requests queue
 * and latency grows however many cores are idle. prom-client's `nodejs_eventloop_lag_*` tell how late
 * timers run; this tells how close the process is to that point before the lag shows.
 */
export function eventLoopMetrics(registry: Registry): void {
  let reported = performance.eventLoopUtilization().active;
  new Counter({
    name: 'provisio_event_loop_busy_seconds_total',
    help: 'Seconds the event loop spent running callbacks (rate() = utilisation, 1 = saturated)',
    registers: [registry],
    collect() {
      const active = performance.eventLoopUtilization().active;
      if (active > reported) this.inc((active - reported) / 1000);
      reported = active;
    },
  });
}
