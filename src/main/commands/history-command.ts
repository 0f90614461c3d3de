import { accessSync, appendFileSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { HistoryRecord } from '../../app/features/history-record.js';
import { openStores } from '../open-stores.js';
import { runSimulation } from '../simulation/run-simulation.js';
import { say, type Command } from './command.js';

/**
 * Where the run's throwaway database goes: /dev/shm (memory) when writable, else the temp folder.
 * The engine rewrites each order's pages many times (about 0.4 MB of WAL per order), so on disk a
 * 200,000-order run writes some 90 GB and waits on it; nothing of it needs to survive the run.
 */
export function scratchDir(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

/** Runs generated orders through submit, the engine and the simulators, and returns their history. */
async function generateHistory(orders: number, days: number, seed: number, scratch: string): Promise<HistoryRecord[]> {
  const dataDir = mkdtempSync(join(scratch, 'provisio-history-'));
  try {
    let last = 0;
    const run = await runSimulation({
      seed, orders, days, dataDir, mode: 'parallel', simulators: 'realistic',
      onProgress: (p) => {
        if (p.submitted - last >= 5000 || p.phase !== 'running') {
          last = p.submitted;
          process.stderr.write(`\r${p.phase} ${p.submitted}/${p.total} orders, ${p.tasksRun} tasks, day ${new Date(p.now).toISOString().slice(0, 10)}   `);
        }
      },
    });
    process.stderr.write('\n');
    const stores = await openStores({ dataDir, synchronous: 'NORMAL' });
    try {
      const out: HistoryRecord[] = [];
      for (const r of run.results) {
        const order = await stores.orders.getOrder(r.orderId);
        if (!order) continue;
        out.push({
          order, finalState: r.finalState, fallout: r.fallout,
          ...(r.falloutCode === undefined ? {} : { falloutCode: r.falloutCode }),
          ...(r.falloutSystem === undefined ? {} : { falloutSystem: r.falloutSystem }),
          ...(r.falloutTaskType === undefined ? {} : { falloutTask: r.falloutTaskType }),
          ...(r.cycleTimeMs === undefined ? {} : { cycleTimeMs: r.cycleTimeMs }),
          truth: { ...(r.truth.firstCause === undefined ? {} : { firstCause: r.truth.firstCause }), causes: r.truth.causes },
        });
      }
      return out;
    } finally {
      await stores.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `provisio history generate`: simulated order history (JSON Lines) for training the fallout model. */
export const historyCommand: Command = {
  name: 'history',
  summary: 'generate simulated order history (orders through submit, engine and simulators) as JSON Lines',
  usage: 'provisio history generate [--orders 200000] [--days 365] [--seed 1] [--scratch-dir /dev/shm] --out history.jsonl',
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: [...argv], allowPositionals: true,
      options: { orders: { type: 'string' }, days: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, 'scratch-dir': { type: 'string' } },
    });
    if (positionals[0] !== 'generate' || values.out === undefined) {
      say(`usage: ${this.usage}`);
      return 2;
    }
    const orders = Number(values.orders ?? 200_000);
    // A year: the world's drift (carrier tightening month 6, legacy migration month 8, launch month 9) is inside.
    const days = Number(values.days ?? 365);
    const seed = Number(values.seed ?? 1);
    const started = Date.now();
    const records = await generateHistory(orders, days, seed, values['scratch-dir'] ?? scratchDir());
    writeFileSync(values.out, '');
    for (let i = 0; i < records.length; i += 1000) appendFileSync(values.out, records.slice(i, i + 1000).map((r) => `${JSON.stringify(r)}\n`).join(''));
    const fallout = records.filter((r) => r.fallout).length;
    say(`${records.length} orders written to ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s; fallout ${((100 * fallout) / Math.max(1, records.length)).toFixed(1)}% [synthetic]`);
    return 0;
  },
};
