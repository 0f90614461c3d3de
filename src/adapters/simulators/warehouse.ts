import { stockOnHand, type Sku, type World } from '../../../sim/world/index.js';

const DAY_MS = 86_400_000;

/**
 * The regional warehouses as the simulated systems use them: the world's stock on hand for the
 * day, less what the simulators took that day, plus what came back.
 */
export class Warehouse {
  private readonly taken = new Map<string, number>();

  constructor(private readonly world: World) {}

  private slot(regionId: string, sku: Sku, at: number): string {
    return `${regionId}|${sku.id}|${Math.floor(at / DAY_MS)}`;
  }

  /** Units that can still be reserved in a region on the day of `at`. */
  available(regionId: string, sku: Sku, at: number): number {
    return stockOnHand(this.world.seed, regionId, sku, new Date(at)) - (this.taken.get(this.slot(regionId, sku, at)) ?? 0);
  }

  /** Takes one unit. */
  take(regionId: string, sku: Sku, at: number): void {
    const slot = this.slot(regionId, sku, at);
    this.taken.set(slot, (this.taken.get(slot) ?? 0) + 1);
  }

  /** Puts one unit back on the day of `at`. */
  putBack(regionId: string, sku: Sku, at: number): void {
    const slot = this.slot(regionId, sku, at);
    this.taken.set(slot, (this.taken.get(slot) ?? 0) - 1);
  }
}
