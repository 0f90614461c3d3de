import { describe, expect, it } from 'vitest';
import { scaledClock } from '../../src/adapters/clock/scaled-clock.js';
import { readServerConfig } from '../../src/main/server-config.js';

describe('server clock and carrier simulator settings', () => {
  it('runs the wall clock unless a clock start or rate is given', () => {
    expect(readServerConfig([], {}).clock).toBeUndefined();
    expect(readServerConfig([], {}).carrierSimUrl).toBeUndefined();
  });

  it('reads a fast clock from flags or environment; two processes with one anchor read the same time', () => {
    const flags = readServerConfig(['--clock-start', '2025-06-02T13:00:00Z', '--clock-rate', '600', '--clock-anchor', '1000'], {});
    const env = readServerConfig([], { PROVISIO_CLOCK_START: '2025-06-02T13:00:00Z', PROVISIO_CLOCK_RATE: '600', PROVISIO_CLOCK_ANCHOR: '1000' });
    expect(flags.clock).toEqual({ startAt: Date.parse('2025-06-02T13:00:00Z'), rate: 600, anchor: 1000 });
    expect(env.clock).toEqual(flags.clock);
    const wall = () => 1000 + 6_000; // six real seconds after the anchor
    expect(new Date(scaledClock(flags.clock!, wall).now()).toISOString()).toBe('2025-06-02T14:00:00.000Z');
  });

  it('refuses bad clock values and a carrier simulator URL that is not http(s)', () => {
    expect(() => readServerConfig(['--clock-rate', '0'], {})).toThrow(/clock rate/);
    expect(() => readServerConfig(['--clock-start', 'monday'], {})).toThrow(/clock start/);
    expect(() => readServerConfig(['--carrier-sim-url', 'ftp://x'], {})).toThrow(/carrier simulator URL/);
    expect(readServerConfig([], { PROVISIO_CARRIER_SIM_URL: 'http://127.0.0.1:8640/' }).carrierSimUrl).toBe('http://127.0.0.1:8640');
  });
});
