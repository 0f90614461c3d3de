import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftFromCreateJson } from '../../src/api/tmf622/v4/order-from-json.js';
import { checkOrderAgainstCatalog, indexCatalog, type CatalogData } from '../../src/domain/catalog/index.js';
import type { OrderItem } from '../../src/domain/order/product-order.js';
import { createWorld } from '../world/index.js';
import { generateOrders } from './index.js';

const read = (name: string): never => JSON.parse(readFileSync(new URL(`../../catalog/${name}.json`, import.meta.url), 'utf8')) as never;
const catalog = indexCatalog({
  productOfferings: read('product-offerings'),
  productSpecifications: read('product-specifications'),
  productOfferingPrices: read('product-offering-prices'),
  compatibilityRules: read('compatibility-rules'),
} satisfies CatalogData);

const START = '2025-03-01T00:00:00Z';

describe('generated orders against the product catalog', () => {
  it('passes the catalog check for every generated order', () => {
    const world = createWorld({ seed: 21, start: START, customers: 2500 });
    const orders = generateOrders({ seed: 21, count: 1500, startTime: START, days: 60, world });
    const failures: string[] = [];
    for (const o of orders) {
      const draft = draftFromCreateJson(o.body);
      const findings = checkOrderAgainstCatalog({ items: draft.items as unknown as OrderItem[], relatedParty: draft.relatedParty, createdAt: o.submitAt }, catalog);
      if (findings.length > 0) failures.push(`${o.truth.orderType}: ${findings.map((f) => `${f.code} ${f.message}`).join('; ')}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
