import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from 'better-sqlite3';
import { extractFalloutFeatures } from '../../app/features/extract-features.js';
import { FALLOUT_FEATURES, FEATURE_VOCABULARIES } from '../../app/features/fallout-features.js';
import { parseHistoryLine, type HistoryRecord } from '../../app/features/history-record.js';
import { decidePromotion } from '../../app/features/promotion-rule.js';
import { timeSplit, trainFalloutModel } from '../../app/features/train-fallout-model.js';
import { gbdtFalloutPredictor } from '../../adapters/ml/gbdt-fallout-predictor.js';
import { closeSqliteDatabase, openSqliteDatabase } from '../../adapters/sqlite/sqlite-database.js';
import { sqliteModelRegistry } from '../../adapters/sqlite/sqlite-model-registry.js';
import type { HeadMetrics } from '../../ports/model-registry.js';
import { openStores } from '../open-stores.js';
import { say, type Command } from './command.js';

/** Categorical vocabularies, so explanations print "fiber" rather than a code. */
export { FEATURE_VOCABULARIES } from '../../app/features/fallout-features.js';

function readHistory(path: string): HistoryRecord[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map(parseHistoryLine);
}

function line(name: string, m: HeadMetrics): string {
  const f = (x: number): string => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
  return `  ${name.padEnd(10)} auc ${f(m.auc)}  pr-auc ${f(m.prAuc)}  p@5% ${f(m.precisionAt5)}  r@5% ${f(m.recallAt5)}  p@10% ${f(m.precisionAt10)}  r@10% ${f(m.recallAt10)}  brier ${f(m.brier)}  ece ${f(m.ece)}  prev ${f(m.prevalence)}`;
}

function withRegistry<T>(dataDir: string, fn: (db: Database) => T): T {
  const db = openSqliteDatabase({ path: join(dataDir, 'provisio.db') });
  try {
    return fn(db);
  } finally {
    closeSqliteDatabase(db);
  }
}

function train(dataDir: string, historyPath: string, json: boolean): number {
  const records = readHistory(historyPath);
  const now = new Date().toISOString();
  const started = Date.now();
  const candidate = trainFalloutModel(records, { version: `fallout-${now.replace(/[-:.]/g, '').slice(0, 15)}`, trainedAt: now });
  const trainMs = Date.now() - started;
  const sorted = [...records].sort((a, b) => a.order.createdAt.localeCompare(b.order.createdAt));
  const recent = sorted.slice(timeSplit(sorted.length).test[0]);
  return withRegistry(dataDir, (db) => {
    const registry = sqliteModelRegistry(db);
    const decision = decidePromotion(candidate, registry.active(), recent);
    registry.save(candidate);
    if (decision.promote) registry.promote(candidate.version);
    if (json) process.stdout.write(`${JSON.stringify({ version: candidate.version, trainMs, rows: records.length, rowCounts: candidate.rowCounts, metrics: candidate.metrics, operatingPoint: candidate.operatingPoint, promotion: decision })}\n`);
    else {
      say(`trained ${candidate.version} on ${records.length} orders in ${(trainMs / 1000).toFixed(1)} s (test slice ${candidate.testWindow.from} .. ${candidate.testWindow.to}) [synthetic]`);
      for (const [name, m] of Object.entries(candidate.metrics)) say(line(name, m));
      say(`${decision.promote ? 'promoted' : 'not promoted'}: ${decision.reason}`);
    }
    return 0;
  });
}

function evaluate(dataDir: string, json: boolean): number {
  return withRegistry(dataDir, (db) => {
    const versions = sqliteModelRegistry(db).list();
    if (json) process.stdout.write(`${JSON.stringify(versions.map(({ params: _p, features: _f, ...v }) => v))}\n`);
    else for (const v of versions) {
      say(`${v.version} ${v.status} trained ${v.trainedAt}, window ${v.trainingWindow.from} .. ${v.trainingWindow.to}`);
      for (const [name, m] of Object.entries(v.metrics)) say(line(name, m));
    }
    return versions.length === 0 ? 1 : 0;
  });
}

async function explain(dataDir: string, orderId: string, json: boolean): Promise<number> {
  const stores = await openStores({ dataDir, synchronous: 'NORMAL' });
  const order = await stores.orders.getOrder(orderId).finally(() => stores.close());
  if (!order) {
    say(`no order ${orderId}`);
    return 1;
  }
  return withRegistry(dataDir, (db) => {
    const predictor = gbdtFalloutPredictor({ registry: sqliteModelRegistry(db), extract: extractFalloutFeatures, featureNames: FALLOUT_FEATURES.map((f) => f.name), vocabularies: FEATURE_VOCABULARIES, topFactors: 8 });
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
  summary: 'train the fallout model on order history, list versions and metrics, explain an order',
  usage: 'provisio model train --history history.jsonl [--json] | model evaluate [--json] | model explain <orderId> [--json]   (all take --data-dir ./data)',
  async run(argv) {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { history: { type: 'string' }, json: { type: 'boolean' }, 'data-dir': { type: 'string' } } });
    const dataDir = resolve(values['data-dir'] ?? process.env.PROVISIO_DATA_DIR ?? 'data');
    const json = values.json === true;
    switch (positionals[0] ?? '') {
      case 'train':
        if (values.history === undefined) break;
        return train(dataDir, values.history, json);
      case 'evaluate':
        return evaluate(dataDir, json);
      case 'explain':
        if (positionals[1] === undefined) break;
        return explain(dataDir, positionals[1], json);
      default:
        break;
    }
    say(`usage: ${this.usage}`);
    return 2;
  },
};
