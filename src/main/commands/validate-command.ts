import { loadFileCatalog } from '../../adapters/catalog/file-catalog.js';
import { buildValidationCorpus, type ValidationCorpus } from '../../../sim/validation-corpus/build-corpus.js';
import { corpusContext } from '../../../sim/validation-corpus/corpus-context.js';
import { corpusSeed } from '../../../sim/validation-corpus/corpus-seeds.js';
import { evaluateCorpora, type CorpusEvaluation } from '../../../sim/validation-corpus/evaluate-corpus.js';
import { say, type Command } from './command.js';

/** Targets of entry validation: recall on blocking defects, false positives on clean orders, one-core speed. */
export const VALIDATION_TARGETS = { blockingRecall: 0.95, falsePositiveRate: 0.01, ordersPerSecond: 5000 } as const;

interface EvaluateArgs {
  readonly orders: number;
  readonly seeds: readonly number[];
  readonly holdout: boolean;
  readonly json: boolean;
}

function parseArgs(argv: readonly string[]): EvaluateArgs {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i < 0 ? undefined : argv[i + 1];
  };
  const orders = Number(value('--orders') ?? 3000);
  const seedText = value('--seed') ?? '1';
  const seeds = seedText.split(',').map(Number);
  if (!Number.isInteger(orders) || orders < 1) throw new Error(`--orders must be a positive integer, got ${value('--orders')}`);
  if (seeds.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`--seed must be positive integers (comma-separated), got ${seedText}`);
  return { orders, seeds, holdout: argv.includes('--holdout'), json: argv.includes('--json') };
}

const pct = (x: number): string => (Number.isNaN(x) ? '   -  ' : `${(100 * x).toFixed(1).padStart(5)}%`);

function summary(e: CorpusEvaluation): string {
  const lines = [
    `corpus ${e.seeds.join(', ')}: ${e.orders} orders, ${e.cleanOrders} clean, ${e.defectiveOrders} with one injected defect`,
    '',
    `${'defect'.padEnd(24)} ${'expected'.padEnd(9)} ${'n'.padStart(5)}  recall  precision  field`,
    ...e.perKind.map((m) => `${m.kind.padEnd(24)} ${m.severity.padEnd(9)} ${String(m.support).padStart(5)}  ${pct(m.recall)}  ${pct(m.precision)}     ${pct(m.fieldMatch)}`),
    '',
    `blocking recall        ${pct(e.blockingRecall)}  (${e.blockingDetected}/${e.blockingSupport}; target >= ${pct(VALIDATION_TARGETS.blockingRecall).trim()})`,
    `clean orders blocked   ${pct(e.falsePositiveRate)}  (${e.cleanBlocked}/${e.cleanOrders}; target <= ${pct(VALIDATION_TARGETS.falsePositiveRate).trim()})`,
    `warnings per clean     ${e.warningsPerCleanOrder.toFixed(3)}`,
    `benign variants        ${Object.entries(e.variants).map(([v, x]) => `${v} ${x.blocked}/${x.orders}`).join(', ')}`,
    `throughput             ${Math.round(e.ordersPerSecond)} orders per CPU second warm, ${Math.round(e.coldOrdersPerSecond)} cold (${Math.round(e.wallOrdersPerSecond)}/s wall clock warm; target >= ${VALIDATION_TARGETS.ordersPerSecond})`,
  ];
  return lines.join('\n');
}

async function evaluate(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const catalog = loadFileCatalog();
  const corpora: ValidationCorpus[] = [];
  for (const n of args.seeds) {
    const seed = corpusSeed(n, args.holdout);
    say(`building corpus ${seed} (${args.orders} orders) ...`);
    corpora.push(buildValidationCorpus({ seed, orders: args.orders }));
  }
  say('validating ...');
  const result = evaluateCorpora(corpora, (c) => corpusContext(c, catalog));
  const met = result.blockingRecall >= VALIDATION_TARGETS.blockingRecall && result.falsePositiveRate <= VALIDATION_TARGETS.falsePositiveRate && result.ordersPerSecond >= VALIDATION_TARGETS.ordersPerSecond;
  if (args.json) process.stdout.write(`${JSON.stringify({ ...result, holdout: args.holdout, targets: VALIDATION_TARGETS, targetsMet: met })}\n`);
  else say(`${summary(result)}\n\ntargets ${met ? 'met' : 'NOT met'}`);
  return 0;
}

/** `provisio validate evaluate`: entry validation measured on a labelled corpus from the simulated world. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'measure entry validation (recall, false positives, speed) on a labelled order corpus',
  usage: 'provisio validate evaluate [--orders 3000] [--seed 1[,2,...]] [--holdout] [--json]\n\n' +
    '  Seeds name corpora: tuning corpora vc-tune-<n> by default, holdout corpora vc-holdout-<n> with --holdout.\n' +
    '  Tune only on tuning seeds; the holdout family is for reporting.',
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub !== 'evaluate') {
      say(`provisio validate: unknown sub-command "${sub ?? ''}"; usage: ${this.usage}`);
      return 2;
    }
    return evaluate(rest);
  },
};
