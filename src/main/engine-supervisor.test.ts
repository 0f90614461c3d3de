import { describe, expect, it } from 'vitest';
import { superviseEngine } from './engine-supervisor.js';

/** An engine whose rounds report what the test queues (a number of tasks run, or an error). */
function scriptedEngine(script: (number | Error)[]) {
  let rounds = 0;
  return {
    get rounds() {
      return rounds;
    },
    tick: async () => {
      rounds++;
      const next = script.shift() ?? 0;
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('supervised engine loop', () => {
  it('runs again at once after a wake-up instead of waiting out the idle pause', async () => {
    const engine = scriptedEngine([]);
    const loop = superviseEngine(engine, { idleMs: 60_000, onError: () => {} });
    loop.start();
    await sleep(20);
    expect(engine.rounds).toBe(1);
    loop.wake();
    await sleep(20);
    expect(engine.rounds).toBe(2);
    await loop.stop();
  });

  it('a wake-up during a round skips the next pause, so tasks committed meanwhile are not left waiting', async () => {
    const engine = scriptedEngine([]);
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const loop = superviseEngine(
      {
        tick: async () => {
          const n = await engine.tick();
          if (engine.rounds === 1) await gate;
          return n;
        },
      },
      { idleMs: 60_000, onError: () => {} },
    );
    loop.start();
    loop.wake();
    release();
    await sleep(20);
    expect(engine.rounds).toBe(2);
    await loop.stop();
  });

  it('reports a failed round and goes on after the retry pause', async () => {
    const engine = scriptedEngine([new Error('connection reset'), 3]);
    const errors: unknown[] = [];
    const loop = superviseEngine(engine, { idleMs: 60_000, retryMs: 10, onError: (err) => errors.push(err) });
    loop.start();
    await sleep(60);
    expect(errors.map((e) => (e as Error).message)).toEqual(['connection reset']);
    expect(engine.rounds).toBe(3);
    await loop.stop();
  });

  it('keeps the configured number of rounds in flight, and stop waits for all of them', async () => {
    let inFlight = 0;
    let most = 0;
    let finished = 0;
    const gates: (() => void)[] = [];
    const loop = superviseEngine(
      {
        tick: async () => {
          inFlight++;
          most = Math.max(most, inFlight);
          await new Promise<void>((r) => gates.push(r));
          inFlight--;
          finished++;
          return 1;
        },
      },
      { idleMs: 60_000, rounds: 2, onError: () => {} },
    );
    loop.start();
    await sleep(20);
    expect(inFlight).toBe(2);
    // A round that ends makes room for the next one at once; the other is still running.
    gates.shift()?.();
    await sleep(20);
    expect(inFlight).toBe(2);
    expect(finished).toBe(1);
    const stopped = loop.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await sleep(20);
    expect(done).toBe(false);
    for (const open of gates.splice(0)) open();
    await stopped;
    expect(most).toBe(2);
    expect(finished).toBe(3);
  });

  it('a wake-up ends the idle pause of every round', async () => {
    const engine = scriptedEngine([]);
    const loop = superviseEngine(engine, { idleMs: 60_000, rounds: 3, onError: () => {} });
    loop.start();
    await sleep(20);
    expect(engine.rounds).toBe(3);
    loop.wake();
    await sleep(20);
    expect(engine.rounds).toBe(6);
    await loop.stop();
  });
});
