// A customer's TreeSHAP values as an analyst reads them: each feature with the customer's value in words and its
// push toward churn (log-odds). The at-risk list (built by loaders/churn/at-risk.ts) and the churn-scoring page's
// lookup show the same contributions, computed by these functions.
import type {Contribution} from "../contracts/churn-at-risk.js";
import {round} from "../num.js";
import {decodeValue, type ChurnEncoder} from "./encode.js";

/** The value of feature `j` as shown: the category's name, a number to 2 decimals, or "missing". */
export function shownValue(encoder: ChurnEncoder, j: number, x: number): string {
  const d = decodeValue(encoder.features[j]!, x);
  return d === null ? "missing" : typeof d === "number" ? String(round(d, 2)) : d;
}

/** Every feature's contribution, in the encoder's order (SHAP unrounded, for charts that add them up). */
export function contributions(encoder: ChurnEncoder, x: ArrayLike<number>, shap: ArrayLike<number>): Contribution[] {
  return encoder.features.map((f, j) => ({feature: f.name, value: shownValue(encoder, j, x[j]!), shap: shap[j]!}));
}

/** The `k` largest |SHAP| contributions, largest first (ties in feature order), SHAP rounded to 4 decimals. */
export function topContributions(
  encoder: ChurnEncoder,
  x: ArrayLike<number>,
  shap: ArrayLike<number>,
  k = 5
): Contribution[] {
  return contributions(encoder, x, shap)
    .map((c, j) => ({c, j}))
    .sort((a, b) => Math.abs(b.c.shap) - Math.abs(a.c.shap) || a.j - b.j)
    .slice(0, k)
    .map(({c}) => ({...c, shap: round(c.shap, 4)}));
}

/** "feature +0.41; feature −0.12; …": contributions in one line, for tables and CSV files. */
export function contributionsText(list: readonly Contribution[]): string {
  return list.map((c) => `${c.feature} ${c.shap >= 0 ? "+" : "−"}${Math.abs(c.shap).toFixed(2)}`).join("; ");
}
