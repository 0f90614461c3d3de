import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aNewMobileActivation } from '../fixtures/catalog-orders.js';
import { createBodyOf } from '../fixtures/tmf622-bodies.js';

const dataDir = mkdtempSync(join(tmpdir(), 'provisio-crash-'));
const port = 18900 + Math.floor(Math.random() * 90);
const api = `http://127.0.0.1:${port}/tmf-api/productOrderingManagement/v4`;
const body = JSON.stringify(createBodyOf(aNewMobileActivation()));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface ServerProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<unknown>;
}

async function startServerProcess(): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/server.ts', '--port', String(port), '--data-dir', dataDir, '--log-level', 'error', '--no-engine'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return { child, exited };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

/** Posts orders from `workers` concurrent clients until the server dies; returns the acknowledged ids. */
async function postUntilDead(workers: number): Promise<string[]> {
  const acknowledged: string[] = [];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (;;) {
        try {
          const res = await fetch(`${api}/productOrder`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
          if (res.status !== 201) return;
          acknowledged.push(((await res.json()) as { id: string }).id);
        } catch {
          return; // connection refused or reset: the server is gone
        }
      }
    }),
  );
  return acknowledged;
}

describe('crash safety of order capture', () => {
  it('keeps every acknowledged order across SIGKILLs at random moments', { timeout: 240_000 }, async () => {
    const all: string[] = [];
    for (let round = 0; round < 3; round++) {
      const server = await startServerProcess();
      const posting = postUntilDead(16);
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 600));
      server.child.kill('SIGKILL');
      all.push(...(await posting));
      await server.exited;
    }
    expect(all.length).toBeGreaterThan(20);
    const server = await startServerProcess();
    try {
      const missing: string[] = [];
      for (const id of all) {
        const res = await fetch(`${api}/productOrder/${id}?fields=state`);
        if (res.status !== 200) missing.push(id);
      }
      expect(missing).toEqual([]);
      const listed = await fetch(`${api}/productOrder?limit=1`);
      expect(Number(listed.headers.get('x-total-count'))).toBeGreaterThanOrEqual(all.length);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
