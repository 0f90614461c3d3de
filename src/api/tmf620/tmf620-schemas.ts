// JSON schemas of the TMF620 routes, for validation of path/query and for the OpenAPI document.
// Query values stay strings: the routes parse them so that errors carry catalogue codes.

const str = { type: 'string' } as const;
const anyObject = { type: 'object', additionalProperties: true } as const;
const anyArray = { type: 'array', items: {} } as const;

/** Query string of list operations. */
const listQuery = {
  type: 'object',
  properties: {
    fields: { type: 'string', description: 'Comma-separated first-level attributes to return (id and href always come).' },
    offset: { type: 'string', description: 'Index of the first element (0-based, default 0).' },
    limit: { type: 'string', description: 'Page size, 1..1000 (default 100).' },
  },
  additionalProperties: { type: 'string', description: 'Filter: exact match on a first-level attribute (comma = OR), dotted paths into members, .gt/.gte/.lt/.lte.' },
} as const;

/** Query string of get-by-id operations. */
const getQuery = {
  type: 'object',
  properties: { fields: listQuery.properties.fields },
  additionalProperties: true,
} as const;

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', description: 'Identifier of the resource.' } },
} as const;

/** TMF630 Error body. */
const errorBody = {
  description: 'TMF Error',
  type: 'object',
  properties: { code: str, reason: str, message: str, status: str, referenceError: str, '@type': str },
  additionalProperties: true,
} as const;

const common = {
  id: str,
  href: str,
  name: str,
  description: str,
  version: str,
  lifecycleStatus: str,
  isBundle: { type: 'boolean' },
  validFor: anyObject,
  '@type': str,
} as const;

/** ProductOffering as served (TMF620 v4.1 members plus Provisio extensions). */
const offering = {
  type: 'object',
  properties: {
    ...common,
    isSellable: { type: 'boolean' },
    productSpecification: anyObject,
    category: anyArray,
    prodSpecCharValueUse: anyArray,
    productOfferingPrice: anyArray,
    bundledProductOffering: anyArray,
    productOfferingRelationship: anyArray,
    allowedAction: { type: 'array', items: str, description: 'Provisio: item actions an order may use with this offering.' },
    requiresBase: { type: 'array', items: str, description: 'Provisio: specifications one of which the product is added onto.' },
    requiresCompanion: { ...anyArray, description: 'Provisio: products an added offering must come with on its line (e.g. a SIM with a plan).' },
    bundledProductOfferingGroup: anyArray,
  },
  additionalProperties: true,
} as const;

/** ProductSpecification as served. */
const specification = {
  type: 'object',
  properties: {
    ...common,
    productType: { type: 'string', description: 'Provisio: kind of product (mobile, fiber, port-in, feature, ...).' },
    productSpecCharacteristic: anyArray,
    placeRole: anyArray,
  },
  additionalProperties: true,
} as const;

/** ProductOfferingPrice as served. */
const price = {
  type: 'object',
  properties: { ...common, priceType: str, recurringChargePeriodType: str, recurringChargePeriodLength: { type: 'integer' }, price: anyObject },
  additionalProperties: true,
} as const;

function listSchema(resource: string, item: object, summary: string) {
  return {
    tags: ['TMF620 product catalog'],
    summary,
    querystring: listQuery,
    response: {
      200: { description: `A page of ${resource} (headers X-Total-Count, X-Result-Count)`, type: 'array', items: item },
      400: errorBody,
    },
  };
}

function getSchema(resource: string, item: object, summary: string) {
  return {
    tags: ['TMF620 product catalog'],
    summary,
    params: idParams,
    querystring: getQuery,
    response: { 200: { description: `The ${resource}`, ...item }, 400: errorBody, 404: errorBody },
  };
}

/** Schemas of every TMF620 route, by operation. */
export const TMF620_SCHEMAS = {
  listOfferings: listSchema('ProductOffering', offering, 'List or find product offerings'),
  getOffering: getSchema('ProductOffering', offering, 'Retrieve a product offering by id'),
  listSpecifications: listSchema('ProductSpecification', specification, 'List or find product specifications'),
  getSpecification: getSchema('ProductSpecification', specification, 'Retrieve a product specification by id'),
  listPrices: listSchema('ProductOfferingPrice', price, 'List or find shared product offering prices'),
  getPrice: getSchema('ProductOfferingPrice', price, 'Retrieve a shared product offering price by id'),
};

/** Scalar and structured first-level attributes of each resource, for filters. */
export const TMF620_ATTRIBUTES = {
  productOffering: {
    scalars: ['id', 'href', 'name', 'description', 'version', 'lifecycleStatus', 'isBundle', 'isSellable', '@type'],
    structured: ['validFor', 'productSpecification', 'category', 'prodSpecCharValueUse', 'productOfferingPrice', 'bundledProductOffering', 'productOfferingRelationship', 'allowedAction', 'requiresBase', 'requiresCompanion', 'bundledProductOfferingGroup'],
  },
  productSpecification: {
    scalars: ['id', 'href', 'name', 'description', 'version', 'lifecycleStatus', 'isBundle', 'productType', '@type'],
    structured: ['validFor', 'productSpecCharacteristic', 'placeRole'],
  },
  productOfferingPrice: {
    scalars: ['id', 'href', 'name', 'description', 'lifecycleStatus', 'priceType', 'recurringChargePeriodType', 'recurringChargePeriodLength', '@type'],
    structured: ['validFor', 'price'],
  },
} as const;
