import { ITEM_ACTIONS, type ItemAction } from '../order/product-order.js';
import { isTaskType, type TaskType } from '../plan/task-type.js';

/** Keeps a task only when a characteristic of the item matches. */
export interface TaskCondition {
  readonly characteristic: string;
  readonly equals?: unknown;
  readonly notEquals?: unknown;
}

/** A task a rule adds for each matching item. */
export interface TaskTemplate {
  /** Unique within the rule; the task id is `<itemId>.<key>`. */
  readonly key: string;
  readonly type: TaskType;
  /** Keys of tasks of the same rule that must be done first. */
  readonly after: readonly string[];
  /** Tasks of related items (by product type and key) that must be done first. */
  readonly afterRelated: readonly { readonly productType: string; readonly key: string }[];
  /** `final` tasks wait for every non-final task of the order (billing last). */
  readonly phase: 'main' | 'final';
  readonly when?: TaskCondition;
}

/** The tasks for one product type and item action (`*` matches any product type). */
export interface DecompositionRule {
  readonly productType: string;
  readonly action: ItemAction;
  /** Characteristics without which the item cannot be provisioned (order goes pending). */
  readonly requires: readonly string[];
  readonly tasks: readonly TaskTemplate[];
}

/** The checked rule set. */
export interface DecompositionRules {
  readonly version: number;
  readonly rules: readonly DecompositionRule[];
}

/** Raised at start-up when the rules file is unusable; the message lists every defect. */
export class InvalidDecompositionRules extends Error {
  constructor(readonly defects: readonly string[]) {
    super(`catalog/decomposition.json is invalid:\n  - ${defects.join('\n  - ')}`);
    this.name = 'InvalidDecompositionRules';
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

function parseTemplate(raw: unknown, where: string, defects: string[]): TaskTemplate | undefined {
  if (!isObj(raw) || typeof raw.key !== 'string' || typeof raw.type !== 'string') {
    defects.push(`${where}: a task needs a string key and type`);
    return undefined;
  }
  if (!isTaskType(raw.type)) {
    defects.push(`${where}: task ${raw.key} has unknown task type ${raw.type}`);
    return undefined;
  }
  const related = Array.isArray(raw.afterRelated) ? raw.afterRelated.filter(isObj) : [];
  return {
    key: raw.key,
    type: raw.type,
    after: strings(raw.after),
    afterRelated: related.map((r) => ({ productType: String(r.productType), key: String(r.key) })),
    phase: raw.phase === 'final' ? 'final' : 'main',
    ...(isObj(raw.when) ? { when: { ...raw.when, characteristic: String(raw.when.characteristic) } } : {}),
  };
}

function parseRule(raw: unknown, i: number, defects: string[]): DecompositionRule | undefined {
  const where = `rules[${i}]`;
  if (!isObj(raw) || typeof raw.productType !== 'string' || !(ITEM_ACTIONS as readonly unknown[]).includes(raw.action)) {
    defects.push(`${where}: needs a productType and an action among ${ITEM_ACTIONS.join(', ')}`);
    return undefined;
  }
  const tasks = (Array.isArray(raw.tasks) ? raw.tasks : []).map((t, j) => parseTemplate(t, `${where}.tasks[${j}]`, defects));
  return { productType: raw.productType, action: raw.action as ItemAction, requires: strings(raw.requires), tasks: tasks.filter((t) => t !== undefined) };
}

/** Defects of one rule's own graph: duplicate keys, dangling `after` keys, cycles. */
function checkRuleGraph(rule: DecompositionRule, defects: string[]): void {
  const name = `${rule.productType}/${rule.action}`;
  const keys = new Map(rule.tasks.map((t) => [t.key, t]));
  if (keys.size !== rule.tasks.length) defects.push(`${name}: duplicate task keys`);
  for (const t of rule.tasks) {
    for (const a of t.after) if (!keys.has(a)) defects.push(`${name}: task ${t.key} waits for unknown task ${a}`);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (key: string, path: string[]): void => {
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') {
      defects.push(`${name}: dependency cycle ${[...path, key].join(' -> ')}`);
      return;
    }
    state.set(key, 'visiting');
    for (const a of keys.get(key)?.after ?? []) if (keys.has(a)) visit(a, [...path, key]);
    state.set(key, 'done');
  };
  for (const t of rule.tasks) visit(t.key, []);
}

/**
 * Parses and checks the rules file: unknown task types, dangling or cyclic dependencies, references
 * to tasks of other product types that no rule defines, and task types without a handler (when the
 * list of handled types is given) all stop start-up with every defect listed.
 */
export function loadDecompositionRules(raw: unknown, handledTypes?: readonly string[]): DecompositionRules {
  const defects: string[] = [];
  if (!isObj(raw) || !Array.isArray(raw.rules)) throw new InvalidDecompositionRules(['the file needs a "rules" array']);
  const rules = raw.rules.map((r, i) => parseRule(r, i, defects)).filter((r) => r !== undefined);
  const seen = new Set<string>();
  for (const r of rules) {
    const id = `${r.productType}/${r.action}`;
    if (seen.has(id)) defects.push(`${id}: defined twice`);
    seen.add(id);
    checkRuleGraph(r, defects);
    for (const t of r.tasks) {
      for (const rel of t.afterRelated) {
        if (!rules.some((o) => o.productType === rel.productType && o.tasks.some((x) => x.key === rel.key))) {
          defects.push(`${id}: task ${t.key} waits for ${rel.productType}.${rel.key}, which no rule defines`);
        }
      }
      if (handledTypes !== undefined && !handledTypes.includes(t.type)) defects.push(`${id}: task type ${t.type} has no handler`);
    }
  }
  if (defects.length > 0) throw new InvalidDecompositionRules(defects);
  return { version: typeof raw.version === 'number' ? raw.version : 1, rules };
}

/** The rule for a product type and action: the exact type first, then the `*` fallback. */
export function ruleFor(rules: DecompositionRules, productType: string, action: ItemAction): DecompositionRule | undefined {
  return (
    rules.rules.find((r) => r.productType === productType && r.action === action) ??
    rules.rules.find((r) => r.productType === '*' && r.action === action)
  );
}
