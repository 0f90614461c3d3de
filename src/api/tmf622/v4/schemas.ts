// JSON schemas of the TMF622 v4 request bodies, written for Provisio from the v4.0.0 data model:
// they check structure only (business rules run in the submit use case). Shared by validation and
// the OpenAPI document.

const str = { type: 'string', maxLength: 4000 } as const;
const shortStr = { type: 'string', maxLength: 256 } as const;
const dateTime = { type: 'string', format: 'date-time', maxLength: 64 } as const;
const typeMeta = { '@type': shortStr, '@baseType': shortStr, '@schemaLocation': str } as const;
const ref = (extra: Record<string, unknown> = {}) =>
  ({ type: 'object', required: ['id'], properties: { id: { ...shortStr, minLength: 1 }, href: str, name: str, ...extra } }) as const;
const refList = { type: 'array', maxItems: 100, items: ref() } as const;
const relatedParty = {
  type: 'array',
  maxItems: 100,
  items: {
    type: 'object',
    required: ['id', '@referredType'],
    properties: { id: { ...shortStr, minLength: 1 }, '@referredType': { ...shortStr, minLength: 1 }, role: shortStr, name: str, href: str },
  },
} as const;
const price = {
  type: 'array',
  maxItems: 100,
  items: {
    type: 'object',
    properties: {
      priceAlteration: { type: 'array', items: { type: 'object', required: ['price', 'priceType'] } },
      productOfferingPrice: ref(),
    },
  },
} as const;
const note = {
  type: 'array',
  maxItems: 200,
  items: { type: 'object', required: ['text'], properties: { id: shortStr, author: str, date: dateTime, text: { type: 'string', maxLength: 20000 } } },
} as const;

/** The product an item adds or changes (TMF ProductRefOrValue); deep members are checked where the profile requires. */
export const productSchema = {
  type: 'object',
  properties: {
    id: shortStr,
    name: str,
    productSpecification: ref(),
    productOffering: ref(),
    productCharacteristic: {
      type: 'array',
      maxItems: 200,
      items: { type: 'object', required: ['name'], properties: { name: { ...shortStr, minLength: 1 }, valueType: shortStr } },
    },
    place: {
      type: 'array',
      maxItems: 20,
      items: { type: 'object', required: ['role'], properties: { role: { ...shortStr, minLength: 1 } } },
    },
    relatedParty,
    productRelationship: {
      type: 'array',
      maxItems: 100,
      items: { type: 'object', required: ['relationshipType', 'product'], properties: { relationshipType: shortStr, product: ref() } },
    },
    realizingService: refList,
    realizingResource: refList,
    agreement: refList,
  },
} as const;

/** One order item (recursive through nested productOrderItem). */
export const itemSchema = {
  $id: 'tmf622v4-productOrderItem',
  type: 'object',
  required: ['id', 'action'],
  additionalProperties: false,
  properties: {
    id: { ...shortStr, minLength: 1 },
    action: { type: 'string', enum: ['add', 'modify', 'delete', 'noChange'] },
    quantity: { type: 'integer', minimum: 1, maximum: 100000 },
    state: shortStr,
    productOffering: ref(),
    product: productSchema,
    productOrderItem: { type: 'array', maxItems: 100, items: { $ref: 'tmf622v4-productOrderItem#' } },
    productOrderItemRelationship: {
      type: 'array',
      maxItems: 100,
      items: { type: 'object', required: ['id', 'relationshipType'], properties: { id: { ...shortStr, minLength: 1 }, relationshipType: shortStr } },
    },
    appointment: ref(),
    billingAccount: ref(),
    itemPrice: price,
    itemTotalPrice: price,
    itemTerm: { type: 'array', maxItems: 20, items: { type: 'object' } },
    payment: refList,
    qualification: refList,
    productOfferingQualificationItem: ref({ productOfferingQualificationId: shortStr }),
    quoteItem: ref({ quoteId: shortStr }),
    ...typeMeta,
  },
} as const;

const clientMembers = {
  externalId: shortStr,
  category: shortStr,
  description: str,
  priority: shortStr,
  notificationContact: str,
  requestedStartDate: dateTime,
  requestedCompletionDate: dateTime,
  agreement: refList,
  billingAccount: ref(),
  channel: { type: 'array', maxItems: 20, items: ref({ role: shortStr }) },
  note,
  orderTotalPrice: price,
  payment: refList,
  productOfferingQualification: refList,
  quote: refList,
  relatedParty,
  ...typeMeta,
} as const;

/** POST /productOrder body (ProductOrder_Create). Server-owned members are accepted and ignored. */
export const createOrderSchema = {
  type: 'object',
  required: ['productOrderItem'],
  additionalProperties: false,
  properties: {
    ...clientMembers,
    productOrderItem: { type: 'array', minItems: 1, maxItems: 500, items: { $ref: 'tmf622v4-productOrderItem#' } },
    // server-owned: ignored on creation
    id: shortStr,
    href: str,
    orderDate: shortStr,
    state: shortStr,
    completionDate: shortStr,
    expectedCompletionDate: shortStr,
    cancellationDate: shortStr,
    cancellationReason: str,
  },
} as const;

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });

/** PATCH /productOrder/{id} body (ProductOrder_Update, merge-patch: null removes). */
export const updateOrderSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    ...Object.fromEntries(Object.entries(clientMembers).map(([k, v]) => [k, nullable(v)])),
    state: { type: 'string', maxLength: 64 },
    productOrderItem: { type: 'array', minItems: 1, maxItems: 500, items: { $ref: 'tmf622v4-productOrderItem#' } },
  },
} as const;

/** POST /cancelProductOrder body (CancelProductOrder_Create). */
export const createCancelSchema = {
  type: 'object',
  required: ['productOrder'],
  additionalProperties: false,
  properties: {
    productOrder: ref({ '@referredType': shortStr }),
    cancellationReason: str,
    requestedCancellationDate: dateTime,
    ...typeMeta,
  },
} as const;

/** POST /hub body (EventSubscriptionInput). */
export const hubSchema = {
  type: 'object',
  required: ['callback'],
  additionalProperties: false,
  properties: { callback: { type: 'string', format: 'uri', maxLength: 2000 }, query: { type: 'string', maxLength: 2000 } },
} as const;

/** Query string of list and get operations (documented; values are parsed by the route). */
export const listQuerySchema = {
  type: 'object',
  properties: {
    fields: { type: 'string', description: 'Comma-separated first-level attributes to return (id and href always come).' },
    offset: { type: 'string', description: 'Index of the first element (0-based).' },
    limit: { type: 'string', description: 'Page size, 1..1000 (default 100).' },
  },
  additionalProperties: true,
} as const;
