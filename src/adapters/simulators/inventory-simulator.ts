import { streamFor } from '../../../sim/random/index.js';
import type { InventorySystem, Keyed } from '../../ports/inventory-system.js';
import { ACCESS_TERMINAL_SKUS, SIM_SKUS, skuById } from './equipment-skus.js';
import { refuse, runKeyedCall } from './keyed-call.js';
import type { NumberInventory } from './number-inventory.js';
import { checkServiceAddress, servicePlace } from './service-address.js';
import { scopeOf, type CallScope, type SimulatorEnv } from './simulator-env.js';
import type { Warehouse } from './warehouse.js';

/** The shared stock a simulator draws from. */
export interface InventoryStock {
  readonly warehouse: Warehouse;
  readonly numbers: NumberInventory;
}

const released = async (env: SimulatorEnv, req: Keyed, operation: string, effect: Record<string, unknown>, apply?: () => void): Promise<void> => {
  await runKeyedCall(env, { system: 'inventory', operation, key: req.idempotencyKey, decide: () => ({ effect, ...(apply === undefined ? {} : { apply }) }) });
};

/** Inventory: SIMs and terminals from the regional warehouse, numbers from the region's blocks, ports at served addresses. */
export function inventorySimulator(env: SimulatorEnv, stock: InventoryStock): InventorySystem {
  const realistic = env.mode === 'realistic';
  const { warehouse, numbers } = stock;
  const digits = (key: string, n: number): string => streamFor(env.seed, 'ref', key).chars(n);
  return {
    async reserveSim(req) {
      const scope = await scopeOf(env, req.idempotencyKey);
      const sku = skuById(SIM_SKUS[req.simType]);
      return runKeyedCall(env, {
        system: 'inventory', operation: 'reserveSim', key: req.idempotencyKey,
        decide: () => {
          const at = env.clock.now();
          if (realistic && sku !== undefined && scope.regionId !== undefined && warehouse.available(scope.regionId, sku, at) <= 0) {
            refuse('inventory', 'OUT_OF_STOCK', `no ${sku.name} on hand in ${scope.regionId}`);
          }
          const iccid = req.iccid ?? `8901260${digits(req.idempotencyKey, 12)}`;
          return { effect: { iccid }, apply: () => sku !== undefined && scope.regionId !== undefined && warehouse.take(scope.regionId, sku, at) };
        },
      });
    },
    releaseSim: (req) => released(env, req, 'releaseSim', { iccid: req.iccid }),
    async reserveNumber(req) {
      const scope = await scopeOf(env, req.idempotencyKey);
      return runKeyedCall(env, { system: 'inventory', operation: 'reserveNumber', key: req.idempotencyKey, decide: () => decideNumber(env, numbers, scope, req) });
    },
    releaseNumber: (req) => released(env, req, 'releaseNumber', { msisdn: req.msisdn }, () => numbers.release(req.msisdn)),
    async reserveNetworkPort(req) {
      const scope = await scopeOf(env, req.idempotencyKey);
      return runKeyedCall(env, { system: 'inventory', operation: 'reserveNetworkPort', key: req.idempotencyKey, decide: () => decidePort(env, stock, scope, req) });
    },
    releaseNetworkPort: (req) => released(env, req, 'releaseNetworkPort', { portId: req.portId }),
  };
}

function decideNumber(env: SimulatorEnv, numbers: NumberInventory, scope: CallScope, req: { readonly msisdn?: string; readonly areaCode?: string; readonly idempotencyKey: string }) {
  const at = env.clock.now();
  const regionId = scope.regionId;
  if (req.msisdn !== undefined) {
    if (env.mode === 'realistic' && numbers.isAssigned(req.msisdn)) refuse('inventory', 'NUMBER_UNAVAILABLE', `${req.msisdn} is already assigned`);
    const msisdn = req.msisdn;
    return { effect: { msisdn }, apply: () => numbers.assign(msisdn, undefined, at) };
  }
  if (env.mode === 'realistic' && regionId !== undefined && numbers.free(regionId, at) <= 0) refuse('inventory', 'NUMBER_POOL_EXHAUSTED', `no free numbers in ${regionId}`);
  const picked = regionId === undefined ? undefined : numbers.pick(regionId, req.areaCode, req.idempotencyKey);
  const msisdn = picked ?? `${req.areaCode ?? '555'}${streamFor(env.seed, 'msisdn', req.idempotencyKey).chars(7)}`;
  return { effect: { msisdn }, apply: () => numbers.assign(msisdn, regionId, at) };
}

function decidePort(env: SimulatorEnv, stock: InventoryStock, scope: CallScope, req: { readonly technology: string; readonly idempotencyKey: string }) {
  const { technology } = req;
  const at = env.clock.now();
  const place = servicePlace(scope.facts?.items.get(scope.itemId)?.places ?? []);
  let buildingId = 'unplanned';
  if (env.mode === 'realistic' && place !== undefined) {
    const check = checkServiceAddress(env.world.buildings, place);
    if (check.kind === 'refused') refuse('inventory', check.code, check.text);
    buildingId = check.building.id;
  }
  const terminal = skuById(ACCESS_TERMINAL_SKUS[technology]);
  const regionId = scope.regionId;
  if (env.mode === 'realistic' && terminal !== undefined && regionId !== undefined && stock.warehouse.available(regionId, terminal, at) <= 0) {
    refuse('inventory', 'OUT_OF_STOCK', `no ${terminal.name} on hand in ${regionId} for a ${technology} port`);
  }
  const portId = `PORT-${buildingId}-${streamFor(env.seed, 'port', req.idempotencyKey).chars(6)}`;
  return { effect: { portId }, apply: () => terminal !== undefined && regionId !== undefined && stock.warehouse.take(regionId, terminal, at) };
}
