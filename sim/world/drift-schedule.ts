/** Kinds of change the world goes through over the months of a run. */
export const DRIFT_KINDS = ['carrier-tightening', 'legacy-migration', 'product-launch'] as const;
/** A kind of world change. */
export type DriftKind = (typeof DRIFT_KINDS)[number];

/** One scheduled change to the world, as data (fallout reference §2.7). */
export type DriftEvent =
  | { readonly kind: 'carrier-tightening'; readonly month: number; readonly at: string; readonly portLogitDelta: number }
  | { readonly kind: 'legacy-migration'; readonly month: number; readonly at: string; readonly regionIds: readonly string[] }
  | { readonly kind: 'product-launch'; readonly month: number; readonly at: string; readonly skuId: string; readonly offeringId?: string };

/** Average month length in days, used to turn a month index into a date. */
export const MONTH_DAYS = 30.42;
const DAY_MS = 86_400_000;

/** Month index of `at` counted from the world start (0 = first month). */
export function monthIndex(worldStart: Date, at: Date): number {
  return Math.floor((at.getTime() - worldStart.getTime()) / DAY_MS / MONTH_DAYS);
}

/** The instant month `m` begins, counted from the world start. */
export function monthStart(worldStart: Date, m: number): Date {
  return new Date(worldStart.getTime() + Math.round(m * MONTH_DAYS * DAY_MS));
}

/** The reference drift schedule: tightening in month 6, migration in month 8, launch in month 9. */
export function referenceDrift(worldStart: Date, legacyRegionIds: readonly string[], launchOfferingId?: string): DriftEvent[] {
  const at = (m: number): string => monthStart(worldStart, m).toISOString();
  const launch: DriftEvent = { kind: 'product-launch', month: 9, at: at(9), skuId: 'RTR-WIFI7' };
  return [
    { kind: 'carrier-tightening', month: 6, at: at(6), portLogitDelta: 0.8 },
    { kind: 'legacy-migration', month: 8, at: at(8), regionIds: legacyRegionIds.slice(0, 3) },
    launchOfferingId === undefined ? launch : { ...launch, offeringId: launchOfferingId },
  ];
}
