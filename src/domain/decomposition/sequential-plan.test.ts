import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aHomeTrio, aPortIn } from '../../../test/fixtures/catalog-orders.js';
import { indexCatalog, type CatalogData } from '../catalog/catalog.js';
import { CATALOG_FILES } from '../catalog/catalog-shape.js';
import { initialPlanState } from '../plan/plan-state.js';
import type { Plan } from '../plan/plan.js';
import { TASK_TYPES } from '../plan/task-type.js';
import { loadDecompositionRules } from './decomposition-rules.js';
import { planOrder } from './plan-order.js';
import { sequentialPlan, topologicalOrder } from './sequential-plan.js';

const read = (f: string): unknown => JSON.parse(readFileSync(new URL(`../../../catalog/${f}`, import.meta.url), 'utf8'));
const catalog = indexCatalog(Object.fromEntries(Object.entries(CATALOG_FILES).map(([k, f]) => [k, read(f)])) as unknown as CatalogData);
const rules = loadDecompositionRules(read('decomposition.json'), TASK_TYPES);

function waitsFor(plan: Plan, a: string, b: string): boolean {
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const seen = new Set<string>();
  const walk = (id: string): boolean => (byId.get(id)?.dependsOn ?? []).some((d) => d === b || (!seen.has(d) && (seen.add(d), walk(d))));
  return walk(a);
}

describe('sequential plan (the legacy one-task-at-a-time way)', () => {
  const parallel = planOrder(aHomeTrio(), catalog, rules);
  const sequential = sequentialPlan(parallel);

  it('starts the order with a single task where the parallel plan starts several', () => {
    const ready = (p: Plan) => Object.values(initialPlanState(p, 0).tasks).filter((t) => t.state === 'ready').length;
    expect(ready(parallel)).toBeGreaterThan(1);
    expect(ready(sequential)).toBe(1);
  });

  it('keeps the same tasks and every original dependency, and orders every pair of tasks', () => {
    expect(sequential.tasks.map((t) => t.id)).toEqual(parallel.tasks.map((t) => t.id));
    for (const t of parallel.tasks) {
      const s = sequential.tasks.find((x) => x.id === t.id);
      expect(s?.dependsOn).toEqual(expect.arrayContaining([...t.dependsOn]));
    }
    const order = topologicalOrder(sequential.tasks).map((t) => t.id);
    order.forEach((id, i) => {
      for (const earlier of order.slice(0, i)) expect(waitsFor(sequential, id, earlier)).toBe(true);
    });
  });

  it('never runs a task before one it depended on in the parallel plan', () => {
    const position = new Map(topologicalOrder(sequential.tasks).map((t, i) => [t.id, i]));
    for (const t of parallel.tasks) for (const d of t.dependsOn) expect(position.get(d)).toBeLessThan(position.get(t.id) ?? -1);
  });

  it('leaves undo tasks and a one-task chain as they are', () => {
    const plan = planOrder(aPortIn(), catalog, rules);
    const first = plan.tasks[0];
    if (first === undefined) throw new Error('a port-in has tasks');
    const undo = { ...first, id: `${first.id}.undo`, mode: 'undo' as const, dependsOn: [], compensates: first.id };
    const out = sequentialPlan({ ...plan, tasks: [...plan.tasks, undo] });
    expect(out.tasks.at(-1)).toEqual(undo);
    expect(sequentialPlan({ ...plan, tasks: [first] }).tasks).toEqual([first]);
  });

  it('reports a dependency cycle instead of looping', () => {
    const [a, b] = parallel.tasks;
    if (a === undefined || b === undefined) throw new Error('a trio has tasks');
    expect(() => sequentialPlan({ ...parallel, tasks: [{ ...a, dependsOn: [b.id] }, { ...b, dependsOn: [a.id] }] })).toThrow(/cycle/);
  });
});
