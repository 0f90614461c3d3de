import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorld } from '../../sim/world/index.js';
import { VirtualClock } from '../../src/adapters/clock/virtual-clock.js';
import { createSimulatedSystems, orderFactsFromStore } from '../../src/adapters/simulators/index.js';
import { InMemoryEffectLedger } from '../../src/adapters/simulators/in-memory-effect-ledger.js';
import { openSqliteStores, type SqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { planForSubmit } from '../../src/domain/decomposition/plan-for-submit.js';
import { idempotencyKey } from '../../src/domain/plan/plan.js';
import { createEngine } from '../../src/engine/engine.js';
import { activateNumbers, numberKey, revertNumbers } from '../../src/engine/handlers/activate-numbers.js';
import { createTaskHandlers } from '../../src/engine/handlers/task-handler-registry.js';
import type { TaskContext } from '../../src/engine/task-handler.js';
import { SouthboundError } from '../../src/ports/southbound-error.js';
import type { ActivationSystem } from '../../src/ports/activation-system.js';
import { aPortIn, PORT_IN_DATA } from '../fixtures/catalog-orders.js';
import { loadFileCatalog } from '../../src/adapters/catalog/file-catalog.js';
import { loadShippedDecompositionRules } from '../../src/main/provisioning.js';

const MAIN = PORT_IN_DATA.msisdn;
const SECOND = '3125550148';
const catalog = loadFileCatalog();
const rules = loadShippedDecompositionRules();
const world = createWorld({ seed: 6, start: '2026-11-01T00:00:00Z', customers: 50 });
let dir: string | undefined;
let stores: SqliteStores | undefined;

afterEach(async () => {
  await stores?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  stores = undefined;
  dir = undefined;
});

describe('activate-number on a multi-line port-in', () => {
  it('a two-number port-in order ends with both numbers activated, each once in the effect ledger', async () => {
    dir = mkdtempSync(join(tmpdir(), 'provisio-multi-port-'));
    stores = openSqliteStores({ path: join(dir, 'provisio.db'), synchronous: 'NORMAL' });
    // the further numbers as a customer types them, the main number repeated among them
    const order = aPortIn({ port: { portingAdditionalNumbers: `(312) 555-0148, ${MAIN}` } as Partial<typeof PORT_IN_DATA> });
    const clock = new VirtualClock(Date.parse(order.createdAt));
    await stores.orders.commit({ orders: [{ record: order, expectedVersion: null }], newPlans: [planForSubmit(order, catalog, rules, clock.now())] });
    const ledger = new InMemoryEffectLedger(clock);
    const open = stores;
    const systems = createSimulatedSystems({ world, seed: 6, clock, ledger, mode: 'instant', orderFacts: orderFactsFromStore((id) => open.orders.getOrder(id)) });
    let n = 0;
    const engine = createEngine({ taskStore: stores.tasks, orders: stores.orders, handlers: createTaskHandlers(systems), clock, ids: { next: () => `id-${++n}` }, advanceClock: (t) => clock.advanceTo(t) });
    await engine.runUntilIdle();

    expect((await stores.orders.getOrder(order.id))?.state).toBe('completed');
    const taskKey = idempotencyKey(order.id, '3.activate');
    expect((await ledger.lookup(taskKey))?.effect).toMatchObject({ msisdn: MAIN });
    expect((await ledger.lookup(numberKey(taskKey, SECOND)))?.effect).toMatchObject({ msisdn: SECOND });
    const activated = [...ledger.journal].filter((e) => e.key.startsWith(taskKey));
    expect(activated).toHaveLength(2);
    expect((await ledger.report()).duplicates).toBe(0);
  });

  it('a retry after the second number failed activates only that number; every number is activated once', async () => {
    const clock = new VirtualClock(0);
    const ledger = new InMemoryEffectLedger(clock);
    const calls: string[] = [];
    let failOnce = true;
    const activation = {
      async activateNumber(req: { idempotencyKey: string; msisdn?: string }) {
        calls.push(req.msisdn ?? '');
        if (req.msisdn === SECOND && failOnce) {
          failOnce = false;
          throw new SouthboundError(true, 'SYSTEM_BUSY', 'activation', 'busy');
        }
        const seen = await ledger.lookup(req.idempotencyKey);
        if (seen !== undefined) return { activationId: String(seen.effect.activationId) };
        await ledger.record(req.idempotencyKey, 'activation', 'activateNumber', { activationId: `ACT-${req.msisdn}`, msisdn: req.msisdn });
        return { activationId: `ACT-${req.msisdn}` };
      },
    } as unknown as ActivationSystem;
    const ctx = (attempt: number): TaskContext => ({
      orderId: 'o1', taskId: '3.activate', itemId: '3', idempotencyKey: 'o1:3.activate', attempt, now: 0,
      inputs: { characteristics: { msisdn: MAIN, portingAdditionalNumbers: SECOND } },
    });
    await expect(activateNumbers(activation, ctx(0))).rejects.toThrow(SouthboundError);
    const done = await activateNumbers(activation, ctx(1));
    expect(done).toEqual({ kind: 'completed', output: { activationId: `ACT-${MAIN}`, additionalActivations: { [SECOND]: `ACT-${SECOND}` } } });
    expect(calls).toEqual([MAIN, SECOND, MAIN, SECOND]);
    expect(ledger.journal.map((e) => e.key)).toEqual(['o1:3.activate', `o1:3.activate/${SECOND}`]);
  });

  it('a port-in activates the numbers its port request ported: a number a supplement took off is left alone', async () => {
    const THIRD = '3125550149';
    const calls: { key: string; msisdn?: string }[] = [];
    const activation = {
      async activateNumber(req: { idempotencyKey: string; msisdn?: string }) {
        calls.push({ key: req.idempotencyKey, ...(req.msisdn === undefined ? {} : { msisdn: req.msisdn }) });
        return { activationId: `ACT-${req.msisdn}` };
      },
      async revert(req: { idempotencyKey: string; ref: string }) {
        calls.push({ key: `revert ${req.idempotencyKey}`, msisdn: req.ref });
      },
    } as unknown as ActivationSystem;
    const asked: string[] = [];
    const ctx: TaskContext = {
      orderId: 'o1', taskId: '3.activate', itemId: '3', idempotencyKey: 'o1:3.activate', attempt: 0, now: 0,
      inputs: { characteristics: { msisdn: MAIN, portingAdditionalNumbers: `${SECOND}, ${THIRD}` } },
    };
    // the request ported the main number and the third; the second was split off
    const done = await activateNumbers(activation, ctx, async (key) => (asked.push(key), [MAIN, THIRD]));
    expect(asked).toEqual(['o1:3.port']);
    expect(done).toEqual({ kind: 'completed', output: { activationId: `ACT-${MAIN}`, additionalActivations: { [THIRD]: `ACT-${THIRD}` }, portedNumbers: [MAIN, THIRD] } });
    expect(calls.map((c) => c.msisdn)).toEqual([MAIN, THIRD]);
    // the main number itself taken off: only the others, none under the task's own key; undone the same way
    calls.length = 0;
    const withoutMain = await activateNumbers(activation, ctx, async () => [SECOND]);
    expect(withoutMain).toEqual({ kind: 'completed', output: { additionalActivations: { [SECOND]: `ACT-${SECOND}` }, portedNumbers: [SECOND] } });
    await revertNumbers(activation, { ...ctx, undoneKey: ctx.idempotencyKey, output: (withoutMain as { output: Record<string, unknown> }).output });
    expect(calls.map((c) => c.key)).toEqual([`o1:3.activate/${SECOND}`, `revert o1:3.activate/${SECOND}`]);
    // a port-in that keeps no port request: the order's numbers, as before
    calls.length = 0;
    await activateNumbers(activation, ctx, async () => undefined);
    expect(calls.map((c) => c.msisdn)).toEqual([MAIN, SECOND, THIRD]);
  });

  it('checks every ported number after activating it: passed checks go to the port request, a failed one fails the task retryably', async () => {
    const THIRD = '3125550149';
    const failing = new Map<string, string>();
    const checked: string[] = [];
    const activation = {
      async activateNumber(req: { idempotencyKey: string; msisdn?: string }) {
        return { activationId: `ACT-${req.msisdn}` };
      },
      async checkPortedNumber(req: { idempotencyKey: string; msisdn: string }) {
        checked.push(req.idempotencyKey);
        const bad = failing.get(req.msisdn);
        return { checks: { testCall: true, testSms: true, e911: bad !== 'e911', cnam: bad !== 'cnam', messaging: true } };
      },
    } as unknown as ActivationSystem;
    const ctx: TaskContext = {
      orderId: 'o1', taskId: '3.activate', itemId: '3', idempotencyKey: 'o1:3.activate', attempt: 0, now: 0,
      inputs: { characteristics: { msisdn: MAIN, portingAdditionalNumbers: THIRD } },
    };
    const recorded: [string, readonly string[]][] = [];
    const record = async (key: string, passed: readonly string[]) => void recorded.push([key, [...passed].sort()]);
    const done = await activateNumbers(activation, ctx, async () => [MAIN, THIRD], record);
    expect(done.kind).toBe('completed');
    expect(checked).toEqual([`o1:3.activate/check/${MAIN}`, `o1:3.activate/check/${THIRD}`]);
    expect(recorded).toEqual([['o1:3.port', ['cnam', 'e911', 'messaging', 'testCall', 'testSms']]]);
    // E911 fails on one number: the other checks are recorded, the task fails retryably naming it
    failing.set(THIRD, 'e911');
    recorded.length = 0;
    const err = await activateNumbers(activation, ctx, async () => [MAIN, THIRD], record).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SouthboundError);
    expect(err).toMatchObject({ retryable: true, code: 'POST_PORT_CHECK_FAILED', message: `post-port checks failed: e911 on ${THIRD}` });
    expect(recorded).toEqual([['o1:3.port', ['cnam', 'messaging', 'testCall', 'testSms']]]);
    // a port-in without port requests (nothing to record) is not checked
    checked.length = 0;
    await activateNumbers(activation, ctx, async () => undefined, record);
    expect(checked).toEqual([]);
  });
});
