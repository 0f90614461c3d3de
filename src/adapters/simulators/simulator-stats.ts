import type { SimulatedSystem } from './system-profile.js';

/** What happened to the calls of one system. */
export interface SystemCallStats {
  calls: number;
  /** Effects applied (first calls of a key that succeeded). */
  applied: number;
  /** Repeated keys answered from the ledger without a new effect. */
  replays: number;
  /** Retryable failures by code (SYSTEM_BUSY, TIMEOUT). */
  readonly retryable: Record<string, number>;
  /** Permanent failures by code (OUT_OF_STOCK, ADDRESS_NOT_FOUND, ...). */
  readonly permanent: Record<string, number>;
  /** Sum of simulated response times, ms. */
  latencyMs: number;
}

/** Counters of every simulated call, per system: the raw data of failure-rate and latency reports. */
export class SimulatorStats {
  private readonly bySystem = new Map<SimulatedSystem, SystemCallStats>();

  /** The (live) counters of one system. */
  of(system: SimulatedSystem): SystemCallStats {
    let s = this.bySystem.get(system);
    if (s === undefined) this.bySystem.set(system, (s = { calls: 0, applied: 0, replays: 0, retryable: {}, permanent: {}, latencyMs: 0 }));
    return s;
  }

  /** Counts a failure of a system by code. */
  failed(system: SimulatedSystem, retryable: boolean, code: string): void {
    const bucket = retryable ? this.of(system).retryable : this.of(system).permanent;
    bucket[code] = (bucket[code] ?? 0) + 1;
  }

  /** A plain snapshot of all systems' counters. */
  snapshot(): Readonly<Partial<Record<SimulatedSystem, SystemCallStats>>> {
    return Object.fromEntries([...this.bySystem].map(([k, v]) => [k, structuredClone(v)]));
  }
}
