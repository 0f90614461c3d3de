import type { Catalog } from '../catalog/catalog.js';
import type { ProductOrder } from '../order/product-order.js';
import type { MissingInformation, Plan, PlanItem, PlanTask } from '../plan/plan.js';
import { ruleFor, type DecompositionRules, type TaskCondition, type TaskTemplate } from './decomposition-rules.js';
import { itemContexts, type ItemContext } from './item-context.js';

/** Raised when rules combine into a cyclic plan for an order (a rules defect, not a customer error). */
export class CyclicPlan extends Error {
  constructor(orderId: string, taskId: string) {
    super(`the plan of order ${orderId} has a dependency cycle through ${taskId}; fix catalog/decomposition.json`);
    this.name = 'CyclicPlan';
  }
}

function holds(cond: TaskCondition | undefined, chars: Readonly<Record<string, unknown>>): boolean {
  if (cond === undefined) return true;
  const v = chars[cond.characteristic];
  if ('equals' in cond) return v === cond.equals;
  if ('notEquals' in cond) return v !== cond.notEquals;
  return v !== undefined && v !== false;
}

/** An item's included tasks, each with the ids it waits for inside the item (through excluded tasks). */
interface ItemTasks {
  readonly ctx: ItemContext;
  readonly templates: readonly TaskTemplate[];
  /** Adds to `out` the task ids standing for a rule key: itself when included, else what it waited for. */
  readonly resolve: (key: string, out: string[]) => void;
}

// A rule's templates by key, built once per rule.
const templatesByKey = new WeakMap<readonly TaskTemplate[], ReadonlyMap<string, TaskTemplate>>();

function byKeyOf(templates: readonly TaskTemplate[]): ReadonlyMap<string, TaskTemplate> {
  let byKey = templatesByKey.get(templates);
  if (byKey === undefined) templatesByKey.set(templates, (byKey = new Map(templates.map((t) => [t.key, t]))));
  return byKey;
}

/** Appends `id` unless it is already there (dependency lists are short). */
function addOnce(out: string[], id: string): void {
  if (!out.includes(id)) out.push(id);
}

function itemTasks(ctx: ItemContext, templates: readonly TaskTemplate[]): ItemTasks {
  const byKey = byKeyOf(templates);
  const included = templates.filter((t) => holds(t.when, ctx.characteristics));
  const isIncluded = (key: string): boolean => included.some((t) => t.key === key);
  const resolve = (key: string, out: string[]): void => {
    if (isIncluded(key)) return addOnce(out, `${ctx.item.id}.${key}`);
    for (const k of byKey.get(key)?.after ?? []) resolve(k, out);
  };
  return { ctx, templates: included, resolve };
}

/**
 * Decomposes an order into its provisioning plan (pure): one task per included rule template and
 * item, dependencies inside the item, on related items' tasks, and `final` tasks after all others.
 */
export function planOrder(order: ProductOrder, catalog: Catalog, rules: DecompositionRules): Plan {
  const contexts = itemContexts(order, catalog);
  const items: PlanItem[] = contexts.map((c) => ({ itemId: c.item.id, action: c.item.action, productType: c.productType }));
  const missing: MissingInformation[] = [];
  const planned: ItemTasks[] = [];
  for (const ctx of contexts) {
    const rule = ctx.item.action === 'noChange' ? undefined : ruleFor(rules, ctx.productType, ctx.item.action);
    if (rule === undefined) continue;
    for (const name of rule.requires) {
      if (ctx.characteristics[name] === undefined || ctx.characteristics[name] === '') {
        missing.push({ itemId: ctx.item.id, fieldPath: `${ctx.path}.product.productCharacteristic.${name}`, text: `${name} is required to provision a ${ctx.productType} item` });
      }
    }
    planned.push(itemTasks(ctx, rule.tasks));
  }
  const byItem = new Map(planned.map((p) => [p.ctx.item.id, p]));
  const everyItem = planned.map((o) => o.ctx.item.id);
  const tasks: PlanTask[] = [];
  const finals: PlanTask[] = [];
  for (const p of planned) {
    // One inputs object per item, shared by its tasks (read-only).
    const inputs = taskInputs(p.ctx);
    const related = p.ctx.related.length > 0 ? p.ctx.related : everyItem;
    for (const t of p.templates) {
      const dependsOn: string[] = [];
      for (const key of t.after) p.resolve(key, dependsOn);
      for (const rel of t.afterRelated) {
        for (const id of related) {
          const other = byItem.get(id);
          if (other !== undefined && other.ctx.productType === rel.productType) other.resolve(rel.key, dependsOn);
        }
      }
      const task: PlanTask = { id: `${p.ctx.item.id}.${t.key}`, type: t.type, itemId: p.ctx.item.id, mode: 'do', dependsOn, inputs };
      (t.phase === 'final' ? finals : tasks).push(task);
    }
  }
  const mainIds = tasks.map((t) => t.id);
  for (const f of finals) {
    (f.dependsOn as string[]).push(...mainIds);
    tasks.push(f);
  }
  assertAcyclic(order.id, tasks);
  return { orderId: order.id, revision: 1, items, tasks, missing };
}

// Keys in sorted order, as the canonical digest lists them (then it need not sort them).
function taskInputs(ctx: ItemContext): Readonly<Record<string, unknown>> {
  const place = ctx.item.product?.place?.[0];
  const inputs: Record<string, unknown> = { action: ctx.item.action, characteristics: ctx.characteristics };
  if (ctx.item.productOffering !== undefined) inputs.offeringId = ctx.item.productOffering.id;
  if (place !== undefined) inputs.place = place;
  inputs.productType = ctx.productType;
  return inputs;
}

function assertAcyclic(orderId: string, tasks: readonly PlanTask[]): void {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const state = new Map<string, number>();
  const visit = (id: string): void => {
    const s = state.get(id);
    if (s === 2) return;
    if (s === 1) throw new CyclicPlan(orderId, id);
    state.set(id, 1);
    for (const d of byId.get(id)?.dependsOn ?? []) visit(d);
    state.set(id, 2);
  };
  for (const t of tasks) visit(t.id);
}
