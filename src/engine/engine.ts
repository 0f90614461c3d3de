import type { PlanEvent } from '../domain/plan/plan-event.js';
import type { Decision, FalloutCaseToOpen } from '../domain/plan/reduction.js';
import { TASK_POLICIES, type TaskPolicy } from '../domain/plan/task-policy.js';
import type { TaskType } from '../domain/plan/task-type.js';
import type { Clock } from '../ports/clock.js';
import type { Ids } from '../ports/ids.js';
import type { OrderStore } from '../ports/order-store.js';
import type { TaskStore } from '../ports/task-store.js';
import { recordPlanEvents, type OrderTransition, type RecordDeps, type Recorded } from './record-plan-events.js';
import { PlanCache } from './plan-cache.js';
import { runTask } from './run-task.js';
import type { TaskHandlers } from './task-handler.js';

/** What the engine runs on. */
export interface EngineOptions {
  readonly taskStore: TaskStore;
  /** Reads orders and commits change sets (orders + plan changes + outbox events in one transaction). */
  readonly orders: Pick<OrderStore, 'getOrder' | 'commit'>;
  readonly handlers: TaskHandlers;
  readonly clock: Clock;
  readonly ids: Ids;
  /** With a virtual clock: jump to this time when nothing is due (runUntilIdle then skips idle time). */
  readonly advanceClock?: (toMs: number) => void;
  /** Most tasks claimed per round (default 1000). */
  readonly batchSize?: number;
  /** Lease of a claimed task; a crashed runner's tasks are claimed again after it (default 60 s). */
  readonly leaseMs?: number;
  /** Seed of retry jitter (default 1). */
  readonly seed?: number;
  /** Steps of tasks made ready during a round that run before the round commits (default 6; 0 = off). */
  readonly chainSteps?: number;
  /** Chaining stops once a round has run this long (default 25 ms). */
  readonly chainBudgetMs?: number;
  /** Real-time pause between polls when nothing is due (default 20 ms). */
  readonly pollMs?: number;
  readonly policies?: Readonly<Record<TaskType, TaskPolicy>>;
  /** Told after commit about every fallout case opened. */
  readonly onFallout?: (cases: readonly FalloutCaseToOpen[]) => void;
  /** Told after commit about every order whose state moved (e.g. to close a cancel request once `cancelled`). */
  readonly onOrderStates?: (moves: readonly OrderTransition[]) => void;
  /** Told after every round that claimed work what it did (for metrics). */
  readonly onRound?: (round: EngineRound) => void;
}

/** What one round did. */
export interface EngineRound {
  /** Tasks claimed from the store, and run by chaining inside the round. */
  readonly claimed: number;
  readonly chained: number;
  /** Orders whose plans the round recorded. */
  readonly orders: number;
  /** Task attempts that failed (retried later or opened fallout cases). */
  readonly failed: number;
  readonly falloutOpened: number;
  /** Orders re-read and reduced again after meeting another runner's change. */
  readonly conflictRetries: number;
  /** Wall time of the claim, of running the claimed tasks, and of recording (chained tasks and commit included). */
  readonly seconds: { readonly claim: number; readonly run: number; readonly record: number };
}

/** The durable plan runner. */
export interface Engine {
  /** Starts polling in the background (real clock). */
  start(): void;
  /** Stops polling and waits for the round in flight. */
  stop(): Promise<void>;
  /** One round: claim due tasks, run them concurrently, record all outcomes. Returns the number of tasks run. */
  tick(): Promise<number>;
  /** Runs rounds until nothing is due; with `advanceClock`, jumps the clock to each next wake time (up to `untilMs`). */
  runUntilIdle(options?: { readonly untilMs?: number }): Promise<number>;
  /** Records a cancel, revision or operator action on an order's plan; returns the reducer's decision. */
  apply(orderId: string, event: PlanEvent): Promise<Decision | undefined>;
}

/** Builds an engine; nothing runs until `start`, `tick` or `runUntilIdle`. */
export function createEngine(o: EngineOptions): Engine {
  const batchSize = o.batchSize ?? 1000;
  const leaseMs = o.leaseMs ?? 60_000;
  const deps: RecordDeps = {
    taskStore: o.taskStore,
    orders: o.orders,
    ids: o.ids,
    reduce: { seed: o.seed ?? 1, policies: o.policies ?? TASK_POLICIES },
    cache: new PlanCache(),
    chain: {
      maxSteps: o.chainSteps ?? 6,
      budgetMs: o.chainBudgetMs ?? 25,
      run: (orderId, t, now) =>
        runTask(
          { orderId, taskId: t.id, itemId: t.itemId, type: t.type, mode: t.mode, compensates: t.compensates ?? null, claim: 0, attempt: t.attempt, inputsJson: t.inputsDigest },
          o.handlers,
          o.taskStore,
          now,
        ),
    },
  };
  const report = (r: Recorded): void => {
    if (r.fallout.length > 0) o.onFallout?.(r.fallout);
    if (r.orderMoves.length > 0) o.onOrderStates?.(r.orderMoves);
  };
  let running = false;
  let loop: Promise<void> | undefined;

  const tick = async (): Promise<number> => {
    const now = o.clock.now();
    const t0 = performance.now();
    const claimed = await o.taskStore.claimDue(now, batchSize, leaseMs);
    if (claimed.length === 0) return 0;
    const t1 = performance.now();
    const results = await Promise.all(claimed.map((t) => runTask(t, o.handlers, o.taskStore, now)));
    const t2 = performance.now();
    const batch = new Map<string, { events: PlanEvent[]; claims: Map<string, number>; version?: number }>();
    claimed.forEach((t, i) => {
      let entry = batch.get(t.orderId);
      if (entry === undefined) batch.set(t.orderId, (entry = { events: [], claims: new Map(), ...(t.planVersion === undefined ? {} : { version: t.planVersion }) }));
      entry.events.push({ kind: 'outcome', taskId: t.taskId, result: results[i] as NonNullable<(typeof results)[number]> });
      entry.claims.set(t.taskId, t.claim);
    });
    const recorded = await recordPlanEvents(deps, batch, o.clock.now());
    report(recorded);
    if (o.onRound !== undefined) {
      let failed = recorded.chainFailed;
      for (const r of results) if (r.kind === 'failed') failed++;
      o.onRound({
        claimed: claimed.length, chained: recorded.chained, orders: batch.size, failed, falloutOpened: recorded.fallout.length,
        conflictRetries: recorded.conflictRetries, seconds: { claim: (t1 - t0) / 1000, run: (t2 - t1) / 1000, record: (performance.now() - t2) / 1000 },
      });
    }
    return claimed.length + recorded.chained;
  };

  const runUntilIdle = async (options: { readonly untilMs?: number } = {}): Promise<number> => {
    let total = 0;
    for (;;) {
      const n = await tick();
      total += n;
      if (n > 0) continue;
      const next = await o.taskStore.nextDueAt();
      if (next === null || o.advanceClock === undefined) return total;
      if (options.untilMs !== undefined && next > options.untilMs) return total;
      if (next > o.clock.now()) o.advanceClock(next);
    }
  };

  return {
    tick,
    runUntilIdle,
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          const n = await tick();
          if (n === 0) await new Promise((r) => setTimeout(r, o.pollMs ?? 20));
        }
      })();
    },
    async stop() {
      running = false;
      await loop;
    },
    async apply(orderId, event) {
      // An operator or customer action only records the decision; the tasks it releases run in the next round.
      const { chain: _chain, ...recordOnly } = deps;
      const recorded = await recordPlanEvents(recordOnly, new Map([[orderId, { events: [event] }]]), o.clock.now());
      report(recorded);
      return recorded.decisions.get(orderId)?.[0];
    },
  };
}
