// Shared phrase matching over normalised tokens: greedy longest-match of multi-word phrases, negation scope,
// intensifier / diminisher lookup. Used by sentiment.ts and themes.ts so both explain matches the same way.

import type {NormToken} from "./normalize.js";
import {NEGATION_WORDS, STOPWORDS} from "./stopwords.js";

export interface PhraseEntry {
  /** Normalised phrase, words separated by single spaces ("antes do prazo"). */
  term: string;
}

export interface PhraseIndex<E extends PhraseEntry> {
  /** Entries by their first word, longest phrase first. */
  readonly byFirst: ReadonlyMap<string, readonly {entry: E; words: readonly string[]}[]>;
}

export function buildPhraseIndex<E extends PhraseEntry>(entries: readonly E[]): PhraseIndex<E> {
  const byFirst = new Map<string, {entry: E; words: string[]}[]>();
  for (const entry of entries) {
    const words = entry.term.split(" ").filter(Boolean);
    if (!words.length) continue;
    const list = byFirst.get(words[0]!) ?? [];
    list.push({entry, words});
    byFirst.set(words[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return {byFirst};
}

export interface PhraseMatch<E extends PhraseEntry> {
  entry: E;
  /** Token range [from, to). */
  from: number;
  to: number;
}

/**
 * Non-overlapping phrase matches covering as many tokens as possible (ties: fewer, longer phrases; then the earlier
 * start), by dynamic programming over token positions, so "chegou antes do prazo" reads as "chegou" + "antes do
 * prazo" even if a lexicon also had "chegou antes". A phrase never spans a punctuation break.
 */
export function matchPhrases<E extends PhraseEntry>(
  tokens: readonly NormToken[],
  index: PhraseIndex<E>
): PhraseMatch<E>[] {
  const n = tokens.length;
  // candidates[i]: phrases that match at token i
  const candidates: {entry: E; len: number}[][] = [];
  for (let i = 0; i < n; i++) {
    const here: {entry: E; len: number}[] = [];
    for (const {entry, words} of index.byFirst.get(tokens[i]!.word) ?? []) {
      if (i + words.length > n) continue;
      let ok = true;
      for (let k = 1; k < words.length && ok; k++) {
        const t = tokens[i + k]!;
        ok = t.word === words[k] && t.breakBefore === "none";
      }
      if (ok && !here.some((h) => h.len === words.length)) here.push({entry, len: words.length});
    }
    candidates.push(here);
  }
  // best[i] = [covered tokens, −matches] achievable from i; choice[i] = phrase length taken at i (0 = skip)
  const covered = new Array<number>(n + 1).fill(0);
  const count = new Array<number>(n + 1).fill(0);
  const choice = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    covered[i] = covered[i + 1]!;
    count[i] = count[i + 1]!;
    for (const {len} of candidates[i]!) {
      const c = len + covered[i + len]!;
      const m = 1 + count[i + len]!;
      if (c > covered[i]! || (c === covered[i]! && (m < count[i]! || (m === count[i]! && choice[i] === 0)))) {
        covered[i] = c;
        count[i] = m;
        choice[i] = len;
      }
    }
  }
  const out: PhraseMatch<E>[] = [];
  for (let i = 0; i < n;) {
    const len = choice[i]!;
    if (len) {
      out.push({entry: candidates[i]!.find((c) => c.len === len)!.entry, from: i, to: i + len});
      i += len;
    } else i++;
  }
  return out;
}

/** Words that turn the following 1–3 content words negative (or a negative one mildly positive). */
export const NEGATORS: ReadonlySet<string> = NEGATION_WORDS;

/** Contrast conjunctions: the clause after them outweighs the clause before. */
export const CONTRASTS: ReadonlySet<string> = new Set(["mas", "porem", "entretanto", "contudo", "todavia"]);
/** Two-word contrast markers ("no entanto", colloquial "só que"). */
export const CONTRAST_PHRASES: readonly (readonly [string, string])[] = [
  ["no", "entanto"],
  ["so", "que"]
];

/** Pre-posed intensifiers ("muito bom", "super rapido", "bem antes do prazo") with their multiplier. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ["muito", 1.5],
  ["muita", 1.5],
  ["muitissimo", 1.8],
  ["super", 1.6],
  ["mega", 1.6],
  ["ultra", 1.6],
  ["hiper", 1.6],
  ["bem", 1.4],
  ["extremamente", 1.8],
  ["bastante", 1.4],
  ["totalmente", 1.5],
  ["completamente", 1.5],
  ["tao", 1.4],
  ["realmente", 1.3],
  ["altamente", 1.6],
  ["absolutamente", 1.6],
  ["demais", 1.5],
  ["sumamente", 1.6],
  ["otimamente", 1.5],
  ["incrivelmente", 1.6],
  ["simplesmente", 1.2]
]);
/** Post-posed intensifiers ("gostei muito", "demorou demais"). */
export const POST_INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ["muito", 1.5],
  ["demais", 1.5],
  ["bastante", 1.4],
  ["mesmo", 1.2]
]);
/** Diminishers ("meio demorado", "um pouco pequeno"). */
export const DIMINISHERS: ReadonlyMap<string, number> = new Map([
  ["pouco", 0.5],
  ["meio", 0.6],
  ["levemente", 0.6],
  ["ligeiramente", 0.6],
  ["razoavelmente", 0.6],
  ["relativamente", 0.7],
  ["quase", 0.6],
  ["meia", 0.6]
]);

const isModifier = (w: string) => INTENSIFIERS.has(w) || DIMINISHERS.has(w);

/** For each token: index of the contrast marker at it (its first word), else -1 — and for the second word of a two-word marker. */
export function contrastPositions(tokens: readonly NormToken[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.word;
    const next = tokens[i + 1];
    const nextJoined = next && next.breakBefore === "none" ? next.word : undefined;
    if (CONTRASTS.has(w)) {
      if (w === "mas" && nextJoined === "tambem") continue; // "não só … mas também"
      out.push(i);
    } else if (CONTRAST_PHRASES.some(([a, b]) => a === w && b === nextJoined)) {
      out.push(i);
      i++;
    }
  }
  return out;
}

/**
 * Negation scope: `negatedBy[i]` is the index of the negator whose scope covers token i, or -1. A negator that is
 * not part of a matched phrase covers the next tokens up to 3 content words (stop words and modifiers do not count)
 * and at most 5 tokens, stopping at a punctuation break, a contrast marker or another negator. "nao so"/"nao apenas"
 * is not a negation.
 */
export function negationScope(
  tokens: readonly NormToken[],
  consumed: readonly boolean[],
  contrasts: readonly number[]
): number[] {
  const negatedBy = new Array<number>(tokens.length).fill(-1);
  const contrastSet = new Set(contrasts);
  for (let p = 0; p < tokens.length; p++) {
    if (consumed[p] || !NEGATORS.has(tokens[p]!.word)) continue;
    const next = tokens[p + 1];
    if (next && ["so", "apenas", "somente"].includes(next.word)) continue;
    let content = 0;
    for (let q = p + 1; q < tokens.length && q - p <= 5; q++) {
      const t = tokens[q]!;
      if (t.breakBefore !== "none" || contrastSet.has(q) || (NEGATORS.has(t.word) && !consumed[q])) break;
      negatedBy[q] = p;
      if (!STOPWORDS.has(t.word) && !isModifier(t.word)) content++;
      if (content >= 3) break;
    }
  }
  return negatedBy;
}

/** Pre-posed modifier (intensifier or diminisher) directly before token `from` (one intervening modifier allowed). */
export function preModifier(
  tokens: readonly NormToken[],
  from: number,
  consumed: readonly boolean[]
): {word: string; factor: number; index: number} | undefined {
  for (let k = from - 1; k >= Math.max(0, from - 2); k--) {
    if (tokens[k + 1]!.breakBefore !== "none" || consumed[k]) return undefined;
    const w = tokens[k]!.word;
    const f = INTENSIFIERS.get(w) ?? DIMINISHERS.get(w);
    if (f !== undefined) return {word: w, factor: f, index: k};
    if (k === from - 1 && w !== "um" && w !== "mais") return undefined; // "um pouco X", "muito mais X"
  }
  return undefined;
}
