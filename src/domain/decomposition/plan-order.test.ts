import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aFiberInstall, aNewMobileActivation, aPortIn, aHomeTrio } from '../../../test/fixtures/catalog-orders.js';
import { indexCatalog, type CatalogData } from '../catalog/catalog.js';
import { CATALOG_FILES } from '../catalog/catalog-shape.js';
import { TASK_TYPES } from '../plan/task-type.js';
import type { Plan } from '../plan/plan.js';
import { InvalidDecompositionRules, loadDecompositionRules } from './decomposition-rules.js';
import { planOrder } from './plan-order.js';

const read = (f: string): unknown => JSON.parse(readFileSync(new URL(`../../../catalog/${f}`, import.meta.url), 'utf8'));
const catalog = indexCatalog(
  Object.fromEntries(Object.entries(CATALOG_FILES).map(([k, f]) => [k, read(f)])) as unknown as CatalogData,
);
const rules = loadDecompositionRules(read('decomposition.json'), TASK_TYPES);

const byType = (plan: Plan, type: string) => plan.tasks.filter((t) => t.type === type);
const one = (plan: Plan, type: string) => {
  const found = byType(plan, type);
  expect(found).toHaveLength(1);
  return found[0]!;
};
/** True when task `a` waits (directly or not) for task `b`. */
function waitsFor(plan: Plan, a: string, b: string): boolean {
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const seen = new Set<string>();
  const walk = (id: string): boolean =>
    (byId.get(id)?.dependsOn ?? []).some((d) => d === b || (!seen.has(d) && (seen.add(d), walk(d))));
  return walk(a);
}

describe('decomposition', () => {
  it('reserves the SIM before the mobile line is activated, and bills last', () => {
    const plan = planOrder(aNewMobileActivation(), catalog, rules);
    const sim = one(plan, 'reserve-sim');
    const activate = one(plan, 'activate-mobile-service');
    expect(waitsFor(plan, activate.id, sim.id)).toBe(true);
    const billing = one(plan, 'update-billing');
    for (const t of plan.tasks) if (t.id !== billing.id) expect(waitsFor(plan, billing.id, t.id)).toBe(true);
    expect(plan.missing).toEqual([]);
  });

  it('ports the number in before activating it', () => {
    const plan = planOrder(aPortIn(), catalog, rules);
    const port = one(plan, 'port-in-number');
    const activation = byType(plan, 'activate-number').find((t) => t.itemId === port.itemId)!;
    expect(activation.dependsOn).toContain(port.id);
    expect(byType(plan, 'reserve-number')).toEqual([]);
  });

  it('ships the router in parallel with network configuration, and books the technician before activation', () => {
    const plan = planOrder(aFiberInstall(), catalog, rules);
    const ship = one(plan, 'ship-cpe');
    const network = one(plan, 'configure-network');
    expect(waitsFor(plan, ship.id, network.id) || waitsFor(plan, network.id, ship.id)).toBe(false);
    const fiber = one(plan, 'activate-fiber');
    expect(waitsFor(plan, fiber.id, ship.id)).toBe(true);
    expect(waitsFor(plan, fiber.id, one(plan, 'schedule-field-visit').id)).toBe(true);
  });

  it('puts the order pending when port-in data is missing', () => {
    const plan = planOrder(aPortIn({ port: { portingAccountNumber: '' } }), catalog, rules);
    expect(plan.missing).toHaveLength(1);
    expect(plan.missing[0]!.fieldPath).toMatch(/productCharacteristic\.portingAccountNumber$/);
  });

  it('plans a bundle into an acyclic plan with one task id per template and item', () => {
    const plan = planOrder(aHomeTrio(), catalog, rules);
    expect(new Set(plan.tasks.map((t) => t.id)).size).toBe(plan.tasks.length);
    expect(plan.tasks.length).toBeGreaterThan(8);
  });

  it('stops start-up on a cycle, a dangling dependency, an unknown type or a missing handler', () => {
    const bad = {
      rules: [
        { productType: 'sim', action: 'add', tasks: [{ key: 'a', type: 'reserve-sim', after: ['b'] }, { key: 'b', type: 'reserve-sim', after: ['a'] }] },
        { productType: 'number', action: 'add', tasks: [{ key: 'a', type: 'reserve-number', after: ['ghost'] }] },
        { productType: 'cpe', action: 'add', tasks: [{ key: 'a', type: 'teleport-router' }] },
      ],
    };
    const err = (() => {
      try {
        loadDecompositionRules(bad, ['reserve-sim']);
      } catch (e) {
        return e as InvalidDecompositionRules;
      }
      throw new Error('expected the rules to be refused');
    })();
    expect(err).toBeInstanceOf(InvalidDecompositionRules);
    expect(err.message).toMatch(/cycle a -> b -> a/);
    expect(err.message).toMatch(/unknown task ghost/);
    expect(err.message).toMatch(/unknown task type teleport-router/);
    expect(err.message).toMatch(/reserve-number has no handler/);
  });
});
