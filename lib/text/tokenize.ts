// Tokens and bigrams from normalised review text.

import {normalizeTokens, type NormToken} from "./normalize.js";
import {STOPWORDS} from "./stopwords.js";

export interface TokenizeOptions {
  /** Drop Portuguese stop words (negations are never dropped). Default false. */
  removeStopwords?: boolean;
  /** Drop tokens shorter than this many letters (after normalisation). Default 1. */
  minLength?: number;
}

/** Normalised word tokens of `text`. */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  return tokenizeDetailed(text, options).map((t) => t.word);
}

/** Like `tokenize` but with offsets into `text` and the punctuation break before each token. */
export function tokenizeDetailed(
  text: string,
  {removeStopwords = false, minLength = 1}: TokenizeOptions = {}
): NormToken[] {
  const out: NormToken[] = [];
  let carry: NormToken["breakBefore"] = "none";
  for (const t of normalizeTokens(text)) {
    const brk: NormToken["breakBefore"] =
      carry === "sentence" || t.breakBefore === "sentence"
        ? "sentence"
        : carry === "clause" || t.breakBefore === "clause"
          ? "clause"
          : "none";
    if (t.word.length < minLength || (removeStopwords && STOPWORDS.has(t.word))) {
      carry = brk;
      continue;
    }
    out.push({...t, breakBefore: out.length ? brk : "none"});
    carry = "none";
  }
  return out;
}

/** Adjacent pairs joined by a space. With detailed tokens, pairs never span a sentence break. */
export function bigrams(tokens: readonly string[] | readonly NormToken[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1]!;
    const b = tokens[i]!;
    if (typeof a === "string" || typeof b === "string") out.push(`${a as string} ${b as string}`);
    else if (b.breakBefore !== "sentence") out.push(`${a.word} ${b.word}`);
  }
  return out;
}

/**
 * Terms for frequency / distinctive-term analysis: content unigrams (stop words removed, ≥ 2 letters) plus, if
 * `withBigrams`, bigrams of consecutive content tokens within a sentence ("antes prazo", "nao recebi").
 */
export function terms(text: string, {withBigrams = true}: {withBigrams?: boolean} = {}): string[] {
  const content = tokenizeDetailed(text, {removeStopwords: true, minLength: 2});
  const unigrams = content.map((t) => t.word);
  return withBigrams ? [...unigrams, ...bigrams(content)] : unigrams;
}
