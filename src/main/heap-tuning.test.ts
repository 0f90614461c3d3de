import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { heapFlagsToSet, SERVING_HEAP_FLAGS } from './heap-tuning.js';

describe('serving heap flags', () => {
  it('sets every flag the process was not started with', () => {
    expect(heapFlagsToSet([])).toEqual([...SERVING_HEAP_FLAGS]);
    expect(heapFlagsToSet(['--max-old-space-size=256', '--import', 'tsx'])).toEqual([...SERVING_HEAP_FLAGS]);
  });

  it("leaves the operator's own setting of a flag alone, in either spelling or its negation", () => {
    expect(heapFlagsToSet(['--heap-growing-percent=50'])).toEqual(['--no-allocation-site-pretenuring']);
    expect(heapFlagsToSet(['--heap_growing_percent=50', '--allocation-site-pretenuring'])).toEqual([]);
  });

  it('are flags this Node.js knows (an unknown one would be ignored without a word)', () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    for (const flag of SERVING_HEAP_FLAGS) expect(known).toContain(`  ${flag.replace(/^--no-/, '--').replace(/=.*$/, '')} `);
  });
});
