/**
 * Every error Provisio reports, with its stable code, its HTTP status and a default text that says
 * what to do next. Codes reach the wire (TMF Error.code) and logs: never rename one.
 */
export const ERROR_CATALOGUE = {
  // --- request shape (400) ---
  MALFORMED_JSON: { status: 400, reason: 'Malformed JSON', hint: 'Send a syntactically valid JSON body.' },
  INVALID_BODY: { status: 400, reason: 'Invalid request body', hint: 'Fix the field named in the message and resend.' },
  MISSING_FIELD: { status: 400, reason: 'Missing mandatory field', hint: 'Add the field named in the message.' },
  UNKNOWN_FIELD: { status: 400, reason: 'Unknown or read-only field', hint: 'Remove the field named in the message.' },
  DUPLICATE_ITEM_ID: { status: 400, reason: 'Duplicate order item id', hint: 'Give every productOrderItem a distinct id.' },
  UNKNOWN_ITEM_REFERENCE: { status: 400, reason: 'Reference to an unknown order item', hint: 'Point productOrderItemRelationship.id at an item of the same order.' },
  INVALID_QUERY: { status: 400, reason: 'Invalid query parameter', hint: 'Fix the query parameter named in the message.' },
  UNKNOWN_FILTER: { status: 400, reason: 'Unknown filter attribute', hint: 'Filter only on attributes of the resource.' },
  EMPTY_BODY: { status: 400, reason: 'Empty request body', hint: 'Send a JSON body.' },
  UNKNOWN_ORDER_REFERENCE: { status: 400, reason: 'Unknown product order', hint: 'Reference an existing productOrder.id.' },
  // --- not found (404) ---
  NOT_FOUND: { status: 404, reason: 'Resource not found', hint: 'Check the id; list the collection to find it.' },
  ROUTE_NOT_FOUND: { status: 404, reason: 'No such endpoint', hint: 'See the OpenAPI document at /docs for the available endpoints.' },
  // --- method / media (405, 406, 413, 415) ---
  METHOD_NOT_ALLOWED: { status: 405, reason: 'Method not allowed', hint: 'See the OpenAPI document at /docs.' },
  PAYLOAD_TOO_LARGE: { status: 413, reason: 'Request body too large', hint: 'Split the order or shorten its notes.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, reason: 'Unsupported media type', hint: 'Send application/json (or application/merge-patch+json for PATCH).' },
  // --- state conflicts (409) ---
  ILLEGAL_STATE_TRANSITION: { status: 409, reason: 'Illegal state transition', hint: 'Read the order and request a move its lifecycle allows.' },
  ORDER_FINAL: { status: 409, reason: 'Order is in a final state', hint: 'A final order cannot change; place a new order.' },
  ORDER_NOT_FINAL: { status: 409, reason: 'Order is not in a final state', hint: 'Cancel the order first, or wait until it ends.' },
  CANCEL_IN_PROGRESS: { status: 409, reason: 'A cancellation is already open', hint: 'Wait for the open cancelProductOrder task to end.' },
  CONCURRENT_UPDATE: { status: 409, reason: 'Concurrent update', hint: 'Read the resource again and retry the change.' },
  STATE_OWNED_BY_PROVISIO: { status: 409, reason: 'State is set by Provisio', hint: 'Cancel through POST /cancelProductOrder; other state moves follow provisioning.' },
  ITEMS_NOT_EDITABLE: { status: 409, reason: 'Items cannot be changed in this state', hint: 'Revise the order through a revision, or cancel it.' },
  FALLOUT_CASE_RESOLVED: { status: 409, reason: 'Fallout case already resolved', hint: 'Read the case again: its task is no longer in fallout; list the open cases of the order to act on another.' },
  TASK_NOT_SKIPPABLE: { status: 409, reason: 'Task may not be skipped', hint: 'Only task types the catalogue declares skippable can be skipped; retry, force-complete or fail the item instead.' },
  FALLOUT_ACTION_NOT_ALLOWED: { status: 409, reason: 'Action not allowed on the task now', hint: 'Read the case again and choose an action its task state allows.' },
  PAST_POINT_OF_NO_RETURN: { status: 409, reason: 'Past the point of no return', hint: 'The order can no longer be cancelled; fail the affected items or force-complete the task instead.' },
  PORT_ACTION_REFUSED: { status: 409, reason: 'Port request action refused', hint: 'Read the port request: its state, version and timers decide which actions are allowed now (the message names the guard).' },
  PORT_REQUEST_FINAL: { status: 409, reason: 'Port request is in a final state', hint: 'A completed, cancelled, abandoned or restored port cannot change; start a new port-in order.' },
  // --- server side (5xx) ---
  STORE_UNAVAILABLE: { status: 503, reason: 'Store unavailable', hint: 'Retry later; nothing was stored.' },
  SHUTTING_DOWN: { status: 503, reason: 'Server shutting down', hint: 'Retry on another instance or after restart.' },
  INTERNAL: { status: 500, reason: 'Internal error', hint: 'Retry; if it persists, report the correlation id from the logs.' },
} as const satisfies Record<string, { status: number; reason: string; hint: string }>;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** An error a client caused or must react to, carrying a catalogue code. */
export class ProvisioError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly reason: string;
  /** JSON path or parameter the error is about, when there is one. */
  readonly field?: string;

  constructor(code: ErrorCode, message?: string, field?: string) {
    const entry = ERROR_CATALOGUE[code];
    super(message ?? `${entry.reason}. ${entry.hint}`);
    this.name = 'ProvisioError';
    this.code = code;
    this.status = entry.status;
    this.reason = entry.reason;
    if (field !== undefined) this.field = field;
  }
}

/** Shorthand to build a ProvisioError whose message names the field and the next step. */
export function fieldError(code: ErrorCode, field: string, problem: string): ProvisioError {
  return new ProvisioError(code, `${field}: ${problem}. ${ERROR_CATALOGUE[code].hint}`, field);
}
