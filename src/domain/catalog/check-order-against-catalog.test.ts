import { describe, expect, it } from 'vitest';
import { loadFileCatalog } from '../../adapters/catalog/file-catalog.js';
import {
  aDslInstall,
  aFeatureAdd,
  aFeatureRemoval,
  aFiberInstall,
  aHomeTrio,
  aMobileStarterBundle,
  aNewMobileActivation,
  anItem,
  anOrderOf,
  aPlanUpgrade,
  aPortIn,
  CATALOG_ORDER_BUILDERS,
  characteristics,
  PORT_IN_DATA,
} from '../../../test/fixtures/catalog-orders.js';
import type { OrderItem, ProductOrder } from '../order/product-order.js';
import { CATALOG_FINDING } from './catalog-finding.js';
import { checkOrderAgainstCatalog } from './check-order-against-catalog.js';

const catalog = loadFileCatalog();
const check = (order: ProductOrder) => checkOrderAgainstCatalog(order, catalog);
const summary = (order: ProductOrder) => check(order).map((f) => `${f.code} ${f.field}`);

/** A new mobile line: plan, physical SIM and new number, linked to the plan or not. */
function mobileLine(planId: string, offeringId: string, linked: boolean): OrderItem[] {
  const link = linked ? { reliesOn: planId } : {};
  return [anItem(planId, 'add', offeringId), anItem(`${planId}-sim`, 'add', 'po-sim-physical', link), anItem(`${planId}-msisdn`, 'add', 'po-mobile-number', link)];
}

/** Replaces the top-level item at index i. */
function withItem(order: ProductOrder, i: number, change: (item: OrderItem) => OrderItem): ProductOrder {
  return { ...order, items: order.items.map((it, k) => (k === i ? change(it) : it)) };
}

describe('checkOrderAgainstCatalog: well-formed orders of every type', () => {
  it.each(Object.entries(CATALOG_ORDER_BUILDERS))('%s has no finding', (_name, build) => {
    expect(check(build())).toEqual([]);
  });

  it('accepts formatted phone numbers and a contact number (deeper phone checks belong to order validation)', () => {
    const order = aPortIn({ port: { msisdn: '+1 512 555 0147', portingAccountNumber: '4821-7730-09' } });
    const withContact = withItem(order, 0, (it) => ({ ...it, product: { productCharacteristic: characteristics({ contactNumber: '(512) 555-0110' }) } }));
    expect(check(withContact)).toEqual([]);
  });

  it('accepts deleting a product whose offering is retired (legacy customers can leave)', () => {
    const order = anOrderOf([anItem('1', 'delete', 'po-mobile-plan-10gb-legacy', { product: { id: 'prd-1' } })]);
    expect(check(order)).toEqual([]);
  });

  it('accepts a two-line order where only the capped plan carries the data boost', () => {
    const order = anOrderOf([
      ...mobileLine('1', 'po-mobile-plan-unlimited', true),
      ...mobileLine('2', 'po-mobile-plan-50gb', true),
      anItem('3', 'add', 'po-addon-data-boost-5gb', { reliesOn: '2' }),
    ]);
    expect(check(order)).toEqual([]);
  });

  it('accepts a two-line order without links when a compatible plan takes the data boost', () => {
    const order = anOrderOf([...mobileLine('1', 'po-mobile-plan-unlimited', false), ...mobileLine('2', 'po-mobile-plan-20gb', false), anItem('3', 'add', 'po-addon-data-boost-5gb')]);
    expect(check(order)).toEqual([]);
  });
});

describe('checkOrderAgainstCatalog: offerings', () => {
  it('finds an add item without productOffering', () => {
    const order = withItem(aFiberInstall(), 0, ({ productOffering: _drop, ...rest }) => rest);
    expect(summary(order)).toEqual(['MISSING_PRODUCT_OFFERING productOrderItem[0].productOffering']);
  });

  it('finds an unknown offering and suggests the closest id', () => {
    const [f, ...rest] = check(aFiberInstall({ offeringId: 'po-fibre-500' }));
    expect(rest.map((x) => x.code)).not.toContain(CATALOG_FINDING.UNKNOWN_PRODUCT_OFFERING);
    expect(f).toMatchObject({ code: 'UNKNOWN_PRODUCT_OFFERING', itemId: '1', field: 'productOrderItem[0].productOffering.id' });
    expect(f?.suggestion).toContain('po-fiber-500');
  });

  it('finds a retired offering on add and on a plan change, suggesting its replacement', () => {
    const findings = check(aPlanUpgrade({ toOfferingId: 'po-mobile-plan-10gb-legacy' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'OFFERING_RETIRED', field: 'productOrderItem[0].productOffering.id' });
    expect(findings[0]?.suggestion).toContain('po-mobile-plan-20gb');
    expect(summary(aDslInstall({ offeringId: 'po-dsl-8' }))).toContain('OFFERING_RETIRED productOrderItem[0].productOffering.id');
  });

  it('finds offerings not yet on sale when the order was placed', () => {
    const order = { ...aPortIn(), createdAt: '2023-06-01T00:00:00.000Z' };
    expect(check(order).map((f) => f.code)).toEqual(['OFFERING_NOT_ORDERABLE', 'OFFERING_NOT_ORDERABLE', 'OFFERING_NOT_ORDERABLE']);
  });

  it('finds an action the offering does not allow', () => {
    const order = anOrderOf([anItem('1', 'delete', 'po-addon-data-boost-5gb', { product: { id: 'prd-9' } })]);
    expect(check(order)).toEqual([expect.objectContaining({ code: 'ACTION_NOT_ALLOWED', itemId: '1', field: 'productOrderItem[0].action' })]);
  });

  it('finds modify, delete and noChange items without product.id', () => {
    expect(summary(aPlanUpgrade({ productId: '' }))).toEqual(['MISSING_PRODUCT_ID productOrderItem[0].product.id']);
    const order = anOrderOf([anItem('1', 'delete', 'po-fiber-500'), anItem('2', 'noChange', 'po-cpe-router-wifi6', { product: {} })]);
    expect(summary(order)).toEqual(['MISSING_PRODUCT_ID productOrderItem[0].product.id', 'MISSING_PRODUCT_ID productOrderItem[1].product.id']);
  });

  it('finds a missing customer', () => {
    const seller = { id: 'rep-7', '@referredType': 'Individual', role: 'seller' };
    expect(check({ ...aFiberInstall(), relatedParty: [seller] })).toEqual([expect.objectContaining({ code: 'MISSING_CUSTOMER', field: 'relatedParty' })]);
  });
});

describe('checkOrderAgainstCatalog: characteristics and places', () => {
  it('finds a missing required characteristic, naming it', () => {
    const { portingAccountNumber: _drop, ...port } = PORT_IN_DATA;
    const order = withItem(aPortIn(), 2, (it) => ({ ...it, product: { productCharacteristic: characteristics(port) } }));
    const findings = check(order);
    expect(findings.map((f) => `${f.code} ${f.field}`)).toEqual(['MISSING_REQUIRED_CHARACTERISTIC productOrderItem[2].product.productCharacteristic']);
    expect(findings[0]?.message).toContain('portingAccountNumber');
  });

  it.each([
    ['an eid that is not 32 digits', aNewMobileActivation({ sim: 'esim' }), 1, { eid: '12345' }],
    ['a value outside the allowed list', aNewMobileActivation(), 1, { simFormat: 'micro' }],
    ['a number outside the allowed range', aDslInstall(), 1, { setTopBoxCount: 7 }],
    ['a value the offering fixes', aFiberInstall(), 0, { downloadSpeedMbps: 1000 }],
    ['a wrong type', aHomeTrio(), 0, { directoryListing: 'maybe' }],
  ] as const)('finds %s', (_what, order, index, values) => {
    const target = order.items[index]!;
    const item = index === 0 && target.children.length > 0 ? target.children[2]! : target;
    const patched: OrderItem = { ...item, product: { ...item.product, productCharacteristic: characteristics(values) } };
    const changed = item === target ? withItem(order, index, () => patched) : withItem(order, 0, (b) => ({ ...b, children: b.children.map((c) => (c === item ? patched : c)) }));
    const path = item === target ? `productOrderItem[${index}]` : 'productOrderItem[0].productOrderItem[2]';
    expect(summary(changed)).toEqual([`INVALID_CHARACTERISTIC_VALUE ${path}.product.productCharacteristic[0].value`]);
  });

  it('accepts the value an offering fixes when the order repeats it', () => {
    const order = withItem(aFiberInstall(), 0, (it) => ({ ...it, product: { ...it.product, productCharacteristic: characteristics({ downloadSpeedMbps: '500' }) } }));
    expect(check(order)).toEqual([]);
  });

  it('finds a characteristic the offering does not have', () => {
    const order = withItem(aFiberInstall(), 0, (it) => ({ ...it, product: { ...it.product, productCharacteristic: characteristics({ colour: 'red' }) } }));
    expect(summary(order)).toEqual(['UNKNOWN_CHARACTERISTIC productOrderItem[0].product.productCharacteristic[0].name']);
  });

  it('finds a missing installation address, also when the place has no address content', () => {
    const noPlace = withItem(aFiberInstall(), 0, (it) => ({ ...it, product: { productCharacteristic: [] } }));
    expect(summary(noPlace)).toEqual(['MISSING_REQUIRED_PLACE productOrderItem[0].product.place']);
    const emptyPlace = withItem(aFiberInstall(), 0, (it) => ({ ...it, product: { place: [{ role: 'installationAddress' }] } }));
    expect(summary(emptyPlace)).toEqual(['MISSING_REQUIRED_PLACE productOrderItem[0].product.place[0]']);
  });

  it('finds a missing E911 service address on a phone line nested in a bundle', () => {
    const order = withItem(aHomeTrio(), 0, (b) => ({ ...b, children: b.children.map((c) => (c.id === '1.3' ? { ...c, product: {} } : c)) }));
    expect(summary(order)).toEqual(['MISSING_REQUIRED_PLACE productOrderItem[0].productOrderItem[2].product.place']);
  });
});

describe('checkOrderAgainstCatalog: base products and compatibility', () => {
  it('finds a feature without its base plan', () => {
    const order = anOrderOf([anItem('1', 'add', 'po-addon-intl-roaming')]);
    expect(summary(order)).toEqual(['MISSING_BASE_PRODUCT productOrderItem[0].productOrderItemRelationship']);
  });

  it('finds a feature relying on a plan the same order deletes', () => {
    const order = anOrderOf([
      anItem('1', 'delete', 'po-mobile-plan-50gb', { product: { id: 'prd-1' } }),
      anItem('2', 'add', 'po-addon-voicemail', { reliesOn: '1' }),
    ]);
    expect(summary(order)).toEqual(['MISSING_BASE_PRODUCT productOrderItem[1].productOrderItemRelationship']);
  });

  it('finds TV without broadband', () => {
    expect(summary(anOrderOf([anItem('1', 'add', 'po-iptv-basic')]))).toEqual(['MISSING_BASE_PRODUCT productOrderItem[0].productOrderItemRelationship']);
  });

  it('finds a data boost on an unlimited plan, reported on the boost', () => {
    const findings = check(aNewMobileActivation({ planId: 'po-mobile-plan-unlimited', addOns: ['po-addon-data-boost-5gb'] }));
    expect(findings).toEqual([expect.objectContaining({ code: 'INCOMPATIBLE_OFFERINGS', itemId: '4', field: 'productOrderItem[3].productOffering.id' })]);
    expect(findings[0]?.message).toContain('po-mobile-plan-unlimited');
  });

  it('finds international calling on a budget plan and a data boost on a plan without data', () => {
    expect(summary(aNewMobileActivation({ planId: 'po-mobile-plan-5gb', addOns: ['po-addon-intl-calling'] }))).toEqual(['INCOMPATIBLE_OFFERINGS productOrderItem[3].productOffering.id']);
    expect(summary(aNewMobileActivation({ planId: 'po-mobile-plan-talk-text', addOns: ['po-addon-data-boost-5gb', 'po-addon-voicemail'] }))).toEqual(['INCOMPATIBLE_OFFERINGS productOrderItem[3].productOffering.id']);
  });

  it('finds a feature added onto an existing plan the order lists unchanged', () => {
    const order = anOrderOf([
      anItem('1', 'noChange', 'po-mobile-plan-talk-text', { product: { id: 'prd-mobile-plan-7001' } }),
      ...aFeatureAdd({ offeringId: 'po-addon-data-boost-5gb' }).items.map((it) => ({ ...it, id: '2' })),
    ]);
    expect(summary(order)).toEqual(['INCOMPATIBLE_OFFERINGS productOrderItem[1].productOffering.id']);
  });

  it('finds a plan upgrade to unlimited that keeps a data boost bought in the same order', () => {
    const order = anOrderOf([...aPlanUpgrade().items, ...aFeatureAdd({ offeringId: 'po-addon-data-boost-5gb' }).items.map((it) => ({ ...it, id: '2' }))]);
    expect(summary(order)).toEqual(['INCOMPATIBLE_OFFERINGS productOrderItem[1].productOffering.id']);
  });

  it('finds premium TV on slow DSL', () => {
    expect(summary(aDslInstall({ offeringId: 'po-dsl-25', tv: 'po-iptv-premium' }))).toEqual(['INCOMPATIBLE_OFFERINGS productOrderItem[1].productOffering.id']);
  });

  it('does not blame an existing combination the order leaves unchanged', () => {
    const order = anOrderOf([
      anItem('1', 'noChange', 'po-mobile-plan-unlimited', { product: { id: 'prd-1' } }),
      anItem('2', 'noChange', 'po-addon-data-boost-5gb', { product: { id: 'prd-2', productRelationship: [{ relationshipType: 'reliesOn', product: { id: 'prd-1' } }] } }),
      anItem('3', 'delete', 'po-addon-voicemail', { product: { id: 'prd-3' } }),
    ]);
    expect(summary(order)).toEqual(['ACTION_NOT_ALLOWED productOrderItem[1].action']);
  });
});

describe('checkOrderAgainstCatalog: companions of a new mobile plan', () => {
  it('finds a new plan without a SIM, and one without a number', () => {
    const noSim = anOrderOf(aNewMobileActivation().items.filter((it) => it.productOffering?.id !== 'po-sim-physical'));
    expect(check(noSim)).toEqual([expect.objectContaining({ code: 'MISSING_COMPANION_PRODUCT', itemId: '1', field: 'productOrderItem[0]' })]);
    expect(check(noSim)[0]?.message).toContain('SIM');
    const noNumber = anOrderOf(aPortIn().items.filter((it) => it.productOffering?.id !== 'po-number-port-in'));
    expect(check(noNumber).map((f) => f.message)).toEqual([expect.stringContaining('phone number')]);
  });

  it('finds the second of two plans sharing one unlinked SIM', () => {
    const [plan2, , number2] = mobileLine('2', 'po-mobile-plan-20gb', false);
    const order = anOrderOf([...mobileLine('1', 'po-mobile-plan-50gb', false), plan2!, number2!]);
    expect(check(order).map((f) => f.code)).toEqual(['MISSING_COMPANION_PRODUCT']);
  });

  it('does not ask for companions on a plan change', () => {
    expect(check(aPlanUpgrade())).toEqual([]);
  });
});

describe('checkOrderAgainstCatalog: bundles', () => {
  const withChildren = (order: ProductOrder, change: (children: readonly OrderItem[]) => OrderItem[]) => withItem(order, 0, (b) => ({ ...b, children: change(b.children) }));

  it('finds a bundle with two SIMs', () => {
    const order = withChildren(aMobileStarterBundle(), (cs) => [...cs, anItem('1.9', 'add', 'po-sim-physical', { reliesOn: '1.1' })]);
    const findings = check(order);
    expect(findings.map((f) => `${f.code} ${f.field}`)).toEqual(['BUNDLE_INCONSISTENT productOrderItem[0].productOrderItem']);
    expect(findings[0]?.message).toContain('sim');
  });

  it('finds a bundle missing its plan', () => {
    const order = withChildren(aMobileStarterBundle(), (cs) => cs.filter((c) => c.productOffering?.id !== 'po-mobile-plan-20gb'));
    const codes = check(order).map((f) => f.code);
    expect(codes).toContain('BUNDLE_INCONSISTENT');
    expect(check(order).find((f) => f.code === 'BUNDLE_INCONSISTENT')?.message).toContain('po-mobile-plan-20gb');
  });

  it('finds a child that is not part of the bundle, on the child', () => {
    const order = withChildren(aMobileStarterBundle(), (cs) => cs.map((c) => (c.id === '1.1' ? { ...c, productOffering: { id: 'po-mobile-plan-50gb' } } : c)));
    expect(summary(order)).toEqual(['BUNDLE_INCONSISTENT productOrderItem[0].productOrderItem[0].productOffering.id', 'BUNDLE_INCONSISTENT productOrderItem[0].productOrderItem']);
  });

  it('finds a child of an added bundle that is not added', () => {
    const order = withChildren(aHomeTrio(), (cs) => cs.map((c) => (c.id === '1.4' ? { ...c, action: 'noChange' as const, product: { id: 'prd-cpe-1' } } : c)));
    expect(summary(order)).toContain('BUNDLE_INCONSISTENT productOrderItem[0].productOrderItem[3].action');
  });

  it('finds nested items under an offering that is not a bundle', () => {
    const order = withItem(aFiberInstall(), 0, (it) => ({ ...it, children: [anItem('1.1', 'add', 'po-static-ip', { reliesOn: '1' })] }));
    expect(summary(order)).toEqual(['BUNDLE_INCONSISTENT productOrderItem[0].productOrderItem']);
  });
});

describe('checkOrderAgainstCatalog: findings of an order with several defects', () => {
  it('reports each defect once with its own item id', () => {
    const order = anOrderOf(
      [
        anItem('a', 'add', undefined),
        anItem('b', 'add', 'po-nope'),
        anItem('c', 'modify', 'po-mobile-plan-20gb'),
      ],
      { relatedParty: [] },
    );
    expect(check(order).map((f) => [f.code, f.itemId ?? null])).toEqual([
      ['MISSING_CUSTOMER', null],
      ['MISSING_PRODUCT_OFFERING', 'a'],
      ['UNKNOWN_PRODUCT_OFFERING', 'b'],
      ['MISSING_PRODUCT_ID', 'c'],
    ]);
  });

  it('runs the feature-removal builder through the same check', () => {
    expect(check(aFeatureRemoval({ offeringId: 'po-addon-intl-calling' }))).toEqual([]);
  });
});
