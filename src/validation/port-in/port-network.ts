import type { Catalog } from '../../domain/catalog/catalog.js';
import { productTypeOf } from '../../domain/catalog/catalog.js';
import type { ItemView } from '../item-view.js';
import { WIRELESS_PRODUCT_CUES } from '../order-vocabulary.js';
import type { PortNetwork } from '../validation-context.js';

// Catalog product types that carry a mobile number, and those that carry a fixed-line number.
const WIRELESS_TYPES: ReadonlySet<string> = new Set(['mobile', 'sim', 'esim', 'number']);
const WIRELINE_TYPES: ReadonlySet<string> = new Set(['voip']);
const WIRELINE_PRODUCT_CUES = /\b(voip|home phone|landline|fixed line|voice line)\b/i;

function networkOfType(type: string | undefined): PortNetwork | undefined {
  if (type === undefined) return undefined;
  return WIRELESS_TYPES.has(type) ? 'wireless' : WIRELINE_TYPES.has(type) ? 'wireline' : undefined;
}

function catalogNetwork(view: ItemView, catalog: Catalog | undefined): PortNetwork | undefined {
  const offering = view.item.productOffering?.id;
  return catalog === undefined || offering === undefined ? undefined : networkOfType(productTypeOf(catalog, offering));
}

// The items nested under the same parent (or at the top level) as `view`.
function siblingsOf(view: ItemView, items: readonly ItemView[]): ItemView[] {
  const parent = view.path.slice(0, Math.max(0, view.path.lastIndexOf('productOrderItem[')));
  return items.filter((v) => v !== view && v.path.startsWith(parent) && !v.path.slice(parent.length).includes('.'));
}

/**
 * Whether a port-in item's number comes to a wireless or a wireline product: the catalog product
 * type of the base plan it relies on, else of a plan beside it in the same bundle; product-name
 * cues only when no catalog is given or the offering is unknown.
 */
export function portNetworkOf(view: ItemView, items: readonly ItemView[], catalog: Catalog | undefined): PortNetwork | undefined {
  for (const rel of view.item.relationships) {
    const base = items.find((v) => v.item.id === rel.id);
    const network = base === undefined ? undefined : catalogNetwork(base, catalog);
    if (network !== undefined) return network;
  }
  for (const sibling of siblingsOf(view, items)) {
    const network = catalogNetwork(sibling, catalog);
    if (network !== undefined) return network;
  }
  if (WIRELESS_PRODUCT_CUES.test(view.label)) return 'wireless';
  return WIRELINE_PRODUCT_CUES.test(view.label) ? 'wireline' : undefined;
}
