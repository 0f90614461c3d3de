import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStores, type SqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { readServerConfig } from '../../src/main/server-config.js';
import { aProductOrder } from '../fixtures/product-order-builder.js';

describe('group-commit window', () => {
  const dirs: string[] = [];
  const opened: SqliteStores[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const open = (commitWindowMs: number | undefined, batches: number[], synchronous?: 'NORMAL') => {
    const dir = mkdtempSync(join(tmpdir(), 'provisio-window-'));
    dirs.push(dir);
    const stores = openSqliteStores({
      path: join(dir, 'provisio.db'),
      ...(commitWindowMs === undefined ? {} : { commitWindowMs }),
      ...(synchronous === undefined ? {} : { synchronous }),
      onCommitBatch: (b) => batches.push(b.size),
    });
    opened.push(stores);
    return stores;
  };
  // Three orders submitted on three successive turns of the event loop.
  const submitOnSeparateTicks = async (stores: SqliteStores) => {
    const commits: Promise<void>[] = [];
    for (let i = 0; i < 3; i++) {
      commits.push(stores.orders.commit({ orders: [{ record: aProductOrder({ id: `CW-${i}` }), expectedVersion: null }] }));
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(commits);
  };

  it('without a window (and without a flush to wait for), change sets of separate ticks commit separately', async () => {
    const batches: number[] = [];
    // synchronous=NORMAL: nothing to flush after COMMIT, so nothing holds a write back.
    await submitOnSeparateTicks(open(undefined, batches, 'NORMAL'));
    expect(batches).toEqual([1, 1, 1]);
  });

  it('with a window, change sets arriving within it share one transaction', async () => {
    const batches: number[] = [];
    const stores = open(20, batches);
    await submitOnSeparateTicks(stores);
    expect(batches).toEqual([3]);
    expect((await stores.orders.getOrder('CW-2'))?.id).toBe('CW-2');
  });

  it('is read from --commit-window-ms or PROVISIO_COMMIT_WINDOW_MS, and refuses what is not 0-100 whole ms', () => {
    expect(readServerConfig([], {}).commitWindowMs).toBeUndefined();
    expect(readServerConfig(['--commit-window-ms', '2'], {}).commitWindowMs).toBe(2);
    expect(readServerConfig([], { PROVISIO_COMMIT_WINDOW_MS: '3' }).commitWindowMs).toBe(3);
    for (const bad of ['-1', '1.5', '101', 'soon']) expect(() => readServerConfig([`--commit-window-ms=${bad}`], {})).toThrow(/commit window/);
  });
});
