import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Catalog } from '../../domain/catalog/catalog.js';
import { ProvisioError } from '../../domain/errors/error-catalogue.js';
import { parseFields, parseListRequest } from '../http/list-query.js';
import { offeringToJson, priceToJson, selectAttributes, specificationToJson, TMF620_V4_BASE, tmf620Urls, type Tmf620Urls } from './tmf620-json.js';
import { catalogAttributeMap, filterAndPage } from './tmf620-list.js';
import { TMF620_ATTRIBUTES, TMF620_SCHEMAS } from './tmf620-schemas.js';

/** What the TMF620 routes need: the loaded catalog and the public base URL for hrefs. */
export interface Tmf620Options {
  readonly catalog: Catalog;
  /**
   * Scheme and host (optionally a path prefix) clients reach Provisio at, e.g. `https://provisio.example`;
   * a function when it is known only once the server listens (port 0).
   */
  readonly baseUrl: string | (() => string);
}

/** The media type of every TMF620 v4 response. */
const V4_JSON = 'application/json;charset=utf-8';

type Json = Record<string, unknown>;
type Query = Record<string, string | string[] | undefined>;

interface Resource {
  readonly path: string;
  /** The resources as wire JSON for a public base URL. */
  readonly render: (urls: Tmf620Urls) => readonly Json[];
  readonly attributes: { readonly scalars: readonly string[]; readonly structured: readonly string[] };
  readonly schemas: { readonly list: object; readonly get: object };
}

/** Renders once per base URL: the catalog is fixed for the life of the process, the URL may be known only after listen. */
function cachedRender(r: Resource, baseUrl: () => string): () => { all: readonly Json[]; byId: ReadonlyMap<string, Json> } {
  let cache: { url: string; all: readonly Json[]; byId: ReadonlyMap<string, Json> } | undefined;
  return () => {
    const url = baseUrl();
    if (cache?.url !== url) {
      const all = r.render(tmf620Urls(url));
      cache = { url, all, byId: new Map(all.map((j) => [String(j.id), j])) };
    }
    return cache;
  };
}

function serveResource(app: FastifyInstance, r: Resource, baseUrl: () => string): void {
  const rendered = cachedRender(r, baseUrl);
  const map = catalogAttributeMap(r.attributes.scalars, r.attributes.structured);
  app.get(`${TMF620_V4_BASE}/${r.path}`, { schema: r.schemas.list }, async (request: FastifyRequest, reply: FastifyReply) => {
    const { query, fields } = parseListRequest(request.query as Query, map);
    const page = filterAndPage(rendered().all, query);
    const body = page.items.map((j) => selectAttributes(j, fields));
    return reply.header('X-Total-Count', page.total).header('X-Result-Count', body.length).type(V4_JSON).send(body);
  });
  app.get(`${TMF620_V4_BASE}/${r.path}/:id`, { schema: r.schemas.get }, async (request: FastifyRequest, reply: FastifyReply) => {
    const { id } = request.params as { id: string };
    const found = rendered().byId.get(id);
    if (found === undefined) throw new ProvisioError('NOT_FOUND', `${r.path} ${id} not found`);
    return reply.type(V4_JSON).send(selectAttributes(found, parseFields(request.query as Query)));
  });
}

/**
 * Read-only TMF620 v4 product catalog: productOffering, productSpecification and the shared
 * productOfferingPrice, with `fields`, `offset`/`limit` and attribute filters.
 */
export function registerTmf620Routes(app: FastifyInstance, opts: Tmf620Options): void {
  const { catalog, baseUrl } = opts;
  const currentBase = typeof baseUrl === 'function' ? baseUrl : () => baseUrl;
  serveResource(app, {
    path: 'productOffering',
    render: (urls) => catalog.productOfferings.map((o) => offeringToJson(catalog, o, urls)),
    attributes: TMF620_ATTRIBUTES.productOffering,
    schemas: { list: TMF620_SCHEMAS.listOfferings, get: TMF620_SCHEMAS.getOffering },
  }, currentBase);
  serveResource(app, {
    path: 'productSpecification',
    render: (urls) => catalog.productSpecifications.map((s) => specificationToJson(s, urls)),
    attributes: TMF620_ATTRIBUTES.productSpecification,
    schemas: { list: TMF620_SCHEMAS.listSpecifications, get: TMF620_SCHEMAS.getSpecification },
  }, currentBase);
  serveResource(app, {
    path: 'productOfferingPrice',
    render: (urls) => catalog.productOfferingPrices.map((p) => priceToJson(p, urls)),
    attributes: TMF620_ATTRIBUTES.productOfferingPrice,
    schemas: { list: TMF620_SCHEMAS.listPrices, get: TMF620_SCHEMAS.getPrice },
  }, currentBase);
}
