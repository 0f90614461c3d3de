import type { Catalog } from '../../domain/catalog/catalog.js';
import type { ProductOffering } from '../../domain/catalog/product-offering.js';
import { isPriceRef, type ProductOfferingPrice } from '../../domain/catalog/product-offering-price.js';
import type { ProductSpecification } from '../../domain/catalog/product-specification.js';

/** The TMF620 v4 base path. */
export const TMF620_V4_BASE = '/tmf-api/productCatalogManagement/v4';

/** Builds absolute hrefs of catalog resources. */
export interface Tmf620Urls {
  /** Absolute base, e.g. `https://provisio.example/tmf-api/productCatalogManagement/v4`. */
  readonly base: string;
}

/** The URLs of the TMF620 resources under a public base URL (scheme and host, optionally a prefix). */
export function tmf620Urls(baseUrl: string): Tmf620Urls {
  return { base: `${baseUrl.replace(/\/+$/, '')}${TMF620_V4_BASE}` };
}

type Json = Record<string, unknown>;

function ref(urls: Tmf620Urls, resource: string, id: string, name: string | undefined, referredType: string): Json {
  return { id, href: `${urls.base}/${resource}/${encodeURIComponent(id)}`, ...(name === undefined ? {} : { name }), '@referredType': referredType };
}

function offeringRef(catalog: Catalog, urls: Tmf620Urls, id: string): Json {
  return ref(urls, 'productOffering', id, catalog.offeringsById.get(id)?.name, 'ProductOffering');
}

/** Relationships from the data file plus one `excludes` relationship per compatibility rule naming the offering. */
function relationshipsOf(catalog: Catalog, urls: Tmf620Urls, o: ProductOffering): Json[] {
  const declared = (o.productOfferingRelationship ?? []).map((r) => ({ ...offeringRef(catalog, urls, r.id), relationshipType: r.relationshipType }));
  const excluded = (catalog.rulesByOffering.get(o.id) ?? []).flatMap((rule) =>
    (rule.productOfferingId === o.id ? rule.excludes : [rule.productOfferingId]).map((id) => ({
      ...offeringRef(catalog, urls, id),
      relationshipType: 'excludes',
      role: rule.reason,
    })),
  );
  return [...declared, ...excluded];
}

/** Renders a shared price as TMF620 v4 ProductOfferingPrice JSON. */
export function priceToJson(p: ProductOfferingPrice, urls: Tmf620Urls): Json {
  return {
    ...(p.id === undefined ? {} : { id: p.id, href: `${urls.base}/productOfferingPrice/${encodeURIComponent(p.id)}` }),
    ...p,
    '@type': 'ProductOfferingPrice',
  };
}

/** Renders an offering as TMF620 v4 ProductOffering JSON, with absolute hrefs; Provisio extensions kept as extra members. */
export function offeringToJson(catalog: Catalog, o: ProductOffering, urls: Tmf620Urls): Json {
  const spec = catalog.specificationsById.get(o.productSpecification.id);
  const relationships = relationshipsOf(catalog, urls, o);
  const { id, ...rest } = o;
  return {
    id,
    href: `${urls.base}/productOffering/${encodeURIComponent(id)}`,
    ...rest,
    productSpecification: ref(urls, 'productSpecification', o.productSpecification.id, spec?.name, 'ProductSpecification'),
    productOfferingPrice: o.productOfferingPrice.map((p) =>
      isPriceRef(p) ? ref(urls, 'productOfferingPrice', p.id, p.name ?? catalog.pricesById.get(p.id)?.name, 'ProductOfferingPrice') : { ...p, '@type': 'ProductOfferingPrice' },
    ),
    ...(o.bundledProductOffering === undefined
      ? {}
      : { bundledProductOffering: o.bundledProductOffering.map((b) => ({ ...b, ...offeringRef(catalog, urls, b.id) })) }),
    ...(relationships.length === 0 ? {} : { productOfferingRelationship: relationships }),
    '@type': 'ProductOffering',
  };
}

/** Renders a specification as TMF620 v4 ProductSpecification JSON. */
export function specificationToJson(s: ProductSpecification, urls: Tmf620Urls): Json {
  const { id, ...rest } = s;
  return {
    id,
    href: `${urls.base}/productSpecification/${encodeURIComponent(id)}`,
    ...rest,
    isBundle: s.productType === 'bundle',
    '@type': 'ProductSpecification',
  };
}

/** Keeps only the requested first-level attributes (plus id and href). */
export function selectAttributes(json: Json, fields: readonly string[] | undefined): Json {
  if (fields === undefined) return json;
  const out: Json = { id: json.id, href: json.href };
  for (const f of fields) if (f in json) out[f] = json[f];
  return out;
}
