import { streamFor } from '../../../sim/random/index.js';
import type { World } from '../../../sim/world/index.js';

const HOUR_MS = 3_600_000;

/**
 * Provisioning load of a region at `at`, 0..1: the daily curve (peak in the afternoon), busier at
 * month end, with a seeded wobble per region and hour. Every system sees the same load.
 */
export function loadAt(world: World, regionId: string, at: number): number {
  const d = new Date(at);
  const hour = d.getUTCHours();
  const monthEnd = d.getUTCDate() >= 26 ? 0.1 : 0;
  const wobble = streamFor(world.seed, 'load', regionId, Math.floor(at / HOUR_MS)).normal(0, 0.15);
  return Math.min(1, Math.max(0, 0.5 + 0.25 * Math.sin((2 * Math.PI * hour) / 24 - 1.5) + wobble + monthEnd));
}

const sigma = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Chance that one call through a region's stack gets no answer in time. The legacy stack saturates
 * under load (about 1 call in 8 at load 0.5, 1 in 2 at load 0.85); the new stack barely notices.
 */
export function timeoutRisk(legacyStack: boolean, load: number): number {
  return legacyStack ? sigma(-4.4 + 5 * load) : sigma(-9 + 4 * load);
}

/**
 * Whether a region's stack is saturated during the hour of `at`: then no call through it is
 * answered in time until the hour is over. Drawn once per region and hour with `timeoutRisk`.
 */
export function stackSaturated(world: World, seed: number | string, regionId: string, legacyStack: boolean, at: number): boolean {
  return streamFor(seed, 'saturation', regionId, Math.floor(at / HOUR_MS)).next() < timeoutRisk(legacyStack, loadAt(world, regionId, at));
}
