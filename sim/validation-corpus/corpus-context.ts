import type { Catalog } from '../../src/domain/catalog/catalog.js';
import type { ValidationContext } from '../../src/validation/index.js';
import type { CorpusCase, ValidationCorpus } from './build-corpus.js';
import { worldAccountLookup, worldAddressReference } from './world-reference-data.js';

/** The validation context a server on the corpus's world would use: its buildings, its carrier accounts, the catalog. */
export function corpusContext(corpus: ValidationCorpus, catalog: Catalog): (c: CorpusCase) => ValidationContext {
  const addressReference = worldAddressReference(corpus.world);
  const accountLookup = worldAccountLookup(corpus.world);
  return (c) => ({ now: new Date(c.submitAt), addressReference, accountLookup, catalog });
}
