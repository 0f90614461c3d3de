import { ProvisioError } from '../domain/errors/error-catalogue.js';
import type { CancelRequest } from '../domain/order/cancel-request.js';
import {
  acceptCancellation,
  cancelOpenRefusal,
  completeCancellation,
  denyCancellation,
  startCancellation,
  UNSTARTED_STATES,
} from '../domain/order/cancellation.js';
import type { ProductOrder } from '../domain/order/product-order.js';
import type { Clock } from '../ports/clock.js';
import type { Ids } from '../ports/ids.js';
import type { OrderStore } from '../ports/order-store.js';
import { cancelEvent, orderEvent } from './order-events.js';
import { retryOnConflict } from './retry-on-conflict.js';

/** The provisioning engine's answer to a cancellation of an order's plan (undefined: the order has no plan). */
export type PlanCancelDecision = { readonly kind: 'accepted' } | { readonly kind: 'denied'; readonly text: string } | undefined;

/** What cancelling needs. */
export interface CancelOrderDeps {
  readonly store: OrderStore;
  readonly clock: Clock;
  readonly ids: Ids;
  /** Asks the engine to cancel the order's plan (compensating what was done); absent: orders have no plans. */
  readonly cancelPlan?: (orderId: string) => Promise<PlanCancelDecision>;
}

/** What a client asks when it cancels an order. */
export interface CancelDraft {
  readonly orderId: string;
  readonly cancellationReason?: string;
  readonly requestedCancellationDate?: string;
  readonly extra: Readonly<Record<string, unknown>>;
}

const CANCELLING: readonly ProductOrder['state'][] = ['assessingCancellation', 'pendingCancellation', 'cancelled'];

async function hasOpenCancel(store: OrderStore, orderId: string): Promise<boolean> {
  const open = await store.listCancelRequests({
    filters: [
      { path: 'orderId', op: 'eq', values: [orderId] },
      { path: 'state', op: 'eq', values: ['acknowledged', 'inProgress'] },
    ],
    offset: 0,
    limit: 1,
  });
  return open.total > 0;
}

/** Opens a cancel request (`acknowledged`); it is carried out by `processCancelRequest`. */
export function requestCancellation(deps: CancelOrderDeps, draft: CancelDraft): Promise<CancelRequest> {
  return retryOnConflict(async () => {
    const order = await deps.store.getOrder(draft.orderId);
    if (!order) {
      throw new ProvisioError('UNKNOWN_ORDER_REFERENCE', `productOrder.id ${draft.orderId} does not exist`, 'productOrder.id');
    }
    const refusal = cancelOpenRefusal(order, await hasOpenCancel(deps.store, order.id));
    if (refusal) throw new ProvisioError(refusal, `productOrder ${order.id} is ${order.state}: it cannot be cancelled now`);
    const nowIso = new Date(deps.clock.now()).toISOString();
    const request: CancelRequest = {
      id: deps.ids.next(),
      version: 1,
      orderId: order.id,
      state: 'acknowledged',
      createdAt: nowIso,
      extra: draft.extra,
      ...(draft.cancellationReason !== undefined ? { cancellationReason: draft.cancellationReason } : {}),
      ...(draft.requestedCancellationDate !== undefined ? { requestedCancellationDate: draft.requestedCancellationDate } : {}),
    };
    // The order version is checked so that a concurrent second cancel on the same order conflicts.
    await deps.store.commit({
      orders: [{ record: { ...order, version: order.version + 1 }, expectedVersion: order.version }],
      cancelRequests: [{ record: request, expectedVersion: null }],
      events: [cancelEvent(deps.ids, 'CancelProductOrderCreateEvent', request, nowIso)],
    });
    return request;
  });
}

function end(request: CancelRequest, state: 'done' | 'terminatedWithError', nowIso: string, why?: string): CancelRequest {
  return {
    ...request,
    version: request.version + 1,
    state,
    ...(state === 'done' ? { effectiveCancellationDate: nowIso } : {}),
    ...(why !== undefined ? { errorMessage: `Cancellation denied: ${why}` } : {}),
  };
}

/** Cancels an order that has no provisioning plan: nothing to compensate, or the cancel is denied. */
async function cancelWithoutPlan(deps: CancelOrderDeps, request: CancelRequest, order: ProductOrder, nowIso: string): Promise<CancelRequest> {
  const ev = (r: CancelRequest) => cancelEvent(deps.ids, 'CancelProductOrderStateChangeEvent', r, nowIso);
  const assessing = startCancellation(order, nowIso);
  const events = [ev({ ...request, state: 'inProgress' }), orderEvent(deps.ids, 'ProductOrderStateChangeEvent', assessing, nowIso)];
  let finalOrder: ProductOrder;
  let ended: CancelRequest;
  if (UNSTARTED_STATES.includes(order.state)) {
    const pending = acceptCancellation(assessing, nowIso);
    finalOrder = completeCancellation(pending, request, nowIso);
    events.push(orderEvent(deps.ids, 'ProductOrderStateChangeEvent', pending, nowIso));
    ended = end(request, 'done', nowIso);
  } else {
    finalOrder = denyCancellation(assessing, nowIso);
    ended = end(request, 'terminatedWithError', nowIso, `provisioning of order ${order.id} has started (${order.state})`);
  }
  finalOrder = { ...finalOrder, version: order.version + 1 };
  events.push(orderEvent(deps.ids, 'ProductOrderStateChangeEvent', finalOrder, nowIso), ev(ended));
  await deps.store.commit({
    orders: [{ record: finalOrder, expectedVersion: order.version }],
    cancelRequests: [{ record: ended, expectedVersion: request.version }],
    events,
  });
  return ended;
}

/**
 * Carries out an acknowledged cancel request. With a provisioning plan, the engine decides: it
 * compensates completed work (the request stays `inProgress` until the order is `cancelled`) or
 * denies past a hard point of no return. Without a plan, an unstarted order is cancelled at once.
 */
export function processCancelRequest(deps: CancelOrderDeps, requestId: string): Promise<CancelRequest | undefined> {
  return retryOnConflict(async () => {
    const request = await deps.store.getCancelRequest(requestId);
    if (!request || request.state !== 'acknowledged') return undefined;
    const order = await deps.store.getOrder(request.orderId);
    const nowIso = new Date(deps.clock.now()).toISOString();
    const ev = (r: CancelRequest) => cancelEvent(deps.ids, 'CancelProductOrderStateChangeEvent', r, nowIso);
    if (!order || (cancelOpenRefusal(order, false) === 'ORDER_FINAL' && order.state !== 'cancelled')) {
      const ended = end(request, 'terminatedWithError', nowIso, order ? `order is ${order.state}` : 'order was deleted');
      await deps.store.commit({ cancelRequests: [{ record: ended, expectedVersion: request.version }], events: [ev(ended)] });
      return ended;
    }
    // A repeat after a crash finds the order already cancelling: the engine accepted it the first time.
    const decision: PlanCancelDecision = CANCELLING.includes(order.state)
      ? { kind: 'accepted' }
      : deps.cancelPlan
        ? await deps.cancelPlan(order.id)
        : undefined;
    if (decision === undefined) return cancelWithoutPlan(deps, request, order, nowIso);
    const next: CancelRequest =
      decision.kind === 'accepted'
        ? { ...request, version: request.version + 1, state: 'inProgress' }
        : end(request, 'terminatedWithError', nowIso, decision.text);
    const events = decision.kind === 'accepted' ? [ev(next)] : [ev({ ...request, state: 'inProgress' }), ev(next)];
    await deps.store.commit({ cancelRequests: [{ record: next, expectedVersion: request.version }], events });
    return next;
  });
}

/**
 * Closes an in-progress cancel request once its order has ended: `done` (with the reason and date
 * copied onto the order) when it was cancelled, `terminatedWithError` when it ended otherwise.
 */
export function settleCancelRequest(deps: CancelOrderDeps, requestId: string): Promise<CancelRequest | undefined> {
  return retryOnConflict(async () => {
    const request = await deps.store.getCancelRequest(requestId);
    if (!request || request.state !== 'inProgress') return undefined;
    const order = await deps.store.getOrder(request.orderId);
    if (order && CANCELLING.includes(order.state) && order.state !== 'cancelled') return undefined; // still compensating
    const nowIso = new Date(deps.clock.now()).toISOString();
    const cancelled = order?.state === 'cancelled';
    const at = cancelled ? (order.cancellationDate ?? nowIso) : nowIso;
    const ended = end(request, cancelled ? 'done' : 'terminatedWithError', at, cancelled ? undefined : `order is ${order?.state ?? 'deleted'}`);
    const orders = [];
    const events = [cancelEvent(deps.ids, 'CancelProductOrderStateChangeEvent', ended, nowIso)];
    if (order && cancelled) {
      const updated: ProductOrder = {
        ...order,
        version: order.version + 1,
        updatedAt: nowIso,
        cancellationDate: at,
        ...(request.cancellationReason !== undefined ? { cancellationReason: request.cancellationReason } : {}),
      };
      orders.push({ record: updated, expectedVersion: order.version });
      events.unshift(orderEvent(deps.ids, 'ProductOrderAttributeValueChangeEvent', updated, nowIso, 'cancellationDate,cancellationReason'));
    }
    await deps.store.commit({ orders, cancelRequests: [{ record: ended, expectedVersion: request.version }], events });
    return ended;
  });
}
