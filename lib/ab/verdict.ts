// Plain-language one-line verdicts for the page, from a frequentist or a Bayesian result.
// Differences are shown as `scale × value` in `unit` (default: percentage points for conversion rates; pass
// { scale: 1, unit: "R$" } for revenue per user).
import {AbInputError, checkFinite, checkOpenUnit, checkPositive, checkProbability} from "./errors.js";
import type {Interval} from "./types.js";

export interface FrequentistSummary {
  pValue: number;
  alpha: number;
  diff: number;
  /** Interval for the difference: `ciDiff` (z-test) or `ci` (Welch, CUPED). */
  ciDiff?: Interval;
  ci?: Interval;
}

export interface BayesianSummary {
  probBBeatsA: number;
  expectedLossA: number;
  expectedLossB: number;
}

export interface VerdictOptions {
  scale?: number;
  unit?: string;
}

const MINUS = "\u2212";

function signed(v: number): string {
  const s = plain(Math.abs(v));
  return v > 0 ? `+${s}` : v < 0 ? `${MINUS}${s}` : s;
}

function plain(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return "0";
  if (a === Infinity) return "∞";
  const s = a >= 1 ? a.toFixed(1) : String(Number(a.toPrecision(2)));
  return v < 0 ? `${MINUS}${s}` : s;
}

function percent(p: number): string {
  const pct = p * 100;
  if (pct > 99.9) return "more than 99.9%";
  if (pct < 0.1) return "less than 0.1%";
  if (pct > 99 || pct < 1) return `${pct.toFixed(1)}%`;
  return `${Math.round(pct)}%`;
}

function pText(p: number): string {
  return p < 0.001 ? "p < 0.001" : `p = ${Number(p.toPrecision(2))}`;
}

export function verdict(result: FrequentistSummary | BayesianSummary, options: VerdictOptions = {}): string {
  const scale = checkPositive("scale", options.scale ?? 100);
  const unit = options.unit ?? "points";
  if ("probBBeatsA" in result) {
    const p = checkProbability("probBBeatsA", result.probBBeatsA);
    const bWins = p >= 0.5;
    const loss = bWins ? result.expectedLossB : result.expectedLossA;
    checkFinite(bWins ? "expectedLossB" : "expectedLossA", loss);
    const who = bWins ? "B" : "A";
    return `${who} is better with ${percent(bWins ? p : 1 - p)} probability; expected loss of choosing ${who}: ${plain(loss * scale)} ${unit}`;
  }
  if (!("pValue" in result))
    throw new AbInputError("result", "result must have pValue (frequentist) or probBBeatsA (Bayesian)");
  const p = checkProbability("pValue", result.pValue);
  const alpha = checkOpenUnit("alpha", result.alpha);
  const ci = result.ciDiff ?? result.ci;
  if (!ci) throw new AbInputError("ci", "a frequentist result needs its interval (ciDiff or ci)");
  const level = `${Number(((1 - alpha) * 100).toPrecision(3))}%`;
  const interval = `the ${level} interval for the lift is ${signed(ci.lower * scale)} to ${signed(ci.upper * scale)} ${unit}`;
  if (p < alpha) {
    return `B is significantly ${result.diff > 0 ? "better" : "worse"} (${pText(p)}); ${interval}`;
  }
  return `No significant difference (${pText(p)}); ${interval}`;
}
