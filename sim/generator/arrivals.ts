import type { RandomStream } from '../random/index.js';

const DAY_MS = 86_400_000;
/** Relative order volume by weekday, Sunday first. */
const WEEKDAY = [0.45, 1.1, 1.05, 1.0, 1.0, 1.05, 0.7];

/** Relative volume of one calendar day: weekly pattern, month-end peak, Nov-Dec season. */
export function dayWeight(day: Date): number {
  const monthEnd = day.getUTCDate() >= 26 ? 1.35 : 1;
  const season = day.getUTCMonth() >= 10 ? 1.3 : 1;
  return (WEEKDAY[day.getUTCDay()] ?? 1) * monthEnd * season;
}

/** `count` submission instants over `days` days from `start`, sorted; hours peak early afternoon. */
export function drawArrivals(r: RandomStream, start: Date, days: number, count: number): Date[] {
  const dayStarts = Array.from({ length: Math.max(1, Math.ceil(days)) }, (_, d) => new Date(start.getTime() + d * DAY_MS));
  const weighted = dayStarts.map((d) => [d, dayWeight(d)] as const);
  const out: Date[] = [];
  for (let i = 0; i < count; i++) {
    const day = r.weighted(weighted);
    const hour = Math.min(23, Math.max(0, Math.round(r.normal(13, 3.5))));
    const ms = hour * 3_600_000 + r.int(0, 3_599_999);
    out.push(new Date(day.getTime() + ms));
  }
  return out.sort((a, b) => a.getTime() - b.getTime());
}
