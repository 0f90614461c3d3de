import { validateOrder, type Finding, type OrderValidation, type Severity, type ValidationContext } from '../../src/validation/index.js';
import type { CorpusCase, ValidationCorpus } from './build-corpus.js';
import { BENIGN_VARIANTS, DEFECT_KINDS, DEFECT_SPECS, type BenignVariant, type DefectKind } from './defect-kinds.js';

/** Recall and precision of one defect kind. */
export interface DefectKindMetrics {
  readonly kind: DefectKind;
  readonly severity: Severity;
  /** Orders carrying this defect. */
  readonly support: number;
  /** Of those, found with one of the kind's codes at the expected severity or above. */
  readonly detected: number;
  readonly recall: number;
  /** Orders flagged with one of the kind's codes, not counting orders with another defect of the same group. */
  readonly flagged: number;
  readonly precision: number;
  /** Share of detections whose finding points at the labelled field. */
  readonly fieldMatch: number;
}

/** What `provisio validate evaluate` reports. */
export interface CorpusEvaluation {
  readonly seeds: readonly string[];
  readonly orders: number;
  readonly cleanOrders: number;
  readonly defectiveOrders: number;
  /** Defects that must block, and how many got a blocking finding of their kind. */
  readonly blockingSupport: number;
  readonly blockingDetected: number;
  readonly blockingRecall: number;
  /** Clean orders (benign variants included) with any blocking finding. */
  readonly cleanBlocked: number;
  readonly falsePositiveRate: number;
  readonly warningsPerCleanOrder: number;
  readonly variants: Readonly<Record<BenignVariant, { readonly orders: number; readonly blocked: number }>>;
  readonly perKind: readonly DefectKindMetrics[];
  /** validateOrder calls per CPU second (one core) in steady state, after a first pass over the corpus. */
  readonly ordersPerSecond: number;
  /** validateOrder calls per wall-clock second in steady state; lower than the CPU rate when the machine is shared. */
  readonly wallOrdersPerSecond: number;
  /** Orders per CPU second on the first pass, with the JIT and the validators' caches cold. */
  readonly coldOrdersPerSecond: number;
  /** Clean orders that were blocked, with the blocking codes (first few), for tuning. */
  readonly falsePositiveExamples: readonly { readonly id: string; readonly codes: readonly string[] }[];
  /** Missed blocking defects (first few), for tuning. */
  readonly missedExamples: readonly { readonly id: string; readonly kind: DefectKind; readonly codes: readonly string[] }[];
}

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, blocking: 2 };

/** Speed of one timed pass over the corpus. */
export interface PassSpeed {
  /** Orders per CPU second: the one-core rate, unaffected by other processes sharing the machine. */
  readonly ordersPerSecond: number;
  readonly wallOrdersPerSecond: number;
}

function timedPass(cases: readonly CorpusCase[], context: (c: CorpusCase) => ValidationContext): { results: OrderValidation[]; speed: PassSpeed } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const results = cases.map((c) => validateOrder(c.order, context(c)));
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const rate = (t: number): number => (t === 0 ? Number.POSITIVE_INFINITY : (cases.length / t) * 1000);
  return { results, speed: { ordersPerSecond: rate(cpuMs), wallOrdersPerSecond: rate(ms) } };
}

/** Validates every order twice: a cold pass (JIT and caches empty) and a warm pass (steady state), both timed. */
export function runValidation(cases: readonly CorpusCase[], context: (c: CorpusCase) => ValidationContext): { results: OrderValidation[]; cold: PassSpeed; warm: PassSpeed } {
  const cold = timedPass(cases, context);
  const warm = timedPass(cases, context);
  return { results: warm.results, cold: cold.speed, warm: warm.speed };
}

function matching(findings: readonly Finding[], kind: DefectKind, minSeverity: Severity): Finding[] {
  const codes: readonly string[] = DEFECT_SPECS[kind].codes;
  return findings.filter((f) => codes.includes(f.code) && RANK[f.severity] >= RANK[minSeverity]);
}

function kindMetrics(kind: DefectKind, cases: readonly CorpusCase[], results: readonly OrderValidation[]): DefectKindMetrics {
  const spec = DEFECT_SPECS[kind];
  let support = 0, detected = 0, flagged = 0, trueFlags = 0, fieldHits = 0;
  cases.forEach((c, i) => {
    const findings = results[i]?.findings ?? [];
    const label = c.labels.find((l) => l.kind === kind);
    if (label !== undefined) {
      support += 1;
      const found = matching(findings, kind, spec.severity);
      if (found.length > 0) detected += 1;
      if (found.some((f) => f.field.startsWith(label.field))) fieldHits += 1;
    }
    const sameGroupOther = c.labels.some((l) => l.kind !== kind && DEFECT_SPECS[l.kind].category === spec.category);
    if (sameGroupOther || matching(findings, kind, 'info').length === 0) return;
    flagged += 1;
    if (label !== undefined) trueFlags += 1;
  });
  const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);
  return { kind, severity: spec.severity, support, detected, recall: ratio(detected, support), flagged, precision: ratio(trueFlags, flagged), fieldMatch: ratio(fieldHits, detected) };
}

/** Scores validation results against the corpus labels. */
export function scoreCorpus(
  seeds: readonly string[],
  cases: readonly CorpusCase[],
  results: readonly OrderValidation[],
  speed: { ordersPerSecond: number; wallOrdersPerSecond: number; coldOrdersPerSecond: number },
): CorpusEvaluation {
  const perKind = DEFECT_KINDS.map((k) => kindMetrics(k, cases, results));
  const blocking = perKind.filter((m) => m.severity === 'blocking');
  const blockingSupport = blocking.reduce((s, m) => s + m.support, 0);
  const blockingDetected = blocking.reduce((s, m) => s + m.detected, 0);
  const clean = cases.map((c, i) => ({ c, r: results[i] })).filter((x) => x.c.labels.length === 0);
  const blocked = clean.filter((x) => x.r?.findings.some((f) => f.severity === 'blocking') === true);
  const warnings = clean.reduce((s, x) => s + (x.r?.findings.filter((f) => f.severity === 'warning').length ?? 0), 0);
  const variants = Object.fromEntries(BENIGN_VARIANTS.map((v) => {
    const of = clean.filter((x) => x.c.variant === v);
    return [v, { orders: of.length, blocked: of.filter((x) => blocked.includes(x)).length }];
  })) as Record<BenignVariant, { orders: number; blocked: number }>;
  const missed = cases.flatMap((c, i) => c.labels.filter((l) => l.severity === 'blocking' && matching(results[i]?.findings ?? [], l.kind, 'blocking').length === 0)
    .map((l) => ({ id: c.id, kind: l.kind, codes: (results[i]?.findings ?? []).map((f) => `${f.code}/${f.severity}`) })));
  return {
    seeds, orders: cases.length, cleanOrders: clean.length, defectiveOrders: cases.length - clean.length,
    blockingSupport, blockingDetected, blockingRecall: blockingSupport === 0 ? Number.NaN : blockingDetected / blockingSupport,
    cleanBlocked: blocked.length, falsePositiveRate: clean.length === 0 ? Number.NaN : blocked.length / clean.length,
    warningsPerCleanOrder: clean.length === 0 ? Number.NaN : warnings / clean.length,
    variants, perKind, ...speed,
    falsePositiveExamples: blocked.slice(0, 10).map((x) => ({ id: x.c.id, codes: (x.r?.findings ?? []).filter((f) => f.severity === 'blocking').map((f) => f.code) })),
    missedExamples: missed.slice(0, 10),
  };
}

/** Validates and scores one or more corpora. */
export function evaluateCorpora(corpora: readonly ValidationCorpus[], context: (corpus: ValidationCorpus) => (c: CorpusCase) => ValidationContext): CorpusEvaluation {
  const contexts = new Map(corpora.flatMap((corpus) => { const make = context(corpus); return corpus.cases.map((c) => [c, make] as const); }));
  const cases = corpora.flatMap((c) => c.cases);
  const { results, cold, warm } = runValidation(cases, (c) => (contexts.get(c) as (c: CorpusCase) => ValidationContext)(c));
  return scoreCorpus(corpora.map((c) => c.seed), cases, results, { ...warm, coldOrdersPerSecond: cold.ordersPerSecond });
}
