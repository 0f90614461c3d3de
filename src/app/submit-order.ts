import { createOrder, type EntryFinding, type OrderDraft } from '../domain/order/order-draft.js';
import type { OrderItem, ProductOrder } from '../domain/order/product-order.js';
import type { Clock } from '../ports/clock.js';
import type { Ids } from '../ports/ids.js';
import type { OrderStore } from '../ports/order-store.js';
import type { NewPlan } from '../ports/task-store.js';
import { runEntryChecks, type EntryCheck } from './entry-check.js';
import { orderEvent } from './order-events.js';

/** What submitting an order needs. */
export interface SubmitOrderDeps {
  readonly store: OrderStore;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly entryChecks: readonly EntryCheck[];
  /** Scores an accepted order's fallout risk (none, or no active model: no prediction is stored). */
  readonly predictor?: (order: ProductOrder) => ProductOrder['falloutPrediction'];
  /** Decomposes an accepted order into its provisioning plan (none: orders are only captured). */
  readonly planner?: (order: ProductOrder, now: number) => NewPlan;
  /** Holds a predicted-risky order's plan for a specialist queue (none: every plan runs straight through). */
  readonly routing?: (order: ProductOrder, newPlan: NewPlan) => NewPlan;
}

/** What the entry checks would decide about a draft, without storing anything. */
export interface OrderPreview {
  readonly order: ProductOrder;
  readonly findings: readonly EntryFinding[];
}

/** Runs the entry checks on a draft and returns the order as it would be created. */
export function previewOrder(deps: Omit<SubmitOrderDeps, 'store'>, draft: OrderDraft, id = deps.ids.next()): OrderPreview {
  const nowIso = new Date(deps.clock.now()).toISOString();
  const candidate = createOrder(draft, id, nowIso, []);
  const { findings, features } = runEntryChecks(deps.entryChecks, candidate);
  // Without findings the order is the candidate plus its features: no second copy of every item.
  const order = findings.length === 0 ? { ...candidate, entryFeatures: features } : createOrder(draft, id, nowIso, findings, features);
  return { order, findings };
}

/** Fields the customer is asked about: where an accepted order carries warnings. */
function informationRequired(order: ProductOrder): string | undefined {
  if (order.state === 'rejected') return undefined;
  const fields = (order.entryFindings ?? []).filter((f) => f.severity === 'warning').map((f) => f.field ?? 'productOrder');
  return fields.length > 0 ? [...new Set(fields)].join(',') : undefined;
}

/**
 * Accepts a new order: runs the entry checks, stores the order (`acknowledged`, or `rejected`
 * with its reasons) together with its creation event, and returns it once durably committed.
 * Warnings the customer must look at also raise a ProductOrderInformationRequiredEvent.
 */
export async function submitOrder(deps: SubmitOrderDeps, draft: OrderDraft): Promise<ProductOrder> {
  const preview = previewOrder(deps, draft);
  const accepted = preview.order.state !== 'rejected';
  const prediction = accepted && deps.predictor ? deps.predictor(preview.order) : undefined;
  const scored = prediction ? { ...preview.order, falloutPrediction: prediction } : preview.order;
  const planned = !accepted || !deps.planner ? undefined : deps.planner(scored, Date.parse(scored.createdAt));
  const newPlan = planned && deps.routing ? deps.routing(scored, planned) : planned;
  const order = newPlan ? withPlanStates(scored, newPlan) : scored;
  const events = [orderEvent(deps.ids, 'ProductOrderCreateEvent', order, order.createdAt)];
  const askFor = [informationRequired(order), ...(newPlan?.plan.missing.map((m) => m.fieldPath) ?? [])].filter((f) => f !== undefined);
  if (askFor.length > 0) {
    events.push(orderEvent(deps.ids, 'ProductOrderInformationRequiredEvent', order, order.createdAt, [...new Set(askFor)].join(',')));
  }
  await deps.store.commit({ orders: [{ record: order, expectedVersion: null }], events, ...(newPlan ? { newPlans: [newPlan] } : {}) });
  return order;
}

function withItemStates(items: ProductOrder['items'], states: Readonly<Record<string, OrderItem['state']>>): OrderItem[] {
  return items.map((i) => ({ ...i, state: states[i.id] ?? i.state, children: withItemStates(i.children, states) }));
}

/** The new order with the states its plan starts in: `pending` items where information is missing. */
function withPlanStates(order: ProductOrder, newPlan: NewPlan): ProductOrder {
  const { itemStates, orderState } = newPlan.state;
  if (orderState === order.state) return order;
  const missing = newPlan.plan.missing.map((m) => `[INFORMATION_MISSING] ${m.fieldPath}: ${m.text}`);
  return {
    ...order,
    state: orderState,
    items: withItemStates(order.items, itemStates),
    notes: [...order.notes, { id: 'provisio-information-required', author: 'Provisio', date: order.createdAt, text: `Information required: ${missing.join('; ')}` }],
  };
}
