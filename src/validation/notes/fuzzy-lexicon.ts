import { editDistance } from '../string-similarity.js';
import type { NoteToken } from './note-text.js';

/** A phrase to find in notes: words in order; one unrelated word may sit between two of them. */
export type Phrase = readonly string[];

/** A phrase found in a note, with the span it covers. */
export interface PhraseHit {
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A set of phrases matched with typo tolerance. Each note word is first mapped to the lexicon word
 * it most likely is (exact, plural, or within one or two edits by length), then phrases are matched
 * exactly on the mapped words. Mapping is cached per distinct word, which keeps matching cheap.
 */
export class FuzzyLexicon {
  private readonly words: ReadonlySet<string>;
  private readonly byFirst: ReadonlyMap<string, Phrase[]>;
  private readonly cache = new Map<string, string>();

  /** Builds a lexicon from phrases written as space-separated lower-case words. */
  constructor(phrases: readonly string[]) {
    const parsed = phrases.map((p) => p.split(' '));
    this.words = new Set(parsed.flat());
    const byFirst = new Map<string, Phrase[]>();
    for (const p of parsed) {
      const list = byFirst.get(p[0] ?? '') ?? [];
      list.push(p);
      byFirst.set(p[0] ?? '', list);
    }
    this.byFirst = byFirst;
  }

  /** Every phrase occurrence in the tokens, longest phrase first at each position. */
  find(tokens: readonly NoteToken[]): PhraseHit[] {
    const mapped = tokens.map((t) => this.canonical(t.word));
    const hits: PhraseHit[] = [];
    for (let i = 0; i < mapped.length; i++) {
      const candidates = this.byFirst.get(mapped[i] ?? '');
      if (candidates === undefined) continue;
      for (const phrase of candidates) {
        const end = matchAt(mapped, i, phrase);
        if (end >= 0) {
          hits.push({ phrase: phrase.join(' '), start: tokens[i]?.start ?? 0, end: tokens[end]?.end ?? 0 });
          break;
        }
      }
    }
    return hits;
  }

  /** The lexicon word a note word stands for, or the word itself when none is close. */
  canonical(word: string): string {
    if (this.words.has(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const found = this.closestWord(word);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(word, found);
    return found;
  }

  private closestWord(word: string): string {
    if (word.endsWith('s') && this.words.has(word.slice(0, -1))) return word.slice(0, -1);
    if (word.length < 3 || /\d/.test(word)) return word;
    for (const w of this.words) {
      if (w.length < 4 || Math.abs(w.length - word.length) > 2) continue;
      // Short words must keep their first letter: "late" is not "gate".
      if (w.length < 6 && w[0] !== word[0]) continue;
      const allowed = w.length >= 8 && w[0] === word[0] ? 2 : 1;
      if (editDistance(w, word) <= allowed) return w;
    }
    return word;
  }
}

// Returns the index of the last matched token, or -1. Allows one filler word between phrase words.
function matchAt(mapped: readonly string[], i: number, phrase: Phrase): number {
  let pos = i;
  for (let k = 1; k < phrase.length; k++) {
    if (mapped[pos + 1] === phrase[k]) pos += 1;
    else if (mapped[pos + 2] === phrase[k]) pos += 2;
    else return -1;
  }
  return pos;
}
