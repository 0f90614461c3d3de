import { streamFor, type Seed } from '../random/index.js';

/** Product families of the operator's portfolio. */
export const PRODUCT_FAMILIES = ['mobile', 'fiber', 'dsl', 'voip', 'iptv', 'dia'] as const;
/** A product family (the kind of service an order item is about). */
export type ProductFamily = (typeof PRODUCT_FAMILIES)[number];

/** A stock-keeping unit of customer equipment, SIM or eSIM profile. */
export interface Sku {
  readonly id: string;
  readonly name: string;
  readonly families: readonly ProductFamily[];
  /** Shortage propensity φ (latent): higher runs short more often. */
  readonly shortage: number;
  /** Month (from the world start) the SKU launches; absent means available from the start. */
  readonly launchMonth?: number;
}

/** The SKUs: SIMs and eSIM profiles for mobile, routers and terminals for fixed products. */
export const SKUS: readonly Sku[] = [
  { id: 'SIM-NANO', name: 'Nano SIM card', families: ['mobile'], shortage: 0.05 },
  { id: 'ESIM-PROFILE', name: 'eSIM profile', families: ['mobile'], shortage: 0.04 },
  { id: 'ONT-XGS', name: 'XGS-PON optical terminal', families: ['fiber', 'dia'], shortage: 0.12 },
  { id: 'RTR-WIFI6', name: 'Wi-Fi 6 home router', families: ['fiber', 'dsl'], shortage: 0.1 },
  { id: 'RTR-WIFI6E', name: 'Wi-Fi 6E home router', families: ['fiber', 'dsl'], shortage: 0.22 },
  { id: 'MDM-VDSL2', name: 'VDSL2 modem', families: ['dsl', 'voip'], shortage: 0.18 },
  { id: 'ATA-2P', name: 'Two-port voice adapter', families: ['voip', 'dsl'], shortage: 0.08 },
  { id: 'PHN-DESK', name: 'Desk IP phone', families: ['voip', 'dia'], shortage: 0.3 },
  { id: 'STB-4K', name: '4K set-top box', families: ['iptv', 'fiber'], shortage: 0.26 },
  { id: 'STB-HD', name: 'HD set-top box', families: ['iptv', 'dsl'], shortage: 0.06 },
  { id: 'EXT-MESH', name: 'Mesh Wi-Fi extender', families: ['fiber', 'iptv'], shortage: 0.2 },
  { id: 'RTR-ENT', name: 'Business edge router', families: ['dia', 'mobile'], shortage: 0.14 },
  { id: 'RTR-WIFI7', name: 'Wi-Fi 7 home router', families: ['fiber', 'dsl'], shortage: 0.5, launchMonth: 9 },
];

/** The SKUs that can serve a family at a month (launched ones only). */
export function skusFor(family: ProductFamily, month: number): readonly Sku[] {
  return SKUS.filter((s) => s.families.includes(family) && (s.launchMonth === undefined || month >= s.launchMonth));
}

const DAY_MS = 86_400_000;
const REPLENISH_DAYS = 7;

/**
 * Units of a SKU on hand in a region's warehouse on the day of `at`. Stock is replenished every
 * week and drawn down through the week, lower at month end; the same (seed, region, SKU, day)
 * always gives the same level, so every simulator sees one consistent warehouse.
 */
export function stockOnHand(seed: Seed, regionId: string, sku: Sku, at: Date): number {
  const day = Math.floor(at.getTime() / DAY_MS);
  const cycle = Math.floor(day / REPLENISH_DAYS);
  const intoCycle = (day % REPLENISH_DAYS) / REPLENISH_DAYS;
  const weekly = streamFor(seed, 'stock-delivery', regionId, sku.id, cycle).uniform(0.7, 1.3);
  const monthEnd = at.getUTCDate() >= 26 ? 0.7 : 1;
  const mean = 12 * Math.exp(-5 * sku.shortage) * weekly * (1 - 0.6 * intoCycle) * monthEnd;
  return streamFor(seed, 'stock', regionId, sku.id, day).poisson(mean);
}
