import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/main/runtime.js';
import { readServerConfig } from '../../src/main/server-config.js';

// An API process lets go of the simulated world once its reference data are built; an engine process keeps it.
describe('the simulated world of a process', () => {
  const dirs: string[] = [];
  const runtimes: Runtime[] = [];
  const open = async (engine: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'provisio-rt-'));
    dirs.push(dir);
    const rt = await openRuntime(readServerConfig(['--data-dir', dir, '--log-level', 'silent', ...(engine ? [] : ['--no-engine'])], {}), 'test');
    runtimes.push(rt);
    return rt;
  };
  afterEach(async () => {
    for (const rt of runtimes.splice(0)) await rt.stop();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('is released by a process that runs no engine and rebuilt the same when used again', async () => {
    const rt = await open(false);
    const before = rt.world();
    const { addressReference } = rt.referenceData();
    rt.releaseWorld();
    const again = rt.world();
    expect(again).not.toBe(before);
    expect(again.customers.map((c) => c.id)).toEqual(before.customers.map((c) => c.id));
    expect(again.start).toBe(before.start);
    // the reference data built before the release are kept
    expect(rt.referenceData().addressReference).toBe(addressReference);
  });

  it('is kept by a process that runs the engine', async () => {
    const rt = await open(true);
    const before = rt.world();
    rt.referenceData();
    rt.releaseWorld();
    expect(rt.world()).toBe(before);
  });
});
