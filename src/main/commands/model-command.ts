import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateOnLaterSlice } from '../../app/features/evaluate-fallout-model.js';
import { extractFalloutFeatures } from '../../app/features/extract-features.js';
import { FALLOUT_FEATURES, FEATURE_VOCABULARIES } from '../../app/features/fallout-features.js';
import { wasProvisioned } from '../../app/features/history-record.js';
import { decidePromotion } from '../../app/features/promotion-rule.js';
import { timeSplit, trainFalloutModelWith } from '../../app/features/train-fallout-model.js';
import { gbdtFalloutPredictor } from '../../adapters/ml/gbdt-fallout-predictor.js';
import { poolSize, threadedBinaryTrainer } from '../../adapters/ml/gbdt-thread-pool.js';
import type { ModelRegistry } from '../../ports/model-registry.js';
import { openStores, type Stores } from '../open-stores.js';
import { say, type Command } from './command.js';
import { createdBetween, readHistory } from './history-file.js';
import { headLine, printSliceEvaluation } from './model-report.js';

/** Categorical vocabularies, so explanations print "fiber" rather than a code. */
export { FEATURE_VOCABULARIES } from '../../app/features/fallout-features.js';

interface Options {
  readonly history?: string;
  readonly until?: string;
  readonly from?: string;
  readonly to?: string;
  readonly version?: string;
  /** Worker threads growing the heads (default: one per core; 1 = on the main thread). */
  readonly threads?: number;
  readonly json: boolean;
}

async function withStores<T>(dataDir: string, fn: (stores: Stores, registry: ModelRegistry) => Promise<T>): Promise<T> {
  const stores = await openStores({ dataDir, synchronous: 'NORMAL', ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}) });
  try {
    return await fn(stores, stores.modelRegistry);
  } finally {
    await stores.close();
  }
}

async function train(dataDir: string, historyPath: string, o: Options): Promise<number> {
  const records = await readHistory(historyPath, createdBetween(undefined, o.until));
  const now = new Date().toISOString();
  const started = Date.now();
  const cpu = process.cpuUsage();
  const candidate = await trainFalloutModelWith(records, { version: `fallout-${now.replace(/[-:.]/g, '').slice(0, 15)}`, trainedAt: now }, threadedBinaryTrainer(o.threads));
  const trainMs = Date.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuS = (used.user + used.system) / 1e6;
  const threads = poolSize(candidate.heads.length, o.threads);
  const sorted = records.filter(wasProvisioned).sort((a, b) => a.order.createdAt.localeCompare(b.order.createdAt));
  const recent = sorted.slice(timeSplit(sorted.length).test[0]);
  return withStores(dataDir, async (_stores, registry) => {
    const decision = decidePromotion(candidate, await registry.active(), recent);
    await registry.save(candidate);
    if (decision.promote) await registry.promote(candidate.version);
    if (o.json) process.stdout.write(`${JSON.stringify({ version: candidate.version, trainMs, trainCpuS: cpuS, threads, rows: records.length, rowCounts: candidate.rowCounts, trainingWindow: candidate.trainingWindow, testWindow: candidate.testWindow, metrics: candidate.metrics, operatingPoint: candidate.operatingPoint, promotion: decision })}\n`);
    else {
      say(`trained ${candidate.version} on ${sorted.length} provisioned orders in ${(trainMs / 1000).toFixed(1)} s, ${cpuS.toFixed(1)} CPU-s on ${threads} thread${threads === 1 ? '' : 's'} (test slice ${candidate.testWindow.from} .. ${candidate.testWindow.to}) [synthetic]`);
      for (const [name, m] of Object.entries(candidate.metrics)) say(headLine(name, m));
      say(`${decision.promote ? 'promoted' : 'not promoted'}: ${decision.reason}`);
    }
    return 0;
  });
}

async function listVersions(dataDir: string, json: boolean): Promise<number> {
  return withStores(dataDir, async (_stores, registry) => {
    const versions = await registry.list();
    if (json) process.stdout.write(`${JSON.stringify(versions.map(({ params: _p, features: _f, operatingPoints: _o, ...v }) => v))}\n`);
    else for (const v of versions) {
      say(`${v.version} ${v.status} trained ${v.trainedAt}, window ${v.trainingWindow.from} .. ${v.trainingWindow.to}`);
      for (const [name, m] of Object.entries(v.metrics)) say(headLine(name, m));
    }
    return versions.length === 0 ? 1 : 0;
  });
}

/** Measures a version (default: the active one) on history created after everything it saw. */
async function evaluateSlice(dataDir: string, historyPath: string, o: Options): Promise<number> {
  return withStores(dataDir, async (_stores, registry) => {
    const model = o.version === undefined ? await registry.active() : await registry.get(o.version);
    if (!model) {
      say(o.version === undefined ? 'no active model: run `provisio model train --history <file>` first' : `no model version ${o.version}`);
      return 1;
    }
    // Default later slice: everything after the model's own test slice.
    const from = o.from ?? new Date(Date.parse(model.testWindow.to) + 1).toISOString();
    if (from <= model.testWindow.to) say(`warning: the slice from ${from} overlaps what model ${model.version} trained, calibrated or was tested on (up to ${model.testWindow.to})`);
    const later = createdBetween(from, o.to);
    const inTraining = createdBetween(model.trainingWindow.from, new Date(Date.parse(model.trainingWindow.to) + 1).toISOString());
    const records = await readHistory(historyPath, (r) => later(r) || inTraining(r));
    const evaluation = evaluateOnLaterSlice(model, records.filter(inTraining), records.filter(later));
    if (o.json) process.stdout.write(`${JSON.stringify(evaluation)}\n`);
    else printSliceEvaluation(evaluation);
    return 0;
  });
}

async function explain(dataDir: string, orderId: string, json: boolean): Promise<number> {
  return withStores(dataDir, async (stores, registry) => {
    const order = await stores.orders.getOrder(orderId);
    if (!order) {
      say(`no order ${orderId}`);
      return 1;
    }
    const predictor = gbdtFalloutPredictor({ registry, extract: extractFalloutFeatures, featureNames: FALLOUT_FEATURES.map((f) => f.name), vocabularies: FEATURE_VOCABULARIES, topFactors: 8 });
    await predictor.reload();
    const p = predictor.predict(order);
    if (!p) {
      say('no active model: run `provisio model train --history <file>` first');
      return 1;
    }
    if (json) process.stdout.write(`${JSON.stringify(p)}\n`);
    else {
      say(`order ${orderId}: fallout risk ${(100 * p.risk).toFixed(1)}% (model ${p.modelVersion}), most likely cause ${p.topCause} ${(100 * p.riskByCause[p.topCause]).toFixed(1)}%`);
      for (const f of p.topFactors) say(`  ${f.contribution >= 0 ? '+' : '-'}${Math.abs(f.contribution).toFixed(3)}  ${f.text}`);
    }
    return 0;
  });
}

/** `provisio model train|evaluate|explain`: the fallout model's registry from the command line. */
export const modelCommand: Command = {
  name: 'model',
  summary: 'train the fallout model on order history, measure it on a later slice, explain an order',
  usage: [
    'provisio model train --history history.jsonl [--until 2026-10-01] [--threads N] [--json]',
    '                                                              (--threads: heads grown on N worker threads, default one per core, 1 = main thread)',
    '       provisio model evaluate [--json]                       (versions and their test-slice metrics)',
    '       provisio model evaluate --history history.jsonl [--from ISO] [--to ISO] [--version v] [--json]',
    '                                                              (a later slice: default after the model\'s test slice)',
    '       provisio model explain <orderId> [--json]',
    '       all take --data-dir ./data; DATABASE_URL=postgres://... uses the PostgreSQL registry',
  ].join('\n'),
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: [...argv], allowPositionals: true,
      options: { history: { type: 'string' }, until: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, version: { type: 'string' }, threads: { type: 'string' }, json: { type: 'boolean' }, 'data-dir': { type: 'string' } },
    });
    const dataDir = resolve(values['data-dir'] ?? process.env.PROVISIO_DATA_DIR ?? 'data');
    const threads = values.threads === undefined ? undefined : Number(values.threads);
    if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
      say(`--threads takes a whole number of threads, at least 1 (got ${values.threads})`);
      return 2;
    }
    const { threads: _threads, ...rest } = values;
    const o: Options = { ...rest, ...(threads === undefined ? {} : { threads }), json: values.json === true };
    switch (positionals[0] ?? '') {
      case 'train':
        if (values.history === undefined) break;
        return train(dataDir, values.history, o);
      case 'evaluate':
        return values.history === undefined ? listVersions(dataDir, o.json) : evaluateSlice(dataDir, values.history, o);
      case 'explain':
        if (positionals[1] === undefined) break;
        return explain(dataDir, positionals[1], o.json);
      default:
        break;
    }
    say(`usage: ${this.usage}`);
    return 2;
  },
};
