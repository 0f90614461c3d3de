import type { Plan, PlanTask } from '../plan/plan.js';

/**
 * Tasks that do work (mode `do`) in a topological order of their dependencies; among tasks that
 * could start together, the order the plan lists them in. Throws on a cycle (a rules defect).
 */
export function topologicalOrder(tasks: readonly PlanTask[]): PlanTask[] {
  const work = tasks.filter((t) => t.mode === 'do');
  const ids = new Set(work.map((t) => t.id));
  const placed = new Set<string>();
  const ordered: PlanTask[] = [];
  while (ordered.length < work.length) {
    const next = work.find((t) => !placed.has(t.id) && t.dependsOn.every((d) => placed.has(d) || !ids.has(d)));
    if (next === undefined) throw new Error(`the plan has a dependency cycle among ${work.filter((t) => !placed.has(t.id)).map((t) => t.id).join(', ')}`);
    placed.add(next.id);
    ordered.push(next);
  }
  return ordered;
}

/**
 * The legacy way of provisioning an order, as a plan transformation (pure): the same tasks, each
 * waiting for the one before it in a topological order, so one task runs at a time. Only work tasks
 * are chained; undo tasks keep their dependencies, and since every added edge follows an existing
 * order, compensation still undoes finished work in reverse.
 */
export function sequentialPlan(plan: Plan): Plan {
  const ordered = topologicalOrder(plan.tasks);
  const previous = new Map<string, string>();
  ordered.forEach((t, i) => {
    const before = ordered[i - 1];
    if (before !== undefined) previous.set(t.id, before.id);
  });
  const tasks = plan.tasks.map((t): PlanTask => {
    const before = previous.get(t.id);
    return before === undefined || t.dependsOn.includes(before) ? t : { ...t, dependsOn: [...t.dependsOn, before] };
  });
  return { ...plan, tasks };
}
