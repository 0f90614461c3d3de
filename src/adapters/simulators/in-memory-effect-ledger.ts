import type { Clock } from '../../ports/clock.js';
import type { AppliedEffect, EffectLedger, EffectReport, RecordOutcome } from '../../ports/effect-ledger.js';

/**
 * The effect ledger in memory (benchmarks, tests, runs that need no audit after exit): a map per
 * key decides applied vs duplicate; a separate append-only journal backs the duplicate count.
 */
export class InMemoryEffectLedger implements EffectLedger {
  private readonly effects = new Map<string, AppliedEffect>();
  /** Every application, appended and never changed. */
  readonly journal: { readonly key: string; readonly system: string }[] = [];
  private refused = 0;

  constructor(private readonly clock: Clock) {}

  async record(key: string, system: string, operation: string, effect: Readonly<Record<string, unknown>>): Promise<RecordOutcome> {
    if (this.effects.has(key)) {
      this.refused += 1;
      return 'duplicate';
    }
    this.effects.set(key, { key, system, operation, effect: structuredClone(effect), appliedAt: this.clock.now() });
    this.journal.push({ key, system });
    return 'applied';
  }

  async lookup(key: string): Promise<AppliedEffect | undefined> {
    return this.effects.get(key);
  }

  async report(): Promise<EffectReport> {
    const applied: Record<string, number> = {};
    const seen = new Map<string, number>();
    for (const e of this.journal) {
      applied[e.system] = (applied[e.system] ?? 0) + 1;
      seen.set(e.key, (seen.get(e.key) ?? 0) + 1);
    }
    const twice = [...seen].filter(([, n]) => n > 1);
    return {
      applied,
      totalApplied: this.journal.length,
      duplicates: twice.reduce((s, [, n]) => s + n - 1, 0),
      duplicateKeys: twice.slice(0, 20).map(([k]) => k).sort(),
      refused: this.refused,
    };
  }
}
