// Fits the three purchase models on the calibration period and on all the data, from grouped (x, t_x, T) rows that
// DuckDB computes (loaders/sql/clv/triples.sql), compares them on the holdout and chooses the default model by a
// stated rule. Gamma-Gamma is fitted on repeat buyers' (x, m_x) (a stratified sample above the cap).
import {calibrationByFrequency, holdoutError, type CalibrationBucket} from "../../lib/clv/calibration.js";
import {fitGammaGamma, type GammaGammaFit} from "../../lib/clv/gammagamma.js";
import type {MleFit} from "../../lib/clv/mle.js";
import {PURCHASE_MODEL_NAMES, PURCHASE_MODELS, type PurchaseModelName} from "../../lib/clv/models.js";
import type {FitSummary} from "../../lib/contracts/clv.js";
import {round, roundSignificant} from "../../lib/num.js";
import {sql} from "../sql.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {CLV_SETTINGS} from "./settings.js";

/** Loads the CLV purchases (one row per person and day, up to the analysis date) into the temp table clv_purchases. */
export async function loadPurchases(warehouse: Warehouse, analysisDate: string): Promise<void> {
  await warehouse.query(sql("clv/purchases"), {analysis_date: analysisDate});
}

export interface Triple {
  x: number;
  /** Weeks. */
  tx: number;
  T: number;
  count: number;
  /** Repeat purchases of these people in the holdout. */
  actual: number;
}

/** People grouped by (x, t_x, T) at day `end` (T > 0), t_x and T in weeks, with their holdout purchases. */
export async function triplesAt(warehouse: Warehouse, end: number, holdoutEnd: number): Promise<Triple[]> {
  const rows = await warehouse.query<{x: number; tx_days: number; T_days: number; people: number; holdout: number}>(
    sql("clv/triples"),
    {end, holdout_end: holdoutEnd}
  );
  const unit = CLV_SETTINGS.unitDays;
  return rows.map((r) => ({x: r.x, tx: r.tx_days / unit, T: r.T_days / unit, count: r.people, actual: r.holdout}));
}

export interface ModelFits {
  name: PurchaseModelName;
  calibration: MleFit<string> | null;
  full: MleFit<string> | null;
  error: string | null;
  buckets: CalibrationBucket[] | null;
  holdoutError: number;
}

export const CHOICE_RULE =
  "the model with the smallest holdout error (Σ over calibration-frequency groups of |actual − expected| holdout purchases, per person); within 1% of the best, the lower AIC on the calibration period. A model whose fit failed or whose standard errors are not identified is chosen only if no other is left.";

const seSafe = (v: number) => (Number.isFinite(v) ? roundSignificant(v, 6) : null);

export function fitSummary(fit: MleFit<string>): FitSummary {
  const params = Object.fromEntries(Object.entries(fit.params).map(([k, v]) => [k, roundSignificant(v, 8)]));
  const se = Object.fromEntries(Object.entries(fit.se).map(([k, v]) => [k, seSafe(v)]));
  const k = Object.keys(fit.params).length;
  return {
    params,
    se,
    log_likelihood: round(fit.logLikelihood, 4),
    aic: round(2 * k - 2 * fit.logLikelihood, 4),
    n: fit.n,
    converged: fit.converged,
    warnings: fit.warnings
  };
}

/** Fits each model on the calibration and the full triples; a model that cannot be fitted keeps its error. */
export function fitPurchaseModels(
  calibration: readonly Triple[],
  full: readonly Triple[],
  timings: Record<string, number>
): ModelFits[] {
  return PURCHASE_MODEL_NAMES.map((name) => {
    const model = PURCHASE_MODELS[name];
    const started = performance.now();
    try {
      const cal = model.fit(calibration);
      const buckets = calibrationByFrequency(
        model,
        cal.params,
        calibration,
        CLV_SETTINGS.holdoutWeeks,
        CLV_SETTINGS.calibrationBuckets
      );
      const all = model.fit(full);
      return {name, calibration: cal, full: all, error: null, buckets, holdoutError: holdoutError(buckets)};
    } catch (error) {
      return {
        name,
        calibration: null,
        full: null,
        error: String((error as Error).message),
        buckets: null,
        holdoutError: Infinity
      };
    } finally {
      timings[name] = round((performance.now() - started) / 1000, 2);
    }
  });
}

/** CHOICE_RULE applied: usable fits first, then holdout error, ties (within 1%) to the lower AIC. */
export function chooseModel(fits: readonly ModelFits[]): {chosen: ModelFits; ranking: ModelFits[]} {
  const usable = (f: ModelFits) => f.full !== null && f.full.logCovariance !== null && f.calibration !== null;
  const aic = (f: ModelFits) =>
    f.calibration ? 2 * Object.keys(f.calibration.params).length - 2 * f.calibration.logLikelihood : Infinity;
  const ranking = [...fits].sort((p, q) => {
    if (usable(p) !== usable(q)) return usable(p) ? -1 : 1;
    const best = Math.min(p.holdoutError, q.holdoutError);
    if (Math.abs(p.holdoutError - q.holdoutError) > 0.01 * best) return p.holdoutError - q.holdoutError;
    return aic(p) - aic(q);
  });
  const chosen = ranking[0]!;
  if (!chosen.full)
    throw new Error(`CLV: no purchase model could be fitted (${fits.map((f) => `${f.name}: ${f.error}`).join("; ")})`);
  return {chosen, ranking};
}

export interface SpendFit {
  fit: GammaGammaFit;
  checks: {
    bucket: number;
    people: number;
    mean_mx: number | null;
    zero_spend: number;
    correlation: number | null;
    fitted: number;
  }[];
}

export async function fitSpend(warehouse: Warehouse): Promise<SpendFit> {
  const rows = await warehouse.query<{x: number; mx: number}>(sql("clv/spend"), {cap: CLV_SETTINGS.spendSampleCap});
  const checks = await warehouse.query<SpendFit["checks"][number]>(sql("clv/spend-check"), {
    max_bucket: CLV_SETTINGS.calibrationBuckets
  });
  return {fit: fitGammaGamma(rows), checks};
}
