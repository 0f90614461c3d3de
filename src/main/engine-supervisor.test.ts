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
});
