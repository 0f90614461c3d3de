import { streamFor } from '../../../sim/random/index.js';
import type { CpeLogistics } from '../../ports/cpe-logistics.js';
import { CPE_SKUS, skuById } from './equipment-skus.js';
import { refuse, runKeyedCall } from './keyed-call.js';
import { scopeOf, type SimulatorEnv } from './simulator-env.js';
import type { Warehouse } from './warehouse.js';

const HOUR_MS = 3_600_000;

/** CPE logistics: ships equipment from the region's warehouse (refused when none is on hand), delivered one to three days later. */
export function cpeLogisticsSimulator(env: SimulatorEnv, warehouse: Warehouse): CpeLogistics {
  const ref = (key: string, prefix: string): string => `${prefix}-${streamFor(env.seed, 'logistics', key).chars(10)}`;
  return {
    async ship(req) {
      const scope = await scopeOf(env, req.idempotencyKey);
      const sku = skuById(req.offeringId === undefined ? undefined : CPE_SKUS[req.offeringId]);
      return runKeyedCall(env, {
        system: 'logistics', operation: 'ship', key: req.idempotencyKey,
        decide: () => {
          const at = env.clock.now();
          const regionId = scope.regionId;
          if (env.mode === 'realistic' && sku !== undefined && regionId !== undefined && warehouse.available(regionId, sku, at) <= 0) {
            refuse('logistics', 'OUT_OF_STOCK', `no ${sku.name} on hand in ${regionId}`);
          }
          const transitHours = env.mode === 'realistic' ? streamFor(env.seed, 'transit', req.idempotencyKey).int(24, 72) : 0;
          return {
            effect: { shipmentId: ref(req.idempotencyKey, 'SHP'), deliveredAt: at + transitHours * HOUR_MS },
            apply: () => sku !== undefined && regionId !== undefined && warehouse.take(regionId, sku, at),
          };
        },
      });
    },
    async cancelShipment(req) {
      await runKeyedCall(env, { system: 'logistics', operation: 'cancelShipment', key: req.idempotencyKey, decide: () => ({ effect: { shipmentId: req.shipmentId } }) });
    },
    recover: (req) =>
      runKeyedCall(env, { system: 'logistics', operation: 'recover', key: req.idempotencyKey, decide: () => ({ effect: { returnId: ref(req.idempotencyKey, 'RMA') } }) }),
  };
}
