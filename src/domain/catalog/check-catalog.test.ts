import { describe, expect, it } from 'vitest';
import { loadFileCatalog } from '../../adapters/catalog/file-catalog.js';
import type { CatalogData } from './catalog.js';
import { checkCatalog, describeCatalogDefects } from './check-catalog.js';
import type { ProductOffering } from './product-offering.js';
import type { ProductSpecificationCharacteristic } from './product-specification.js';

const loaded = loadFileCatalog();
const data: CatalogData = {
  productSpecifications: loaded.productSpecifications,
  productOfferings: loaded.productOfferings,
  productOfferingPrices: loaded.productOfferingPrices,
  compatibilityRules: loaded.compatibilityRules,
};
const offering = (id: string): ProductOffering => data.productOfferings.find((o) => o.id === id)!;
const withOfferings = (extra: readonly ProductOffering[]): CatalogData => ({ ...data, productOfferings: [...data.productOfferings, ...extra] });
const codesAt = (d: CatalogData) => checkCatalog(d).map((x) => `${x.code} ${x.path}`);

describe('checkCatalog', () => {
  it('finds no defect in the shipped catalog', () => {
    expect(checkCatalog(data)).toEqual([]);
  });

  it('finds a duplicate offering id', () => {
    expect(codesAt(withOfferings([offering('po-fiber-500')]))).toEqual(['DUPLICATE_ID productOffering[po-fiber-500]']);
  });

  it('finds an offering whose specification does not exist', () => {
    const broken = { ...offering('po-fiber-500'), id: 'po-x', productSpecification: { id: 'ps-nope' } };
    expect(codesAt(withOfferings([broken]))).toEqual(['UNKNOWN_SPECIFICATION productOffering[po-x].productSpecification.id']);
  });

  it('finds a bundle naming an offering that does not exist', () => {
    const trio = offering('po-bundle-home-trio');
    const broken = { ...trio, id: 'po-y', bundledProductOffering: [...(trio.bundledProductOffering ?? []), { id: 'po-ghost' }] };
    expect(codesAt(withOfferings([broken]))).toEqual(['UNKNOWN_OFFERING_REFERENCE productOffering[po-y].bundledProductOffering[po-ghost]']);
  });

  it('finds a characteristic with an unknown value type', () => {
    const [first, ...rest] = data.productSpecifications;
    const badChar = { ...first!.productSpecCharacteristic[0]!, valueType: 'colour' } as unknown as ProductSpecificationCharacteristic;
    const broken = { ...first!, productSpecCharacteristic: [badChar, ...first!.productSpecCharacteristic.slice(1)] };
    const defects = checkCatalog({ ...data, productSpecifications: [broken, ...rest] });
    expect(defects.map((d) => d.code)).toEqual(['UNKNOWN_VALUE_TYPE']);
    expect(defects[0]?.path).toBe(`productSpecification[${first!.id}].productSpecCharacteristic[${badChar.name}].valueType`);
  });

  it('finds a compatibility rule naming an unknown offering', () => {
    const rule = { id: 'cr-x', productOfferingId: 'po-addon-data-boost-5gb', excludes: ['po-mobile-plan-999gb'], reason: 'test' };
    const defects = checkCatalog({ ...data, compatibilityRules: [...data.compatibilityRules, rule] });
    expect(defects).toEqual([expect.objectContaining({ code: 'UNKNOWN_OFFERING_REFERENCE', path: 'compatibilityRule[cr-x]' })]);
    expect(defects[0]?.message).toContain('po-mobile-plan-999gb');
  });

  it('finds an unknown price reference, an unknown action and a value use of a missing characteristic', () => {
    const broken = {
      ...offering('po-fiber-300'),
      id: 'po-z',
      allowedAction: ['add', 'upgrade'],
      productOfferingPrice: [{ id: 'pop-ghost' }],
      prodSpecCharValueUse: [{ name: 'warpFactor', productSpecCharacteristicValue: [{ value: 9 }] }],
    } as unknown as ProductOffering;
    expect(codesAt(withOfferings([broken]))).toEqual([
      'UNKNOWN_ENUM_VALUE productOffering[po-z].allowedAction',
      'UNKNOWN_CHARACTERISTIC_USE productOffering[po-z].prodSpecCharValueUse[warpFactor]',
      'UNKNOWN_PRICE_REFERENCE productOffering[po-z].productOfferingPrice[pop-ghost]',
    ]);
  });

  it('describes every defect in one message', () => {
    const message = describeCatalogDefects('catalog/', checkCatalog(withOfferings([offering('po-esim'), offering('po-esim')])));
    expect(message).toContain('2 defect(s)');
    expect(message).toContain('DUPLICATE_ID at productOffering[po-esim]');
  });
});
