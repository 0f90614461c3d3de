import type { RandomStream } from '../../../sim/random/index.js';
import type { SimulationMode } from './simulation-mode.js';

/** The simulated OSS/BSS systems, as named in failures and in the effect ledger. */
export const SIMULATED_SYSTEMS = ['inventory', 'hlr', 'activation', 'logistics', 'field-service', 'billing', 'crm', 'legacy', 'porting'] as const;
/** One simulated system. */
export type SimulatedSystem = (typeof SIMULATED_SYSTEMS)[number];

/** How one system answers: a log-normal response time and a rate of transient (retryable) failures. */
export interface SystemProfile {
  /** Median response time in simulated ms. */
  readonly medianMs: number;
  /** Spread of the log-normal response time (sigma of its log). */
  readonly spread: number;
  /** Share of calls failing with a retryable SYSTEM_BUSY. */
  readonly transientRate: number;
  /** Whether the system sits behind a region's legacy stack (slow and timing out under load there). */
  readonly legacyFronted: boolean;
}

const ZERO: SystemProfile = { medianMs: 0, spread: 0, transientRate: 0, legacyFronted: false };

/** Response times and transient failure rates of the realistic mode (documented defaults). */
export const REALISTIC_PROFILES: Readonly<Record<SimulatedSystem, SystemProfile>> = {
  inventory: { medianMs: 120, spread: 0.5, transientRate: 0.01, legacyFronted: false },
  hlr: { medianMs: 250, spread: 0.6, transientRate: 0.015, legacyFronted: true },
  activation: { medianMs: 800, spread: 0.7, transientRate: 0.02, legacyFronted: true },
  logistics: { medianMs: 300, spread: 0.5, transientRate: 0.01, legacyFronted: false },
  'field-service': { medianMs: 400, spread: 0.5, transientRate: 0.01, legacyFronted: false },
  billing: { medianMs: 200, spread: 0.5, transientRate: 0.015, legacyFronted: false },
  crm: { medianMs: 150, spread: 0.5, transientRate: 0.02, legacyFronted: false },
  legacy: { medianMs: 2_000, spread: 0.9, transientRate: 0.03, legacyFronted: true },
  porting: { medianMs: 600, spread: 0.6, transientRate: 0.02, legacyFronted: false },
};

/** The profiles of a mode: all zero for `instant`. */
export function profilesFor(mode: SimulationMode): Readonly<Record<SimulatedSystem, SystemProfile>> {
  if (mode === 'realistic') return REALISTIC_PROFILES;
  return Object.fromEntries(SIMULATED_SYSTEMS.map((s) => [s, ZERO])) as Record<SimulatedSystem, SystemProfile>;
}

/** Draws one response time (ms) of a system from its profile. */
export function drawLatency(profile: SystemProfile, rng: RandomStream): number {
  if (profile.medianMs <= 0) return 0;
  return Math.round(rng.lognormal(Math.log(profile.medianMs), profile.spread));
}
