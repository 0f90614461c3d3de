// JSON schemas of the port coordination endpoints: request validation and the OpenAPI document.
import { PORT_STATES } from '../../domain/porting/port-state.js';

const str = { type: 'string', maxLength: 4000 } as const;
const shortStr = { type: 'string', maxLength: 256 } as const;
const strList = { type: 'array', items: shortStr } as const;
const open = { type: 'object', additionalProperties: true } as const;
const dueSchema = {
  type: 'object', required: ['kind'], additionalProperties: false,
  properties: { kind: { type: 'string', enum: ['DATE', 'DATETIME'] }, date: { type: 'string', format: 'date' }, at: { type: 'string', format: 'date-time' } },
} as const;
const address = {
  type: 'object', required: ['line1', 'city', 'state', 'postalCode'], additionalProperties: false,
  properties: { line1: shortStr, line2: shortStr, city: shortStr, state: shortStr, postalCode: shortStr },
} as const;

/** The TMF630 Error body every refusal answers with. */
export const portErrorSchema = { type: 'object', properties: { code: str, reason: str, message: str, status: str, '@type': str } } as const;

/** Query of the port request list. */
export const listPortQuerySchema = {
  type: 'object',
  properties: {
    state: { type: 'string', enum: PORT_STATES },
    includeFinal: { type: 'string', enum: ['true', 'false'] },
    limit: { type: 'string', pattern: '^[0-9]{1,4}$' },
  },
} as const;

/** A port request in the list (SLA-risk order). */
export const portSummarySchema = {
  type: 'object',
  properties: {
    id: shortStr, pon: shortStr, state: { type: 'string', enum: PORT_STATES }, version: { type: 'integer' }, losingCarrier: shortStr,
    tns: strList, dueAt: { type: 'string', format: 'date-time' }, jeopardies: strList, reasons: strList, escalated: { type: 'boolean' },
    lastActivityAt: { type: 'string', format: 'date-time' },
  },
} as const;

/** One port request with lines, timers, versions and its message timeline (raw and normalised). */
export const portDetailSchema = {
  type: 'object',
  properties: {
    ...portSummarySchema.properties, taskKey: shortStr, kind: shortStr, btn: shortStr, partialPort: { type: 'boolean' },
    remainingTnDisposition: { type: 'string', enum: ['KEEP_WITH_OLD_PROVIDER', 'DISCONNECT'] }, newBtn: shortStr, requestedDue: dueSchema, confirmedDue: dueSchema,
    lines: { type: 'array', items: open }, timers: { type: 'array', items: open }, notes: strList,
    versions: { type: 'array', items: { type: 'object', properties: { version: { type: 'integer' }, sentAt: shortStr, type: shortStr, changedFields: strList } } },
    timeline: {
      type: 'array',
      items: { type: 'object', properties: { at: shortStr, direction: { type: 'string', enum: ['IN', 'OUT', 'ACTION', 'NOTE'] }, type: shortStr, version: { type: 'integer' }, raw: {}, normalised: {} } },
    },
  },
} as const;

const note = { type: 'string', minLength: 1, maxLength: 2000, description: 'Why the coordinator overrides a warning (recorded)' } as const;

/** Body of correct-and-resend: the corrected customer fields (a SUPP with version+1). */
export const correctBodySchema = {
  type: 'object', required: ['changes'], additionalProperties: false,
  properties: {
    changes: {
      type: 'object', additionalProperties: false,
      properties: {
        submitted: {
          type: 'object', additionalProperties: false,
          properties: { accountNumber: shortStr, pin: shortStr, ssnLast4: shortStr, taxId: shortStr, authorizedName: shortStr, businessName: shortStr, serviceAddress: address, btn: shortStr },
        },
        requestedDue: dueSchema,
        newBtn: shortStr,
        remainingTnDisposition: { type: 'string', enum: ['KEEP_WITH_OLD_PROVIDER', 'DISCONNECT'] },
      },
    },
    overrideNote: note,
  },
} as const;

/** Body of change-due-date. */
export const dueBodySchema = { type: 'object', required: ['due'], additionalProperties: false, properties: { due: dueSchema, overrideNote: note } } as const;
/** Body of cancel. */
export const cancelBodySchema = { type: 'object', additionalProperties: false, properties: { overrideNote: note } } as const;
/** Body of remove-from-conflict. */
export const conflictBodySchema = {
  type: 'object', required: ['tn', 'contactLogged'], additionalProperties: false,
  properties: { tn: shortStr, contactLogged: { type: 'boolean', description: 'The losing carrier was contacted and the contact logged' }, overrideNote: note },
} as const;
/** Body of escalate and snap-back: who and why. */
export const reasonBodySchema = {
  type: 'object', required: ['reason'], additionalProperties: false,
  properties: { operator: shortStr, reason: { type: 'string', minLength: 1, maxLength: 2000 } },
} as const;
