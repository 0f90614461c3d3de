import type { ItemState, OrderState } from '../domain/order/order-state.js';
import type { PlanEvent } from '../domain/plan/plan-event.js';
import type { PlanTask } from '../domain/plan/plan.js';
import type { PlanState, TaskRecord } from '../domain/plan/plan-state.js';
import { reducePlanEvents, type ReduceContext } from '../domain/plan/reduce-plan.js';
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
 * Reduces an order's events step by step and merges the results into one plan change (last task
 * record wins, lifecycle paths concatenated), so a round of several steps is committed once.
 */
export class OrderFold {
  private state: PlanState;
  private readonly tasks = new Map<string, TaskRecord>();
  private readonly added: PlanTask[] = [];
  private readonly outputs: PlanChange['outputs'][number][] = [];
  private readonly itemStates = new Map<string, ItemState>();
  private readonly orderPath: OrderState[] = [];
  private readonly fallout: FalloutCaseToOpen[] = [];
  private readonly info: InformationRequest[] = [];
  private readonly decisions: Decision[] = [];
  /** Tasks the last step made claimable at once. */
  ready: readonly string[] = [];

  constructor(
    private readonly base: PlanState,
    private readonly version: number,
  ) {
    this.state = base;
  }

  /** The plan as reduced so far. */
  get current(): PlanState {
    return this.state;
  }

  /** Marks the step's tasks running, reduces its events and merges the result. */
  apply(step: RoundStep, ctx: ReduceContext): void {
    if (step.running.length > 0) this.state = markRunning(this.state, step.running);
    const r = reducePlanEvents(this.state, step.events, ctx);
    this.state = r.state;
    for (const t of r.changed) this.tasks.set(t.id, t);
    this.added.push(...r.added);
    this.outputs.push(...r.outputs);
    for (const i of r.items) this.itemStates.set(i.itemId, i.path.at(-1) as ItemState);
    this.orderPath.push(...r.orderPath);
    this.fallout.push(...r.fallout);
    this.info.push(...r.informationRequired);
    if (r.decision !== undefined) this.decisions.push(r.decision);
    this.ready = r.ready;
  }

  /** The merged result. */
  result(): FoldedOrder {
    const s = this.state;
    return {
      change: {
        orderId: s.orderId,
        expectedVersion: this.version,
        state: s,
        tasks: [...this.tasks.values()],
        added: this.added,
        outputs: this.outputs,
        itemsChanged: s.revision !== this.base.revision,
      },
      itemStates: this.itemStates,
      orderPath: this.orderPath,
      fallout: this.fallout,
      informationRequired: this.info,
      decisions: this.decisions,
    };
  }
}

/** The plan with these ready or waiting tasks marked running (as a claim stores them). */
export function markRunning(state: PlanState, ids: readonly string[]): PlanState {
  const tasks = { ...state.tasks };
  for (const id of ids) {
    const t = tasks[id];
    if (t !== undefined && (t.state === 'ready' || t.state === 'waiting')) tasks[id] = { ...t, state: 'running', wakeAt: null };
  }
  return { ...state, tasks };
}

/** Feeds the events to the reducer and shapes the result as a plan change plus the order-visible delta. */
export function foldEvents(state: PlanState, version: number, events: readonly PlanEvent[], ctx: ReduceContext): FoldedOrder {
  const fold = new OrderFold(state, version);
  fold.apply({ running: [], events }, ctx);
  return fold.result();
}
