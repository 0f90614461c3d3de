import { SKUS, type Sku } from '../../../sim/world/index.js';

const byId = new Map(SKUS.map((s) => [s.id, s]));

/** The stock item behind a SIM type. */
export const SIM_SKUS = { physical: 'SIM-NANO', esim: 'ESIM-PROFILE' } as const;

/** The stock item shipped for an equipment offering. */
export const CPE_SKUS: Readonly<Record<string, string>> = { 'po-cpe-router-wifi6': 'RTR-WIFI6' };

/** The terminal reserved with an access port of a technology (the ONT with a fiber port, the modem with a DSL port). */
export const ACCESS_TERMINAL_SKUS: Readonly<Record<string, string>> = { fiber: 'ONT-XGS', dia: 'ONT-XGS', dsl: 'MDM-VDSL2' };

/** The SKU with this id, if the world has it. */
export function skuById(id: string | undefined): Sku | undefined {
  return id === undefined ? undefined : byId.get(id);
}
