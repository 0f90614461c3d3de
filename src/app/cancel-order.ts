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
import type { Clock } from '../ports/clock.js';
import type { Ids } from '../ports/ids.js';
import type { OrderStore } from '../ports/order-store.js';
import { cancelEvent, orderEvent } from './order-events.js';
import { retryOnConflict } from './retry-on-conflict.js';

/** What cancelling needs. */
export interface CancelOrderDeps {
  readonly store: OrderStore;
  readonly clock: Clock;
  readonly ids: Ids;
}

/** What a client asks when it cancels an order. */
export interface CancelDraft {
  readonly orderId: string;
  readonly cancellationReason?: string;
  readonly requestedCancellationDate?: string;
  readonly extra: Readonly<Record<string, unknown>>;
}

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
      ...(draft.requestedCancellationDate !== undefined
        ? { requestedCancellationDate: draft.requestedCancellationDate }
        : {}),
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

/**
 * Carries out an acknowledged cancel request. An order whose provisioning has not started is
 * cancelled at once; otherwise the cancellation is denied and the order returns to its state.
 */
export function processCancelRequest(deps: CancelOrderDeps, requestId: string): Promise<CancelRequest | undefined> {
  return retryOnConflict(async () => {
    const request = await deps.store.getCancelRequest(requestId);
    if (!request || request.state !== 'acknowledged') return undefined;
    const order = await deps.store.getOrder(request.orderId);
    const nowIso = new Date(deps.clock.now()).toISOString();
    const ev = (r: CancelRequest) => cancelEvent(deps.ids, 'CancelProductOrderStateChangeEvent', r, nowIso);
    if (!order || cancelOpenRefusal(order, false) === 'ORDER_FINAL') {
      const ended = end(request, 'terminatedWithError', nowIso, order ? `order is ${order.state}` : 'order was deleted');
      await deps.store.commit({ cancelRequests: [{ record: ended, expectedVersion: request.version }], events: [ev(ended)] });
      return ended;
    }
    const working: CancelRequest = { ...request, state: 'inProgress' };
    const assessing = startCancellation(order, nowIso);
    const events = [ev(working), orderEvent(deps.ids, 'ProductOrderStateChangeEvent', assessing, nowIso)];
    let finalOrder;
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
