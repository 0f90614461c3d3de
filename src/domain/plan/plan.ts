import type { ItemAction } from '../order/product-order.js';
import type { TaskMode, TaskType } from './task-type.js';

/** One order item as the plan sees it. */
export interface PlanItem {
  readonly itemId: string;
  readonly action: ItemAction;
  /** Catalog product type the rules matched (e.g. `mobile`, `fiber`), or `none` for an item with nothing to provision. */
  readonly productType: string;
}

/** One node of the provisioning DAG. */
export interface PlanTask {
  /** Unique within the order; with the order id it forms the idempotency key. */
  readonly id: string;
  readonly type: TaskType;
  readonly itemId: string;
  readonly mode: TaskMode;
  /** Ids of tasks of the same order that must end first. */
  readonly dependsOn: readonly string[];
  /** What the handler needs (characteristics, places, references); JSON-serialisable. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** For an undo task, the task whose effect it reverses. */
  readonly compensates?: string;
}

/** Information an order lacks before provisioning can proceed (order goes `pending`). */
export interface MissingInformation {
  readonly itemId: string;
  /** JSON path of the missing member, e.g. `productOrderItem[0].product.productCharacteristic.portedNumber`. */
  readonly fieldPath: string;
  readonly text: string;
}

/** The provisioning plan of an order: a DAG of tasks, plus what is missing to run it. */
export interface Plan {
  readonly orderId: string;
  /** 1 for the submitted order, +1 on every in-flight revision. */
  readonly revision: number;
  readonly items: readonly PlanItem[];
  readonly tasks: readonly PlanTask[];
  readonly missing: readonly MissingInformation[];
}

/** The idempotency key of a task: the same on every attempt, different for every task. */
export function idempotencyKey(orderId: string, taskId: string): string {
  return `${orderId}:${taskId}`;
}

/** A stable text form of task inputs (JSON with object keys sorted), used to tell whether a revision changed them. */
export function inputsDigest(inputs: unknown): string {
  if (inputs === null || typeof inputs !== 'object') return JSON.stringify(inputs) ?? 'null';
  if (Array.isArray(inputs)) {
    let out = '[';
    for (let i = 0; i < inputs.length; i++) {
      const v: unknown = inputs[i];
      out += (i === 0 ? '' : ',') + (v === undefined ? 'null' : inputsDigest(v));
    }
    return `${out}]`;
  }
  const obj = inputs as Record<string, unknown>;
  const keys = Object.keys(obj);
  // Inputs are usually built with their keys in order already: sort only when they are not.
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort();
      break;
    }
  }
  let out = '{';
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    const text = v === null || typeof v !== 'object' ? (JSON.stringify(v) ?? 'null') : inputsDigest(v);
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(k)}:${text}`;
  }
  return `${out}}`;
}
