import type { Characteristic, ItemAction, ProductPlace } from '../order/product-order.js';
import type { Catalog, EffectiveCharacteristic } from './catalog.js';
import type { CatalogFinding } from './catalog-finding.js';
import { characteristicValueProblem } from './characteristic-value.js';
import { closestId } from './closest-offering.js';
import type { LocatedItem } from './located-item.js';
import { ORDERABLE_STATUSES, WITHDRAWN_STATUSES, type ProductOffering } from './product-offering.js';

/** Actions that name an existing inventory product by `product.id`. */
const ACTIONS_ON_EXISTING: readonly ItemAction[] = ['modify', 'delete', 'noChange'];
/** Actions that sell the offering (again): it must be orderable, and characteristics are checked. */
const SELLING_ACTIONS: readonly ItemAction[] = ['add', 'modify'];
/** Place members that are not address content. */
const PLACE_META = new Set(['role', '@type', '@baseType', '@schemaLocation', '@referredType']);

function finding(li: LocatedItem, f: Omit<CatalogFinding, 'itemId'>): CatalogFinding {
  return { itemId: li.item.id, ...f };
}

/** Resolves the offering of an item, or the findings that say why it cannot be used. */
export function resolveOffering(li: LocatedItem, catalog: Catalog): { offering?: ProductOffering; findings: CatalogFinding[] } {
  const ref = li.item.productOffering;
  if (ref === undefined) {
    if (li.item.action !== 'add') return { findings: [] };
    return {
      findings: [
        finding(li, {
          code: 'MISSING_PRODUCT_OFFERING',
          field: `${li.path}.productOffering`,
          message: `item ${li.item.id} adds a product but names no productOffering`,
          suggestion: 'Set productOffering.id to an offering of the catalog (GET /productCatalogManagement/v4/productOffering).',
        }),
      ],
    };
  }
  const offering = catalog.offeringsById.get(ref.id);
  if (offering !== undefined) return { offering, findings: [] };
  const near = closestId(ref.id, catalog.offeringsById.keys());
  return {
    findings: [
      finding(li, {
        code: 'UNKNOWN_PRODUCT_OFFERING',
        field: `${li.path}.productOffering.id`,
        message: `productOffering ${ref.id} is not in the catalog`,
        suggestion: near !== undefined ? `Did you mean ${near}?` : 'List the catalog for valid offering ids.',
      }),
    ],
  };
}

function isWithin(at: string, validFor: ProductOffering['validFor']): boolean {
  const t = Date.parse(at);
  if (Number.isNaN(t) || validFor === undefined) return true;
  const start = validFor.startDateTime === undefined ? undefined : Date.parse(validFor.startDateTime);
  const end = validFor.endDateTime === undefined ? undefined : Date.parse(validFor.endDateTime);
  return (start === undefined || t >= start) && (end === undefined || t < end);
}

/** Lifecycle, validity period and allowed action of the offering for this item. */
export function checkSaleability(li: LocatedItem, o: ProductOffering, orderedAt: string): CatalogFinding[] {
  const out: CatalogFinding[] = [];
  const { action } = li.item;
  if (!o.allowedAction.includes(action)) {
    out.push(finding(li, {
      code: 'ACTION_NOT_ALLOWED',
      field: `${li.path}.action`,
      message: `${o.id} does not allow action ${action}`,
      suggestion: `Use one of: ${o.allowedAction.join(', ')}.`,
    }));
  }
  if (!SELLING_ACTIONS.includes(action)) return out;
  const field = `${li.path}.productOffering.id`;
  const replacement = o.productOfferingRelationship?.find((r) => r.relationshipType === 'replacedBy')?.id;
  const suggestion = replacement !== undefined ? `Order ${replacement} instead.` : 'Choose an active offering.';
  if ((WITHDRAWN_STATUSES as readonly string[]).includes(o.lifecycleStatus)) {
    out.push(finding(li, { code: 'OFFERING_RETIRED', field, message: `${o.id} is ${o.lifecycleStatus} and can no longer be sold`, suggestion }));
  } else if (!(ORDERABLE_STATUSES as readonly string[]).includes(o.lifecycleStatus) || !isWithin(orderedAt, o.validFor)) {
    out.push(finding(li, { code: 'OFFERING_NOT_ORDERABLE', field, message: `${o.id} (${o.lifecycleStatus}) is not on sale on ${orderedAt}`, suggestion }));
  }
  return out;
}

/** Modify, delete and noChange items must name the inventory product they act on. */
export function checkProductId(li: LocatedItem): CatalogFinding[] {
  const { action, product } = li.item;
  if (!ACTIONS_ON_EXISTING.includes(action)) return [];
  if (typeof product?.id === 'string' && product.id.trim() !== '') return [];
  return [finding(li, {
    code: 'MISSING_PRODUCT_ID',
    field: `${li.path}.product.id`,
    message: `item ${li.item.id} (${action}) does not name the existing product it acts on`,
    suggestion: 'Set product.id to the id of the product in the customer\'s inventory.',
  })];
}

function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Required, unknown and invalid characteristics of an add or modify item. */
export function checkCharacteristics(li: LocatedItem, o: ProductOffering, catalog: Catalog): CatalogFinding[] {
  const { action } = li.item;
  if (!SELLING_ACTIONS.includes(action)) return [];
  const known: ReadonlyMap<string, EffectiveCharacteristic> = catalog.characteristicsByOffering.get(o.id) ?? new Map();
  const given: readonly Characteristic[] = li.item.product?.productCharacteristic ?? [];
  const out: CatalogFinding[] = [];
  given.forEach((c, k) => {
    const at = `${li.path}.product.productCharacteristic[${k}]`;
    const spec = known.get(c.name);
    if (spec === undefined) {
      const names = [...known.keys()].join(', ') || 'none';
      out.push(finding(li, { code: 'UNKNOWN_CHARACTERISTIC', field: `${at}.name`, message: `${o.id} has no characteristic ${c.name}`, suggestion: `Known characteristics: ${names}.` }));
      return;
    }
    if (isEmptyValue(c.value) && !(action === 'add' && spec.required)) return;
    const problem = isEmptyValue(c.value) ? `${c.name} needs a value` : characteristicValueProblem(spec, c.value);
    if (problem !== undefined) out.push(finding(li, { code: 'INVALID_CHARACTERISTIC_VALUE', field: `${at}.value`, message: problem, ...(spec.spec.description ? { suggestion: `${c.name}: ${spec.spec.description}` } : {}) }));
  });
  if (action !== 'add') return out;
  for (const spec of known.values()) {
    if (spec.required && !given.some((c) => c.name === spec.name)) {
      out.push(finding(li, {
        code: 'MISSING_REQUIRED_CHARACTERISTIC',
        field: `${li.path}.product.productCharacteristic`,
        message: `${o.id} needs characteristic ${spec.name}`,
        suggestion: `Add {"name": "${spec.name}", "value": ...}${spec.spec.description ? ` (${spec.spec.description})` : ''}.`,
      }));
    }
  }
  return out;
}

function hasAddressContent(p: ProductPlace): boolean {
  return Object.entries(p).some(([k, v]) => !PLACE_META.has(k) && !isEmptyValue(v));
}

/** Places with the roles an add item needs (e.g. installationAddress for fiber). */
export function checkPlaces(li: LocatedItem, o: ProductOffering, catalog: Catalog): CatalogFinding[] {
  if (li.item.action !== 'add') return [];
  const roles = catalog.specificationsById.get(o.productSpecification.id)?.placeRole ?? [];
  const places = li.item.product?.place ?? [];
  const out: CatalogFinding[] = [];
  for (const r of roles.filter((x) => x.minCardinality >= 1)) {
    const k = places.findIndex((p) => p.role === r.role);
    const place = places[k];
    if (place === undefined || !hasAddressContent(place)) {
      out.push(finding(li, {
        code: 'MISSING_REQUIRED_PLACE',
        field: place === undefined ? `${li.path}.product.place` : `${li.path}.product.place[${k}]`,
        message: place === undefined ? `${o.id} needs a place with role ${r.role}` : `place ${r.role} has neither an id nor an address`,
        suggestion: `Add {"role": "${r.role}", "id": "<geographicAddress id>"} or the address fields to product.place.`,
      }));
    }
  }
  return out;
}
