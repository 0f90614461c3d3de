import { streamFor } from '../../../sim/random/index.js';
import { numbersFree, type World } from '../../../sim/world/index.js';

const DAY_MS = 86_400_000;
const POOL_CYCLE_DAYS = 30;

/** The operator's telephone numbers as the simulated inventory assigns them from the world's blocks. */
export class NumberInventory {
  private readonly assigned = new Set<string>();
  private readonly takenInCycle = new Map<string, number>();

  constructor(private readonly world: World) {}

  private cycle(regionId: string, at: number): string {
    return `${regionId}|${Math.floor(at / DAY_MS / POOL_CYCLE_DAYS)}`;
  }

  /** Free numbers a region can still assign at `at`. */
  free(regionId: string, at: number): number {
    return numbersFree(this.world.seed, regionId, new Date(at)) - (this.takenInCycle.get(this.cycle(regionId, at)) ?? 0);
  }

  /** Whether a number is already assigned by this inventory. */
  isAssigned(msisdn: string): boolean {
    return this.assigned.has(msisdn);
  }

  /** Picks a free number of the region (in the area code when it has a block there), seeded by the call's key. */
  pick(regionId: string, areaCode: string | undefined, key: string): string | undefined {
    const blocks = this.world.numberBlocks.filter((b) => b.regionId === regionId);
    const block = blocks.find((b) => b.npa === areaCode) ?? blocks[0];
    if (block === undefined) return undefined;
    const size = block.to - block.from + 1;
    const start = streamFor(this.world.seed, 'msisdn', key).int(0, size - 1);
    for (let i = 0; i < size; i++) {
      const line = block.from + ((start + i) % size);
      const msisdn = `${block.npa}${block.nxx}${String(line).padStart(4, '0')}`;
      if (!this.assigned.has(msisdn)) return msisdn;
    }
    return undefined;
  }

  /** Assigns a number (counts against the region's pool when it came from it). */
  assign(msisdn: string, regionId: string | undefined, at: number): void {
    this.assigned.add(msisdn);
    if (regionId === undefined) return;
    const c = this.cycle(regionId, at);
    this.takenInCycle.set(c, (this.takenInCycle.get(c) ?? 0) + 1);
  }

  /** Returns a number to the pool. */
  release(msisdn: string): void {
    this.assigned.delete(msisdn);
  }
}
