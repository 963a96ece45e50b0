// recommendation-metrics.json: every candidate trained on the baskets up to the cutoff T and measured on the
// next basket of each person who bought again in (T, L], at product and at category level.
import {evaluateCandidates} from "../../lib/recs/evaluate.js";
import {CANDIDATE_INFO, CANDIDATES, DEFAULT_PARAMS} from "../../lib/recs/recommender.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {loadPurchases} from "./purchases.js";
import {addDays} from "../churn/window.js";
import {dateOfDay, dayNumber, recsWindow} from "./window.js";

/** The hit rate the seed document claimed for its recommender, without saying how it was measured. */
export const SEED_CLAIMED_HIT_RATE = 0.28;

const round = (v: number) => (Number.isFinite(v) ? Number(v.toFixed(6)) : null);

export async function recommendationMetrics(warehouse: Warehouse) {
  const started = performance.now();
  const window = await recsWindow(warehouse);
  const purchases = await loadPurchases(warehouse, window.lastReliableDate);
  const loaded = performance.now();
  const ev = evaluateCandidates(
    purchases.baskets,
    purchases.catalog,
    dayNumber(window.cutoff),
    dayNumber(window.lastReliableDate),
    DEFAULT_PARAMS
  );
  return {
    data_source: warehouse.source.name,
    analysis_date: window.analysisDate,
    last_reliable_date: window.lastReliableDate,
    cutoff: window.cutoff,
    test_days: window.testDays,
    training: {
      from: window.firstPurchase,
      to: window.cutoff,
      last_purchase: ev.training.lastDay === null ? null : dateOfDay(ev.training.lastDay),
      orders: ev.training.baskets,
      people: ev.training.people,
      products: ev.rows.find((r) => r.level === "product")?.catalog_items ?? 0,
      categories: ev.rows.find((r) => r.level === "category")?.catalog_items ?? 0
    },
    test: {from: addDays(window.cutoff, 1), to: window.lastReliableDate, ...ev.test},
    repeat_rates: {product: round(ev.repeat_rates.product), category: round(ev.repeat_rates.category)},
    params: DEFAULT_PARAMS,
    candidates: CANDIDATES.map((id) => ({id, ...CANDIDATE_INFO[id]})),
    results: ev.rows.map((r) => ({
      ...r,
      hit_at_5: round(r.hit_at_5),
      hit_at_10: round(r.hit_at_10),
      hit_at_10_low: round(r.hit_at_10_low),
      hit_at_10_high: round(r.hit_at_10_high),
      recall_at_10: round(r.recall_at_10),
      ndcg_at_10: round(r.ndcg_at_10),
      catalog_coverage: round(r.catalog_coverage)
    })),
    seed_claimed_hit_rate: SEED_CLAIMED_HIT_RATE,
    timings: {
      load: Number(((loaded - started) / 1000).toFixed(2)),
      train_and_evaluate: Number(((performance.now() - loaded) / 1000).toFixed(2))
    }
  };
}
