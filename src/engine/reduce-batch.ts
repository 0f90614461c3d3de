import type { ItemState, OrderState } from '../domain/order/order-state.js';
import type { PlanEvent } from '../domain/plan/plan-event.js';
import { PlanDraft } from '../domain/plan/plan-draft.js';
import type { PlanState, TaskRecord } from '../domain/plan/plan-state.js';
import { planStateOf, reduceStep, type ReduceContext } from '../domain/plan/reduce-plan.js';
import type { Decision, FalloutCaseToOpen, InformationRequest } from '../domain/plan/reduction.js';
import type { PlanChange } from '../ports/task-store.js';

/** Several plan events of one order reduced together, as one write. */
export interface FoldedOrder {
  readonly change: PlanChange;
  readonly itemStates: ReadonlyMap<string, ItemState>;
  readonly orderPath: readonly OrderState[];
  readonly fallout: readonly FalloutCaseToOpen[];
  readonly informationRequired: readonly InformationRequest[];
  readonly decisions: readonly Decision[];
}

/** One step of a round: tasks that ran (marked running first) and the events that followed. */
export interface RoundStep {
  readonly running: readonly string[];
  readonly events: readonly PlanEvent[];
}

/**
 * Reduces an order's events step by step on one working copy of its plan and gathers the results
 * into one plan change (last task record wins, lifecycle paths concatenated), so a round of several
 * steps is committed once and the plan is not copied per step.
 */
export class OrderFold {
  private readonly draft: PlanDraft;
  private readonly itemStates = new Map<string, ItemState>();
  private readonly orderPath: OrderState[] = [];
  private readonly decisions: Decision[] = [];
  /** Tasks the last step made claimable at once. */
  ready: readonly string[] = [];

  constructor(
    private readonly base: PlanState,
    private readonly version: number,
    now: number,
  ) {
    this.draft = new PlanDraft(base, now);
  }

  /** A task as reduced so far. */
  task(id: string): TaskRecord | undefined {
    return this.draft.tasks[id];
  }

  /** Marks the step's tasks running, reduces its events and merges the result. */
  apply(step: RoundStep, ctx: ReduceContext): void {
    if (step.running.length > 0) this.draft.markRunning(step.running);
    const r = reduceStep(this.draft, step.events, ctx);
    for (const i of r.items) this.itemStates.set(i.itemId, i.path.at(-1) as ItemState);
    this.orderPath.push(...r.orderPath);
    if (r.decision !== undefined) this.decisions.push(r.decision);
    this.ready = r.ready;
  }

  /** The merged result; the fold takes no more steps after it. */
  result(): FoldedOrder {
    const d = this.draft;
    const s = planStateOf(d);
    return {
      change: {
        orderId: s.orderId,
        expectedVersion: this.version,
        state: s,
        tasks: [...d.changedIds].map((id) => d.get(id)),
        added: d.added,
        outputs: d.outputs,
        itemsChanged: s.revision !== this.base.revision,
      },
      itemStates: this.itemStates,
      orderPath: this.orderPath,
      fallout: d.fallout,
      informationRequired: d.info,
      decisions: this.decisions,
    };
  }
}

/** Feeds the events to the reducer and shapes the result as a plan change plus the order-visible delta. */
export function foldEvents(state: PlanState, version: number, events: readonly PlanEvent[], ctx: ReduceContext): FoldedOrder {
  const fold = new OrderFold(state, version, ctx.now);
  fold.apply({ running: [], events }, ctx);
  return fold.result();
}
