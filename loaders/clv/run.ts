// Customer lifetime value for the CLV page: BG/NBD, MBG/NBD and Pareto/NBD fitted on the same calibration/holdout
// split and on all the data, the default chosen by a stated rule, Gamma-Gamma for spend, diagnostics, and every
// person's P(alive), expected purchases and CLV with intervals, streamed to a Parquet file and a lookup pack.
// The run is cached under OLIST_CACHE_DIR/clv/, keyed by the warehouse, the code (its import closure and queries)
// and the analysis date; the three loaders (clv.json, clv-customers.parquet, clv-lookup.pack) share it.
import {createHash} from "node:crypto";
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {discountedTotal, type ParameterSet} from "../../lib/clv/forecast.js";
import {populationMeanSpend} from "../../lib/clv/gammagamma.js";
import {PURCHASE_MODELS} from "../../lib/clv/models.js";
import {drawParameters, intervalOf} from "../../lib/clv/uncertainty.js";
import type {ClvReport, ModelReport} from "../../lib/contracts/clv.js";
import {dateOfDay, dayNumber, ratio, round, roundSignificant} from "../../lib/num.js";
import {rng} from "../../lib/random.js";
import {cacheDir} from "../config.js";
import {codeKey} from "../dev/graph.js";
import {buildOnce} from "../lock.js";
import {progress} from "../progress.js";
import {sql} from "../sql.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {aggregates} from "./aggregates.js";
import {
  matrices,
  matrixGrid,
  periodActual,
  periodExpected,
  trackingActual,
  trackingModel,
  weekStarts
} from "./diagnostics.js";
import {chooseModel, CHOICE_RULE, fitPurchaseModels, fitSpend, fitSummary, loadPurchases, triplesAt} from "./fits.js";
import {scorePeople} from "./people.js";
import {CLV_SETTINGS} from "./settings.js";
import {choiceSentence, spendSentence, summarySentence} from "./sentences.js";

export const CLV_DEFINITIONS = {
  purchase:
    "a day with at least one order that is not canceled or unavailable; its value is the payments of those orders",
  x: "repeat purchases: purchase days after the first",
  t_x: "weeks from the first to the last purchase day (0 when x = 0)",
  T: "weeks from the first purchase day to the end of the period",
  m_x: "mean value of the repeat purchases (the first purchase is left out)",
  p_alive: "the probability that the person still buys (has not dropped out), given x, t_x and T",
  historical_clv: "revenue to date: payments of all valid orders up to the analysis date",
  predictive_clv:
    "expected purchases in each of the next months (the chosen purchase model) × expected spend per purchase (Gamma-Gamma), each month discounted at the monthly rate, as revenue (no margin)",
  interval:
    "the 5th to 95th percentile of the figure over 100 draws of the parameters from their estimated covariance (parameter uncertainty only, not the person's own randomness)"
};

export interface ClvRun {
  report: ClvReport;
  customersFile: string;
  lookupFile: string;
}

const seconds = (from: number) => round((performance.now() - from) / 1000, 2);

export async function computeClv(warehouse: Warehouse, dir: string): Promise<ClvReport> {
  const step = progress("clv");
  const timings: Record<string, number> = {};
  let started = performance.now();
  const analysis_date = await warehouse.analysisDate();
  const end = dayNumber(analysis_date);
  const calibrationEnd = end - CLV_SETTINGS.holdoutWeeks * 7;
  await loadPurchases(warehouse, analysis_date);
  const [range] = await warehouse.query<{first_day: number; people: number; repeaters: number; max_x: number}>(
    sql("clv/range")
  );
  const calibration = await triplesAt(warehouse, calibrationEnd, end);
  const full = await triplesAt(warehouse, end, end);
  timings.summaries = seconds(started);
  step("triples (x, t_x, T) by GROUP BY", calibration.length + full.length);

  started = performance.now();
  const fits = fitPurchaseModels(calibration, full, timings);
  const {chosen, ranking} = chooseModel(fits);
  const spend = await fitSpend(warehouse);
  timings.gamma_gamma = seconds(started) - fits.reduce((s, f) => s + (timings[f.name] ?? 0), 0);
  step(`three purchase models and Gamma-Gamma fitted; chosen ${chosen.name}`, spend.fit.n);

  started = performance.now();
  const period = periodActual(calibration);
  const tracking = await trackingActual(warehouse, range!.first_day, calibrationEnd, end);
  const grid = matrixGrid(full, range!.max_x);
  const models: ModelReport[] = fits.map((f) => {
    const model = PURCHASE_MODELS[f.name];
    const buckets = f.buckets?.map((b) => ({
      label: b.label,
      n: b.n,
      mean_actual: b.n ? roundSignificant(b.meanActual, 6) : null,
      mean_expected: b.n ? roundSignificant(b.meanExpected, 6) : null,
      sum_actual: b.sumActual,
      sum_expected: round(b.sumExpected, 3)
    }));
    return {
      name: f.name,
      label: model.label,
      param_names: [...model.paramNames],
      describe: model.describe,
      calibration: f.calibration && fitSummary(f.calibration),
      full: f.full && fitSummary(f.full),
      error: f.error,
      holdout: buckets
        ? {
            buckets,
            total_expected: round(
              f.buckets!.reduce((s, b) => s + b.sumExpected, 0),
              3
            ),
            error: roundSignificant(f.holdoutError, 6)
          }
        : null,
      period_transactions: f.calibration && periodExpected(model, f.calibration.params, period.ages),
      tracking_cumulative: f.calibration && trackingModel(model, f.calibration.params, tracking, end),
      ...(f.full ? matrices(model, f.full.params, grid) : {p_alive_matrix: null, expected_matrix: null})
    };
  });
  timings.diagnostics = seconds(started);
  step("diagnostics", tracking.weeks);

  // Per person: the chosen model's all-data fit and Gamma-Gamma, with paired parameter draws.
  started = performance.now();
  const model = PURCHASE_MODELS[chosen.name];
  const fit = chosen.full!;
  const random = rng(`clv-draws-${chosen.name}`);
  const purchaseDraws = drawParameters(model.paramNames, fit.params, fit.logCovariance, CLV_SETTINGS.draws, random);
  const spendDraws = drawParameters(
    ["p", "q", "v"],
    spend.fit.params,
    spend.fit.logCovariance,
    CLV_SETTINGS.draws,
    random.fork("spend")
  ) as {p: number; q: number; v: number}[] | null;
  const haveDraws = purchaseDraws !== null && spendDraws !== null;
  // Scored with the parameters exactly as clv.json publishes them, so that the page's lookup recomputes a person's
  // figures bit for bit (src/clv.md).
  const published = {
    purchase: fitSummary(fit).params,
    spend: fitSummary(spend.fit).params as {p: number; q: number; v: number},
    purchaseDraws: haveDraws ? purchaseDraws.map(roundDraw) : [],
    spendDraws: haveDraws ? (spendDraws.map(roundDraw) as {p: number; q: number; v: number}[]) : []
  };
  const sets: ParameterSet[] = [
    {purchase: published.purchase, spend: published.spend},
    ...published.purchaseDraws.map((purchase, i) => ({purchase, spend: published.spendDraws[i]!}))
  ];
  const customersFile = join(dir, "customers.parquet");
  const lookupFile = join(dir, "lookup.pack");
  const people = await scorePeople(warehouse, model, sets, end, {customersFile, lookupFile});
  timings.people = seconds(started);
  step("per-person forecasts to Parquet and the lookup pack", people.customers);

  started = performance.now();
  const agg = await aggregates(warehouse, customersFile);
  timings.aggregates = seconds(started);
  const {totals} = people;
  const totalOf = (revenue: number[]) =>
    discountedTotal(revenue, CLV_SETTINGS.horizonMonths, CLV_SETTINGS.monthlyDiscountRate);
  const predictive = intervalOf(Float64Array.from(totals.revenueByMonth, totalOf));
  const historicalTotal = agg.bySegment.reduce((s, g) => s + g.historical_total, 0);
  const checks = spend.checks;
  const fitted = checks.reduce((s, c) => s + c.people, 0);
  const correlation = checks[0]?.correlation ?? null;
  const observedMean = checks.reduce((s, c) => s + c.people * (c.mean_mx ?? 0), 0);
  const summary = {
    people: range!.people,
    repeaters: range!.repeaters,
    repeat_share: ratio(range!.repeaters, range!.people),
    historical_total: round(historicalTotal, 2),
    historical_mean: range!.people ? round(historicalTotal / range!.people, 2) : null,
    expected_purchases_12m: round(totals.purchasesByMonth[0]![11]!, 2),
    predictive_total: round(predictive.value, 2),
    predictive_total_lo: predictive.lo === null ? null : round(predictive.lo, 2),
    predictive_total_hi: predictive.hi === null ? null : round(predictive.hi, 2),
    predictive_mean: range!.people ? round(predictive.value / range!.people, 2) : null,
    p_alive_mean: range!.people ? roundSignificant(totals.expectedAlive[0]! / range!.people, 6) : null
  };
  const populationMean = populationMeanSpend(spend.fit.params);
  const report: ClvReport = {
    data_source: warehouse.source.name,
    analysis_date,
    currency: "BRL",
    time_unit: "week",
    unit_days: CLV_SETTINGS.unitDays,
    month_weeks: CLV_SETTINGS.monthWeeks,
    definitions: CLV_DEFINITIONS,
    settings: {
      holdout_weeks: CLV_SETTINGS.holdoutWeeks,
      horizon_months: CLV_SETTINGS.horizonMonths,
      monthly_discount_rate: CLV_SETTINGS.monthlyDiscountRate,
      margin: CLV_SETTINGS.margin,
      purchase_months: CLV_SETTINGS.purchaseMonths,
      total_months: CLV_SETTINGS.totalMonths,
      interval_level: CLV_SETTINGS.intervalLevel,
      draws: haveDraws ? CLV_SETTINGS.draws : 0,
      calibration_buckets: CLV_SETTINGS.calibrationBuckets,
      history_purchases: CLV_SETTINGS.historyPurchases,
      top_n: CLV_SETTINGS.topN,
      spend_sample_cap: CLV_SETTINGS.spendSampleCap
    },
    split: {
      calibration_start: dateOfDay(range!.first_day),
      calibration_end: dateOfDay(calibrationEnd),
      holdout_end: analysis_date,
      holdout_weeks: CLV_SETTINGS.holdoutWeeks,
      people: calibration.reduce((s, t) => s + t.count, 0),
      repeaters: calibration.reduce((s, t) => s + (t.x > 0 ? t.count : 0), 0),
      total_actual: calibration.reduce((s, t) => s + t.actual, 0)
    },
    models,
    choice: {
      model: chosen.name,
      label: model.label,
      rule: CHOICE_RULE,
      ranking: ranking.map((f) => ({
        model: f.name,
        holdout_error: roundSignificant(f.holdoutError, 6),
        aic: f.calibration ? fitSummary(f.calibration).aic : null
      })),
      sentence: ""
    },
    period_transactions: {labels: period.labels, actual: period.actual},
    tracking: {
      week_starts: weekStarts(tracking),
      actual_weekly: tracking.actualWeekly,
      calibration_end_week: tracking.calibrationEndWeek
    },
    matrices: grid,
    spend: {
      fit: fitSummary(spend.fit),
      fitted: spend.fit.n,
      repeaters_with_spend: checks[0]?.fitted ?? 0,
      excluded_zero_spend: checks.reduce((s, c) => s + c.zero_spend, 0),
      population_mean_spend: Number.isFinite(populationMean) ? round(populationMean, 2) : null,
      observed_mean_spend: fitted ? round(observedMean / fitted, 2) : null,
      correlation: correlation === null ? null : round(correlation, 4),
      by_frequency: checks.map((c) => ({
        label: c.bucket === CLV_SETTINGS.calibrationBuckets ? `${c.bucket}+` : String(c.bucket),
        people: c.people,
        mean_spend: c.mean_mx === null ? null : round(c.mean_mx, 2)
      })),
      sentence: ""
    },
    draws: {purchase: published.purchaseDraws, spend: published.spendDraws},
    base: {
      revenue_by_month: totals.revenueByMonth[0]!.map((v) => round(v, 2)),
      revenue_by_month_draws: totals.revenueByMonth.slice(1).map((row) => row.map((v) => round(v, 2))),
      purchases_by_month: totals.purchasesByMonth[0]!.map((v) => round(v, 3)),
      expected_alive: round(totals.expectedAlive[0]!, 2)
    },
    summary: {...summary, sentence: ""},
    historical_distribution: agg.historical,
    predictive_distribution: agg.predictive,
    p_alive_histogram: agg.pAliveHistogram,
    expected_purchases_histogram: agg.purchasesHistogram,
    by_segment: agg.bySegment,
    by_state: agg.byState,
    top: agg.top,
    files: {customers: {rows: people.customers}, lookup: people.lookup},
    fit_seconds: timings,
    fingerprint: warehouse.fingerprint
  };
  report.choice.sentence = choiceSentence(report);
  report.spend.sentence = spendSentence(report);
  report.summary.sentence = summarySentence(report);
  await warehouse.query("DROP TABLE IF EXISTS clv_purchases; DROP TABLE IF EXISTS clv_rfm");
  return report;
}

/** Draws to 8 significant digits: enough for the page to recompute a person's interval to the published digits. */
function roundDraw(d: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, roundSignificant(v, 8)]));
}

/** The cached run for this warehouse, code and analysis date; computes it (once, under a lock) if missing. */
export async function clvRun(warehouse: Warehouse): Promise<ClvRun> {
  const analysisDate = await warehouse.analysisDate();
  const key = createHash("sha256")
    .update(warehouse.fingerprint)
    .update(codeKey(["loaders/clv/run.ts"]))
    .update(analysisDate)
    .digest("hex")
    .slice(0, 20);
  const dir = join(cacheDir(), "clv", `run-${key}`);
  const reportFile = join(dir, "report.json");
  await buildOnce(reportFile, async () => {
    const work = `${dir}.tmp-${process.pid}`;
    rmSync(work, {recursive: true, force: true});
    mkdirSync(work, {recursive: true});
    try {
      const report = await computeClv(warehouse, work);
      writeFileSync(join(work, "report.json.tmp"), JSON.stringify(report));
      // the data files first, the report last: report.json is what buildOnce waits for
      mkdirSync(dir, {recursive: true});
      renameSync(join(work, "customers.parquet"), join(dir, "customers.parquet"));
      renameSync(join(work, "lookup.pack"), join(dir, "lookup.pack"));
      renameSync(join(work, "report.json.tmp"), reportFile);
    } finally {
      rmSync(work, {recursive: true, force: true});
    }
  });
  return {
    report: JSON.parse(readFileSync(reportFile, "utf8")) as ClvReport,
    customersFile: join(dir, "customers.parquet"),
    lookupFile: join(dir, "lookup.pack")
  };
}
