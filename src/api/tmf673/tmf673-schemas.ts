/** JSON schemas of the TMF673 geographicAddressValidation resource, for validation and the OpenAPI document. */

const GEOGRAPHIC_SUB_ADDRESS = {
  type: 'object',
  properties: { subUnitType: { type: 'string' }, subUnitNumber: { type: 'string' } },
  additionalProperties: true,
} as const;

/** A TMF673 GeographicAddress (US addresses; `name` may hold the whole address on one line). */
export const GEOGRAPHIC_ADDRESS = {
  type: 'object',
  properties: {
    '@type': { type: 'string' },
    name: { type: 'string', description: 'The whole address on one line, when it is not split into fields' },
    streetNr: { type: 'string' },
    streetName: { type: 'string' },
    streetType: { type: 'string' },
    streetSuffix: { type: 'string' },
    city: { type: 'string' },
    stateOrProvince: { type: 'string' },
    postcode: { type: 'string' },
    country: { type: 'string' },
    geographicSubAddress: { type: 'array', items: GEOGRAPHIC_SUB_ADDRESS },
  },
  additionalProperties: true,
} as const;

const TMF_ERROR = {
  type: 'object',
  properties: { code: { type: 'string' }, reason: { type: 'string' }, message: { type: 'string' }, status: { type: 'string' } },
  required: ['code', 'reason'],
} as const;

const FINDING = {
  type: 'object',
  properties: {
    field: { type: 'string' }, code: { type: 'string' }, severity: { type: 'string' }, message: { type: 'string' },
    suggestion: { type: 'string' }, confidence: { type: 'number' },
  },
} as const;

/** A GeographicAddressValidation as returned. */
export const GEOGRAPHIC_ADDRESS_VALIDATION = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    href: { type: 'string' },
    '@type': { type: 'string' },
    state: { type: 'string', enum: ['done'] },
    provideAlternative: { type: 'boolean' },
    validationDate: { type: 'string', format: 'date-time' },
    validationResult: { type: 'string', enum: ['success', 'partial', 'fail'] },
    submittedGeographicAddress: GEOGRAPHIC_ADDRESS,
    validGeographicAddress: GEOGRAPHIC_ADDRESS,
    alternateGeographicAddress: { type: 'array', items: GEOGRAPHIC_ADDRESS },
    validationFinding: { type: 'array', items: FINDING, description: 'Provisio extension: why the result is partial or fail' },
  },
  required: ['id', 'href', 'state', 'validationResult'],
} as const;

/** Schemas of the two routes. */
export const TMF673_SCHEMAS = {
  create: {
    tags: ['TMF673 geographicAddressValidation'],
    summary: 'Validate a US address (synchronous: the task is done when the response is sent)',
    body: {
      type: 'object',
      properties: { submittedGeographicAddress: GEOGRAPHIC_ADDRESS, provideAlternative: { type: 'boolean' } },
      required: ['submittedGeographicAddress'],
    },
    response: { 201: GEOGRAPHIC_ADDRESS_VALIDATION, 400: TMF_ERROR },
  },
  get: {
    tags: ['TMF673 geographicAddressValidation'],
    summary: 'Read a recent address validation (the last few thousand are kept in memory)',
    params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
    response: { 200: GEOGRAPHIC_ADDRESS_VALIDATION, 404: TMF_ERROR },
  },
} as const;
