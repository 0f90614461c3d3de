import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogLoadError, defaultCatalogFolder, loadFileCatalog, packageRoot } from '../../../src/adapters/catalog/file-catalog.js';
import { productTypeOf, pricesOf, findOffering } from '../../../src/domain/catalog/catalog.js';

const folders: string[] = [];
function copyOfCatalog(): string {
  const dir = mkdtempSync(join(tmpdir(), 'provisio-catalog-'));
  folders.push(dir);
  cpSync(defaultCatalogFolder(), dir, { recursive: true });
  return dir;
}
function editJson(dir: string, file: string, change: (rows: Record<string, unknown>[]) => unknown): void {
  const path = join(dir, file);
  writeFileSync(path, JSON.stringify(change(JSON.parse(readFileSync(path, 'utf8')))));
}
afterEach(() => {
  for (const d of folders.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loadFileCatalog', () => {
  it('loads the catalog folder at the package root with lookups and resolved prices', () => {
    const catalog = loadFileCatalog();
    expect(productTypeOf(catalog, 'po-number-port-in')).toBe('port-in');
    const fiber = findOffering(catalog, 'po-fiber-500')!;
    expect(pricesOf(catalog, fiber).map((p) => [p.priceType, p.price.value])).toEqual([['recurring', 65], ['oneTime', 99]]);
  });

  it('finds the package root from the compiled location too', () => {
    const root = packageRoot();
    expect(packageRoot(join(root, 'dist', 'src', 'adapters', 'catalog'))).toBe(root);
  });

  it('refuses a defective folder, listing every defect', () => {
    const dir = copyOfCatalog();
    editJson(dir, 'product-offerings.json', (rows) => [...rows, rows[0], { ...rows[1], id: 'po-x', productSpecification: { id: 'ps-ghost' } }]);
    editJson(dir, 'compatibility-rules.json', (rows) => [...rows, { ...rows[0], id: 'cr-x', excludes: ['po-ghost'] }]);
    let error: unknown;
    try {
      loadFileCatalog(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogLoadError);
    const { defects, message } = error as CatalogLoadError;
    expect(defects.map((d) => d.code)).toEqual(['DUPLICATE_ID', 'UNKNOWN_SPECIFICATION', 'UNKNOWN_OFFERING_REFERENCE']);
    expect(message).toContain('3 defect(s)');
    expect(message).toContain('ps-ghost');
  });

  it('refuses malformed JSON and wrong shapes before checking content', () => {
    const dir = copyOfCatalog();
    writeFileSync(join(dir, 'compatibility-rules.json'), '[{"id": ');
    expect(() => loadFileCatalog(dir)).toThrow(/compatibility-rules\.json/);
    const other = copyOfCatalog();
    editJson(other, 'product-offerings.json', (rows) => rows.map((r, i) => (i === 2 ? { ...r, isBundle: 'no' } : r)));
    expect(() => loadFileCatalog(other)).toThrow(/product-offerings\.json\[2\]\.isBundle: must be a boolean/);
  });
});
