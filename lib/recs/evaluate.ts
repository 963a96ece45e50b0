// Time-split evaluation: every candidate is trained on the baskets up to the cutoff T only, then asked for the
// top 10 of each person who bought again after T; the truth is what that person's next basket held.
import {splitAtCutoff, type Basket, type TestCase} from "./baskets.js";
import {summarise, type TopKSummary} from "./metrics.js";
import {
  CANDIDATES,
  catalogSize,
  LEVELS,
  recommend,
  trainRecommender,
  type Candidate,
  type Catalog,
  type Level,
  type Recommender,
  type RecommenderParams
} from "./recommender.js";

export const SEGMENTS = ["all", "one order", "several orders"] as const;
export type Segment = (typeof SEGMENTS)[number];

export interface EvaluationRow extends TopKSummary {
  candidate: Candidate;
  level: Level;
  /** Which test people: everyone, those with one order before T, or those with more. */
  segment: Segment;
  catalog_items: number;
}

export interface Evaluation {
  cutoffDay: number;
  lastDay: number;
  training: {baskets: number; people: number; lastDay: number | null};
  test: {people: number; one_order: number; several_orders: number; uncategorised_next: number};
  /** Share of test people whose next basket repeats an item they had bought before T. */
  repeat_rates: Record<Level, number>;
  rows: EvaluationRow[];
  /** The lists each candidate gave each test person (by level), for inspection and tests. */
  lists: Map<Candidate, Record<Level, number[][]>>;
  model: Recommender;
  cases: TestCase[];
}

const nextItems = (c: TestCase, level: Level) => new Set(level === "product" ? c.next.products : c.next.categories);
const boughtBefore = (c: TestCase, level: Level) =>
  new Set(c.history.baskets.flatMap((b) => (level === "product" ? b.products : b.categories)));

export function evaluateCandidates(
  baskets: readonly Basket[],
  catalog: Catalog,
  cutoffDay: number,
  lastDay: number,
  params: RecommenderParams
): Evaluation {
  const split = splitAtCutoff(baskets, cutoffDay, lastDay);
  const recent = {fromDay: cutoffDay - 7 * params.recentWeeks + 1, toDay: cutoffDay};
  const model = trainRecommender(split.training, catalog, recent, params);
  const cases = split.test;
  const segmentOf = (c: TestCase): Segment => (c.history.baskets.length > 1 ? "several orders" : "one order");
  const lists = new Map<Candidate, Record<Level, number[][]>>();
  const rows: EvaluationRow[] = [];
  for (const candidate of CANDIDATES) {
    const byLevel = {} as Record<Level, number[][]>;
    for (const level of LEVELS) {
      const ranked = cases.map((c) => recommend(model, candidate, level, c.history).map((r) => r.item));
      byLevel[level] = ranked;
      const size = catalogSize(model, level);
      for (const segment of SEGMENTS) {
        // The latent-factor model only serves people with more than one order.
        if (candidate === "latent" && segment !== "several orders") continue;
        const chosen = cases
          .map((c, i) => ({c, ranked: ranked[i]!, bought: nextItems(c, level)}))
          .filter(({c, bought}) => bought.size > 0 && (segment === "all" || segmentOf(c) === segment));
        rows.push({candidate, level, segment, catalog_items: size, ...summarise(chosen, size)});
      }
    }
    lists.set(candidate, byLevel);
  }
  const repeatRate = (level: Level) => {
    const withItems = cases.filter((c) => nextItems(c, level).size > 0);
    const repeats = withItems.filter((c) => [...nextItems(c, level)].some((i) => boughtBefore(c, level).has(i)));
    return withItems.length ? repeats.length / withItems.length : NaN;
  };
  return {
    cutoffDay,
    lastDay,
    training: {
      baskets: split.training.length,
      people: new Set(split.training.map((b) => b.person)).size,
      lastDay: split.training.reduce<number | null>((m, b) => (m === null || b.day > m ? b.day : m), null)
    },
    test: {
      people: cases.length,
      one_order: cases.filter((c) => segmentOf(c) === "one order").length,
      several_orders: cases.filter((c) => segmentOf(c) === "several orders").length,
      uncategorised_next: cases.filter((c) => c.next.categories.length === 0).length
    },
    repeat_rates: {product: repeatRate("product"), category: repeatRate("category")},
    rows,
    lists,
    model,
    cases
  };
}
