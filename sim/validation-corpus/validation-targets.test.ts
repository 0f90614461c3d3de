import { describe, expect, it } from 'vitest';
import { loadFileCatalog } from '../../src/adapters/catalog/file-catalog.js';
import { buildValidationCorpus } from './build-corpus.js';
import { corpusContext } from './corpus-context.js';
import { TUNING_SEEDS } from './corpus-seeds.js';
import { DEFECT_KINDS } from './defect-kinds.js';
import { evaluateCorpora } from './evaluate-corpus.js';

// A small tuning corpus (never a holdout seed): a regression in any validator fails here.
const corpus = buildValidationCorpus({ seed: TUNING_SEEDS[0], orders: 500, customers: 1200 });
const result = evaluateCorpora([corpus], (c) => corpusContext(c, loadFileCatalog()));

describe('entry validation on the labelled tuning corpus', () => {
  it('injects every defect kind and keeps clean orders in the majority', () => {
    for (const m of result.perKind) expect(m.support, m.kind).toBeGreaterThan(0);
    expect(result.perKind.map((m) => m.kind)).toEqual(DEFECT_KINDS);
    expect(result.cleanOrders).toBeGreaterThan(result.orders * 0.4);
  });

  it('blocks at least 95% of the defects that must block', () => {
    expect(result.blockingRecall, JSON.stringify(result.missedExamples)).toBeGreaterThanOrEqual(0.95);
  });

  it('blocks at most 1% of clean orders, and no nickname, initial or wireline port without PIN', () => {
    expect(result.falsePositiveRate, JSON.stringify(result.falsePositiveExamples)).toBeLessThanOrEqual(0.01);
    expect(result.variants['nickname-authorised'].blocked + result.variants['initial-authorised'].blocked).toBe(0);
    expect(result.variants['wireline-port-no-pin'].blocked).toBe(0);
  });

  it('finds each address, phone, name and port defect with one of its codes', () => {
    const weak = result.perKind.filter((m) => !m.kind.startsWith('note-') && m.recall < 0.9);
    expect(weak.map((m) => `${m.kind} ${m.recall}`)).toEqual([]);
  });
});
