// JSON schemas of the workbench fallout endpoints: request validation and the OpenAPI document.
import { OPERATOR_ACTIONS } from '../../domain/plan/plan-event.js';
import { TASK_STATES } from '../../domain/plan/task-state.js';
import { TASK_MODES, TASK_TYPES } from '../../domain/plan/task-type.js';
import { ORDER_STATES } from '../../domain/order/order-state.js';
import { FALLOUT_CAUSES } from '../../domain/fallout/fallout-cause.js';
import { SPECIALIST_QUEUES } from '../../domain/routing/specialist-queue.js';
import { FALLOUT_CASE_STATUSES } from '../../ports/fallout-case-reader.js';

const str = { type: 'string', maxLength: 4000 } as const;
const shortStr = { type: 'string', maxLength: 256 } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const count = { type: 'string', pattern: '^[0-9]{1,9}$' } as const;

/** The TMF630 Error body every refusal answers with. */
export const errorSchema = {
  type: 'object',
  properties: { code: str, reason: str, message: str, status: str, '@type': str },
} as const;

/** Query of the case list: filters on the case and paging. */
export const listFalloutQuerySchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: FALLOUT_CASE_STATUSES, description: 'open: waiting for an operator; resolved: dealt with' },
    taskType: { type: 'string', enum: TASK_TYPES },
    system: { ...shortStr, description: 'OSS/BSS system whose failure opened the case' },
    errorCode: shortStr,
    orderId: shortStr,
    queue: { type: 'string', enum: SPECIALIST_QUEUES, description: 'only orders held for review in this specialist queue' },
    offset: count,
    limit: count,
  },
  additionalProperties: false,
} as const;

/** A fallout case (response). */
export const falloutCaseSchema = {
  type: 'object',
  properties: {
    id: { ...str, description: 'orderId:taskId' },
    href: str,
    status: { type: 'string', enum: FALLOUT_CASE_STATUSES },
    openedAt: dateTime,
    productOrder: { type: 'object', properties: { id: str, state: { type: 'string', enum: ORDER_STATES } } },
    productOrderItemId: str,
    task: {
      type: 'object',
      properties: { id: str, type: { type: 'string', enum: TASK_TYPES }, mode: { type: 'string', enum: TASK_MODES }, state: { type: 'string', enum: TASK_STATES } },
    },
    error: { type: 'object', properties: { system: str, code: str, text: str, retryable: { type: 'boolean' } } },
    attempt: {
      type: 'array',
      items: {
        type: 'object',
        properties: { attempt: { type: 'integer' }, date: dateTime, system: str, code: str, text: str, retryable: { type: 'boolean' } },
      },
    },
    action: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: str,
          action: { type: 'string', enum: OPERATOR_ACTIONS },
          operator: str,
          reason: str,
          date: dateTime,
          outcome: { type: 'string', enum: ['accepted', 'denied'] },
          detail: str,
          scope: { type: 'string', enum: ['falloutCase', 'productOrder'] },
        },
      },
    },
    review: {
      type: 'object',
      description: 'Present when the order is held for a specialist before provisioning because the fallout model predicts it will fall out',
      properties: {
        queue: { type: 'string', enum: SPECIALIST_QUEUES },
        cause: { type: 'string', enum: FALLOUT_CAUSES },
        causeRisk: { type: 'number' },
        threshold: { type: 'number' },
        risk: { type: 'number' },
        benefit: { type: 'number' },
        modelVersion: str,
        factors: { type: 'array', items: { type: 'object', properties: { text: str, contribution: { type: 'number' } } } },
      },
    },
    '@type': { type: 'string', const: 'FalloutCase' },
  },
} as const;

const note = {
  operator: { ...shortStr, pattern: '\\S', description: 'Who takes the action (recorded in the case log)' },
  reason: { type: 'string', pattern: '\\S', maxLength: 4000, description: 'Why, in words (mandatory; recorded in the case log)' },
} as const;

/** Body of an operator action: who and why (the reason is mandatory). */
export const operatorNoteSchema = {
  type: 'object',
  required: ['reason'],
  properties: note,
  additionalProperties: false,
} as const;

/** Body of force-complete: who, why and optionally the task output dependants will see. */
export const forceCompleteSchema = {
  type: 'object',
  required: ['reason'],
  properties: { ...note, output: { type: 'object', description: 'Output recorded for the task (default {"forcedByOperator": true})' } },
  additionalProperties: false,
} as const;

/** Answer to an accepted operator cancel. */
export const operatorCancelSchema = {
  type: 'object',
  properties: {
    productOrder: { type: 'object', properties: { id: str } },
    decision: { type: 'string', const: 'accepted' },
    penaltyTaskId: { type: 'array', items: str, description: 'Done tasks past a soft point of no return whose undo costs a penalty' },
  },
} as const;
