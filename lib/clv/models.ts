// The three buy-till-you-die purchase models behind one interface, so that fitting, the holdout comparison,
// diagnostics and per-customer predictions treat them alike: BG/NBD (Fader, Hardie & Lee 2005), MBG/NBD
// (Batislam et al. 2007) and Pareto/NBD (Schmittlein et al. 1987). Each is fitted by maximum likelihood on
// grouped (x, t_x, T) rows (mle.ts).
import {
  bgnbdExpectedIfAlive,
  bgnbdLogLikelihood,
  bgnbdProbabilityOfPurchases,
  bgnbdTotalLogLikelihood,
  expectedPurchases as bgnbdExpectedPurchases,
  fitBgNbd,
  probabilityAlive as bgnbdProbabilityAlive,
  rateStarts,
  validateSummaries,
  type BgNbdParams,
  type BgNbdRow
} from "./bgnbd.js";
import {
  mbgnbdExpectedIfAlive,
  mbgnbdExpectedPurchases,
  mbgnbdLogLikelihood,
  mbgnbdProbabilityAlive,
  mbgnbdProbabilityOfPurchases,
  mbgnbdTotalLogLikelihood
} from "./mbgnbd.js";
import {fitMaximumLikelihood, type MleFit, type MleOptions} from "./mle.js";
import {
  paretoNbdExpectedIfAlive,
  paretoNbdExpectedPurchases,
  paretoNbdLikelihoodOf,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  paretoNbdProbabilityOfPurchases,
  paretoNbdTotalLogLikelihood,
  type ParetoNbdParams
} from "./paretonbd.js";

export const PURCHASE_MODEL_NAMES = ["bgnbd", "mbgnbd", "pareto_nbd"] as const;
export type PurchaseModelName = (typeof PURCHASE_MODEL_NAMES)[number];

/** A model's parameters by name: {r, alpha, a, b} or {r, alpha, s, beta}. */
export type ModelParams = Record<string, number>;

export interface PurchaseModel {
  name: PurchaseModelName;
  label: string;
  paramNames: readonly string[];
  /** One line on what the parameters mean, for the page. */
  describe: Record<string, string>;
  logLikelihood(p: ModelParams, x: number, tx: number, T: number): number;
  totalLogLikelihood(p: ModelParams, rows: readonly BgNbdRow[]): number;
  probabilityAlive(p: ModelParams, x: number, tx: number, T: number): number;
  /** E[Y(t) | alive at T, x, T]: expected purchases in (T, T+t] for a customer known to be alive at T. */
  expectedIfAlive(p: ModelParams, t: number, x: number, T: number): number;
  /** E[X(t)] for a new customer (repeat purchases in the first t after the first purchase). */
  expectedPurchases(p: ModelParams, t: number): number;
  /** P(X(t) = x) for a new customer. */
  probabilityOfPurchases(p: ModelParams, x: number, t: number): number;
  fit(rows: readonly BgNbdRow[], options?: MleOptions<string>): MleFit<string>;
}

/** E[Y(t) | x, t_x, T] = P(alive at T | x, t_x, T) · E[Y(t) | alive at T] for every model. */
export function conditionalExpected(
  model: PurchaseModel,
  p: ModelParams,
  t: number,
  x: number,
  tx: number,
  T: number
): number {
  return t <= 0 ? 0 : model.probabilityAlive(p, x, tx, T) * model.expectedIfAlive(p, t, x, T);
}

const bg = (p: ModelParams) => p as unknown as BgNbdParams;
const pn = (p: ModelParams) => p as unknown as ParetoNbdParams;

const BETA_DESCRIBE = {
  r: "shape of the buying rate λ ~ Gamma(r, α) across people",
  alpha: "scale of the buying rate (weeks); mean rate r/α per week",
  a: "dropout probability after a purchase p ~ Beta(a, b); mean a/(a+b)",
  b: "second shape of the dropout probability"
};

function needRepeats(label: string, rows: readonly BgNbdRow[]): {n: number; sumX: number; sumT: number} {
  validateSummaries(label, rows);
  let n = 0;
  let sumX = 0;
  let sumT = 0;
  for (const {x, T, count = 1} of rows) {
    n += count;
    sumX += count * x;
    sumT += count * T;
  }
  if (!(n > 0)) throw new RangeError(`${label}: no customers to fit`);
  if (!(sumX > 0)) throw new RangeError(`${label}: every customer has x = 0 repeat purchases; nothing to fit`);
  return {n, sumX, sumT};
}

export const PURCHASE_MODELS: Record<PurchaseModelName, PurchaseModel> = {
  bgnbd: {
    name: "bgnbd",
    label: "BG/NBD",
    paramNames: ["r", "alpha", "a", "b"],
    describe: BETA_DESCRIBE,
    logLikelihood: (p, x, tx, T) => bgnbdLogLikelihood(bg(p), x, tx, T),
    totalLogLikelihood: (p, rows) => bgnbdTotalLogLikelihood(bg(p), rows),
    probabilityAlive: (p, x, tx, T) => bgnbdProbabilityAlive(bg(p), x, tx, T),
    expectedIfAlive: (p, t, x, T) => bgnbdExpectedIfAlive(bg(p), t, x, T),
    expectedPurchases: (p, t) => bgnbdExpectedPurchases(bg(p), t),
    probabilityOfPurchases: (p, x, t) => bgnbdProbabilityOfPurchases(bg(p), x, t),
    fit: (rows, options) => fitBgNbd(rows, options as MleOptions<keyof BgNbdParams>) as MleFit<string>
  },
  mbgnbd: {
    name: "mbgnbd",
    label: "MBG/NBD",
    paramNames: ["r", "alpha", "a", "b"],
    describe: {...BETA_DESCRIBE, a: "dropout probability at the first purchase and after each repeat, Beta(a, b)"},
    logLikelihood: (p, x, tx, T) => mbgnbdLogLikelihood(bg(p), x, tx, T),
    totalLogLikelihood: (p, rows) => mbgnbdTotalLogLikelihood(bg(p), rows),
    probabilityAlive: (p, x, tx, T) => mbgnbdProbabilityAlive(bg(p), x, tx, T),
    expectedIfAlive: (p, t, x, T) => mbgnbdExpectedIfAlive(bg(p), t, x, T),
    expectedPurchases: (p, t) => mbgnbdExpectedPurchases(bg(p), t),
    probabilityOfPurchases: (p, x, t) => mbgnbdProbabilityOfPurchases(bg(p), x, t),
    fit(rows, options) {
      const {n} = needRepeats("MBG/NBD", rows);
      return fitMaximumLikelihood(
        ["r", "alpha", "a", "b"],
        (p) => mbgnbdTotalLogLikelihood(p, rows),
        n,
        rateStarts(rows).starts,
        options as MleOptions<keyof BgNbdParams>
      ) as MleFit<string>;
    }
  },
  pareto_nbd: {
    name: "pareto_nbd",
    label: "Pareto/NBD",
    paramNames: ["r", "alpha", "s", "beta"],
    describe: {
      r: "shape of the buying rate λ ~ Gamma(r, α) across people",
      alpha: "scale of the buying rate (weeks); mean rate r/α per week",
      s: "shape of the dropout rate μ ~ Gamma(s, β)",
      beta: "scale of the dropout rate (weeks); mean lifetime β/(s−1) weeks when s > 1"
    },
    logLikelihood: (p, x, tx, T) => paretoNbdLogLikelihood(pn(p), x, tx, T),
    totalLogLikelihood: (p, rows) => paretoNbdTotalLogLikelihood(pn(p), rows),
    probabilityAlive: (p, x, tx, T) => paretoNbdProbabilityAlive(pn(p), x, tx, T),
    expectedIfAlive: (p, t, x, T) => paretoNbdExpectedIfAlive(pn(p), t, x, T),
    expectedPurchases: (p, t) => paretoNbdExpectedPurchases(pn(p), t),
    probabilityOfPurchases: (p, x, t) => paretoNbdProbabilityOfPurchases(pn(p), x, t),
    fit(rows, options) {
      const {n, sumX, sumT} = needRepeats("Pareto/NBD", rows);
      // Starts: r/α at the observed repeat rate; lifetimes of the order of the mean age T.
      const rate = sumX / sumT;
      const age = sumT / n;
      const starts = [
        {r: 1, alpha: 1 / rate, s: 1, beta: age},
        {r: 0.25, alpha: 0.25 / rate, s: 0.5, beta: age / 2},
        {r: 3, alpha: 3 / rate, s: 2, beta: 2 * age}
      ];
      return fitMaximumLikelihood(
        ["r", "alpha", "s", "beta"],
        paretoNbdLikelihoodOf(rows),
        n,
        starts,
        options as MleOptions<keyof ParetoNbdParams>
      ) as MleFit<string>;
    }
  }
};
