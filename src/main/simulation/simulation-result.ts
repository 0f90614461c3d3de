import type { OrderTruth, OrderType } from '../../../sim/generator/index.js';
import type { OrderState } from '../../domain/order/order-state.js';
import type { ProductOrder } from '../../domain/order/product-order.js';
import type { FalloutCaseToOpen } from '../../domain/plan/reduction.js';

/** How a simulated order's tasks run: all at once where the plan allows, or one after another (legacy). */
export const SIMULATION_PLAN_MODES = ['parallel', 'sequential'] as const;
/** A plan mode of a simulation run. */
export type SimulationPlanMode = (typeof SIMULATION_PLAN_MODES)[number];

/** What happened to one generated order in a simulation run: plain, JSON-serialisable data. */
export interface SimulatedOrderResult {
  readonly orderId: string;
  readonly externalId: string;
  readonly orderType: OrderType;
  readonly family: string;
  /** ISO instant the order was submitted (simulated time). */
  readonly submittedAt: string;
  readonly finalState: OrderState;
  /** ISO instant the order reached a final state; absent while held or pending. */
  readonly completedAt?: string;
  /** completedAt - submittedAt in ms; absent while held or pending. */
  readonly cycleTimeMs?: number;
  /** True when at least one task fell out to a queue. */
  readonly fallout: boolean;
  /** The first fallout case of the order: task type, failure code, failing system. */
  readonly falloutTaskType?: string;
  readonly falloutCode?: string;
  readonly falloutSystem?: string;
  /** The generator's hidden truth about the order (what is really wrong with it). */
  readonly truth: OrderTruth;
}

/** The result of one order, from its stored state, its first fallout case and its truth. */
export function simulatedOrderResult(order: ProductOrder, truth: OrderTruth, firstFallout: FalloutCaseToOpen | undefined): SimulatedOrderResult {
  const done = order.completionDate;
  return {
    orderId: order.id,
    externalId: order.externalId ?? truth.orderKey,
    orderType: truth.orderType,
    family: truth.family,
    submittedAt: order.createdAt,
    finalState: order.state,
    ...(done === undefined ? {} : { completedAt: done, cycleTimeMs: Date.parse(done) - Date.parse(order.createdAt) }),
    fallout: firstFallout !== undefined,
    ...(firstFallout === undefined
      ? {}
      : { falloutTaskType: firstFallout.taskType, falloutCode: firstFallout.failure.code, falloutSystem: firstFallout.failure.system }),
    truth,
  };
}
