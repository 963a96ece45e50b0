// Explainable lexicon sentiment for Brazilian Portuguese e-commerce reviews.
//
// score = s / sqrt(s² + 4), where s is the sum of the matched terms' effective weights, so score ∈ (−1, 1) and
// 0 means no cue. Each match's effective weight = lexicon weight
//   × negation  (a negator up to 3 content words before: positive × −0.75, negative × −0.5 — "nao e ruim" is only
//                mildly positive),
//   × modifier  (pre-posed intensifier "muito/super/bem/…" ×1.3–1.8, post-posed "gostei muito/demais", diminisher
//                "pouco/meio" ×0.5–0.7),
//   × contrast  (before "mas/porem/…" ×0.5, after ×1.5, within the sentence; a sentence that starts with the
//                contrast word discounts the previous sentence).
// Every factor is reported on the match so an analyst can see why a review scored as it did.

import {round} from "../num.js";
import {LEXICON, type LexiconCategory, type LexiconEntry} from "./lexicon.js";
import {
  buildPhraseIndex,
  contrastPositions,
  INTENSIFIERS,
  matchPhrases,
  negationScope,
  POST_INTENSIFIERS,
  preModifier
} from "./match.js";
import {normalizeTokens, type NormToken} from "./normalize.js";

export interface SentimentMatch {
  /** Lexicon phrase that matched (normalised). */
  term: string;
  /** The words as written in the review (slice of the input between `start` and `end`). */
  text: string;
  category: LexiconCategory;
  /** Lexicon weight before context. */
  baseWeight: number;
  /** Effective contribution to the review's sum after negation, modifiers and contrast. */
  weight: number;
  negated: boolean;
  /** The negator word, when negated. */
  negator?: string;
  intensified: boolean;
  diminished: boolean;
  /** The modifier word ("muito", "pouco", …), when intensified or diminished. */
  modifier?: string;
  /** Position relative to a contrast conjunction ("before" is discounted, "after" is weighted up). */
  contrast?: "before" | "after";
  /** Character offsets in the input text. */
  start: number;
  end: number;
}

export interface SentimentResult {
  /** In (−1, 1); 0 = no sentiment cue found. */
  score: number;
  /** Sum of the matches' effective weights (unbounded). */
  raw: number;
  matches: SentimentMatch[];
  /** Normalised tokens of the text. */
  tokens: string[];
}

export interface SentimentOptions {
  /** Replace the built-in lexicon. */
  lexicon?: readonly LexiconEntry[];
  /** Normalisation constant α in s / sqrt(s² + α). Default 4. */
  alpha?: number;
}

export const NEGATED_POSITIVE_FACTOR = -0.75;
export const NEGATED_NEGATIVE_FACTOR = -0.5;
export const CONTRAST_BEFORE_FACTOR = 0.5;
export const CONTRAST_AFTER_FACTOR = 1.5;

const defaultIndex = buildPhraseIndex(LEXICON);
const indexCache = new WeakMap<readonly LexiconEntry[], ReturnType<typeof buildPhraseIndex<LexiconEntry>>>();

function indexFor(lexicon: readonly LexiconEntry[] | undefined) {
  if (!lexicon) return defaultIndex;
  let index = indexCache.get(lexicon);
  if (!index) indexCache.set(lexicon, (index = buildPhraseIndex(lexicon)));
  return index;
}

/** Sentence number of each token. */
function sentenceIds(tokens: readonly NormToken[]): number[] {
  let s = 0;
  return tokens.map((t, i) => (i > 0 && t.breakBefore === "sentence" ? ++s : s));
}

export function scoreReview(text: string | null | undefined, options: SentimentOptions = {}): SentimentResult {
  const source = text ?? "";
  const index = indexFor(options.lexicon);
  const original = normalizeTokens(source);
  const words = original.map((t) => t.word);
  // absolute superlatives ("rapidissimo", "lindissima") match their base word, intensified
  const superlative = new Set<number>();
  const tokens = original.map((t, i) => {
    const base = superlativeBase(t.word, index);
    if (base === undefined) return t;
    superlative.add(i);
    return {...t, word: base};
  });
  let found = matchPhrases(tokens, index);

  // "bem" is a positive word ("chegou bem") unless it modifies the next match ("bem rapido", "bem antes do prazo").
  const startsMatch = new Set(found.map((m) => m.from));
  found = found.filter(
    (m) =>
      !(
        m.to - m.from === 1 &&
        INTENSIFIERS.has(words[m.from]!) &&
        startsMatch.has(m.to) &&
        tokens[m.to]!.breakBefore === "none"
      )
  );

  const consumed = new Array<boolean>(tokens.length).fill(false);
  for (const m of found) for (let k = m.from; k < m.to; k++) consumed[k] = true;
  const contrasts = contrastPositions(tokens);
  const negatedBy = negationScope(tokens, consumed, contrasts);
  const sentence = sentenceIds(tokens);
  const matchStarts = new Set(found.map((m) => m.from));
  const usedModifier = new Set<number>();

  const matches: SentimentMatch[] = found.map((m) => {
    const base = m.entry.weight;
    let weight = base;
    // negation (a phrase that already contains its negator, like "nao recomendo", is not negated again)
    const negIndex = negatedBy[m.from]!;
    const negated = negIndex >= 0;
    if (negated) weight *= base > 0 ? NEGATED_POSITIVE_FACTOR : NEGATED_NEGATIVE_FACTOR;
    // modifiers: pre-posed first, else a post-posed intensifier that does not introduce the next match
    let modifier: string | undefined;
    let factor = 1;
    const pre = preModifier(tokens, m.from, consumed);
    if (superlative.has(m.from) && m.to - m.from === 1) {
      modifier = "-issimo";
      factor = SUPERLATIVE_FACTOR;
    } else if (pre) {
      modifier = pre.word;
      factor = pre.factor;
      usedModifier.add(pre.index);
    } else {
      const after = tokens[m.to];
      const post =
        after && after.breakBefore === "none" && !consumed[m.to] ? POST_INTENSIFIERS.get(after.word) : undefined;
      const introducesNext = matchStarts.has(m.to + 1) && tokens[m.to + 1]!.breakBefore === "none";
      if (post !== undefined && !introducesNext && !usedModifier.has(m.to)) {
        modifier = after!.word;
        factor = post;
        usedModifier.add(m.to);
      }
    }
    weight *= factor;
    // contrast
    let contrast: "before" | "after" | undefined;
    for (const c of contrasts) {
      const cs = sentence[c]!;
      const opensSentence = c === 0 || tokens[c]!.breakBefore === "sentence";
      const ms = sentence[m.from]!;
      if (ms === cs && m.from > c) contrast = "after";
      else if (contrast !== "after" && ((ms === cs && m.from < c) || (opensSentence && ms === cs - 1)))
        contrast = "before";
    }
    if (contrast === "before") weight *= CONTRAST_BEFORE_FACTOR;
    else if (contrast === "after") weight *= CONTRAST_AFTER_FACTOR;

    const start = tokens[m.from]!.start;
    const end = tokens[m.to - 1]!.end;
    const match: SentimentMatch = {
      term: m.entry.term,
      text: source.slice(start, end),
      category: m.entry.category,
      baseWeight: base,
      weight: round(weight, 4),
      negated,
      intensified: factor > 1,
      diminished: factor < 1,
      start,
      end
    };
    if (negated) match.negator = words[negIndex];
    if (modifier !== undefined) match.modifier = modifier;
    if (contrast) match.contrast = contrast;
    return match;
  });

  const raw = matches.reduce((s, m) => s + m.weight, 0);
  const alpha = options.alpha ?? 4;
  return {
    score: raw === 0 ? 0 : round(raw / Math.sqrt(raw * raw + alpha), 4),
    raw: round(raw, 4),
    matches,
    tokens: words
  };
}

/** Coarse label for display. */
export function sentimentLabel(score: number, threshold = 0.15): "positive" | "negative" | "neutral" {
  return score >= threshold ? "positive" : score <= -threshold ? "negative" : "neutral";
}

const SUPERLATIVE_FACTOR = 1.5;

function superlativeBase(word: string, index: ReturnType<typeof indexFor>): string | undefined {
  const m = /^(.{2,}?)(?:ss|qu|c)?issim([oa]s?)$/.exec(word);
  if (!m || index.byFirst.has(word)) return undefined;
  for (const stem of [m[1]!, m[1]! + "c", m[1]! + "qu"]) {
    const base = stem + m[2]!;
    if (index.byFirst.get(base)?.some((e) => e.words.length === 1)) return base;
  }
  return undefined;
}
