import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexCatalog, type Catalog, type CatalogData } from '../../domain/catalog/catalog.js';
import { CATALOG_FILES, parseCatalogData } from '../../domain/catalog/catalog-shape.js';
import { checkCatalog, describeCatalogDefects, type CatalogDefect } from '../../domain/catalog/check-catalog.js';

/** A catalog folder that cannot be used; the message lists every defect. */
export class CatalogLoadError extends Error {
  readonly defects: readonly CatalogDefect[];

  constructor(folder: string, defects: readonly CatalogDefect[]) {
    super(describeCatalogDefects(folder, defects));
    this.name = 'CatalogLoadError';
    this.defects = defects;
  }
}

/**
 * The package root: the nearest folder above this file holding Provisio's package.json. Works from
 * `src/adapters/catalog/` (tsx) and from `dist/src/adapters/catalog/` (after tsc).
 */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'provisio') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no Provisio package.json above ${from}`);
    dir = up;
  }
}

/** The default catalog folder: `catalog/` at the package root. */
export function defaultCatalogFolder(): string {
  return join(packageRoot(), 'catalog');
}

function readJson(folder: string, file: string, defects: CatalogDefect[]): unknown {
  const path = join(folder, file);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    defects.push({ code: 'MALFORMED', path: file, message: `cannot read ${path}: ${why}` });
    return undefined;
  }
}

/**
 * Loads the catalog data files from a folder (default `catalog/` at the package root), checks their
 * structure and content, and returns the indexed catalog; throws CatalogLoadError listing every defect.
 */
export function loadFileCatalog(folder: string = defaultCatalogFolder()): Catalog {
  const abs = resolve(folder);
  const readDefects: CatalogDefect[] = [];
  const files = Object.fromEntries(
    Object.entries(CATALOG_FILES).map(([key, file]) => [key, readJson(abs, file, readDefects)]),
  ) as Record<keyof CatalogData, unknown>;
  if (readDefects.length > 0) throw new CatalogLoadError(abs, readDefects);
  const parsed = parseCatalogData(files);
  if (!('data' in parsed)) throw new CatalogLoadError(abs, parsed.defects);
  const defects = checkCatalog(parsed.data);
  if (defects.length > 0) throw new CatalogLoadError(abs, defects);
  return indexCatalog(parsed.data);
}
