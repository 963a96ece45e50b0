// The recommenders: everything is trained from the baskets it is given (before the cutoff for evaluation, up
// to the analysis date for publishing), then each candidate turns one person's history into a top-k list with
// a reason per item, at product or at category level.
import {foldIn, fitImplicitAls, itemGram, type AlsModel, type AlsParams, type SparseRow} from "./als.js";
import {histories, type Basket, type PersonHistory} from "./baskets.js";
import {coPurchaseCounts, neighbourLists, ordersBoth, type CoPurchase, type Neighbour} from "./co-purchase.js";
import {
  fromRanked,
  popularity,
  regionalPopular,
  type Popularity,
  type Ranked,
  type RecentWindow
} from "./popularity.js";
import type {Rec} from "./reasons.js";

export type Level = "product" | "category";
export const LEVELS: readonly Level[] = ["product", "category"];

export interface RecommenderParams {
  /** List length. */
  k: number;
  /** m in P̃(b | a) = (n_ab + m·p_b) / (n_a + m), in people. */
  priorStrength: number;
  /** Fewest people who bought both items for a co-purchase neighbour. */
  minSupport: Record<Level, number>;
  /** Neighbours kept per item. */
  neighboursKept: number;
  /** Length of the "recent" popularity window. */
  recentWeeks: number;
  /** Fewest orders in a state for an item to be called popular there. */
  minStateOrders: number;
  als: AlsParams;
}

// Fixed before looking at the test period (nothing here is tuned on it): a prior worth 10 people, neighbours
// seen by at least 2 people for products (products are many and rarely bought twice) and 5 for categories,
// 8 recent weeks, and a small ALS (about 70 categories leave little room for more than 8 factors).
export const DEFAULT_PARAMS: RecommenderParams = {
  k: 10,
  priorStrength: 10,
  minSupport: {product: 2, category: 5},
  neighboursKept: 30,
  recentWeeks: 8,
  minStateOrders: 3,
  als: {factors: 8, regularization: 0.1, alpha: 10, iterations: 15, seed: 20180901}
};

export interface Catalog {
  nProducts: number;
  nCategories: number;
  nStates: number;
  /** Category code of each product, −1 when it has none. */
  productCategory: Int32Array;
}

export interface LevelModel {
  coPurchase: CoPurchase;
  neighbours: Neighbour[][];
  popularity: Popularity;
}

export interface Recommender {
  params: RecommenderParams;
  catalog: Catalog;
  recent: RecentWindow;
  product: LevelModel;
  category: LevelModel;
  /** Per category, its products by orders (all time). */
  bestSellers: Ranked[];
  /** Implicit ALS of person × category, fitted on people with more than one order; null with fewer than two such people. */
  als: AlsModel | null;
  alsGram: Float64Array | null;
  /** regionalPopular's tiers per level and state (index state + 1; 0 for an unknown state): the same for everyone there. */
  regional: Record<Level, Rec[][][]>;
}

const itemsOf = (level: Level) => (b: Basket) => (level === "product" ? b.products : b.categories);

/** The ALS row of a person: each category they bought and in how many orders. */
export function categoryRow(history: PersonHistory): SparseRow {
  const counts = new Map<number, number>();
  for (const b of history.baskets) for (const c of b.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
  const items = [...counts.keys()].sort((a, b) => a - b);
  return {items, counts: items.map((c) => counts.get(c)!)};
}

/** Whether the latent-factor model serves this person: more than one order, with at least one category. */
export const hasHistory = (h: PersonHistory) => h.baskets.length > 1 && h.baskets.some((b) => b.categories.length > 0);

export function trainRecommender(
  training: readonly Basket[],
  catalog: Catalog,
  recent: RecentWindow,
  params: RecommenderParams = DEFAULT_PARAMS
): Recommender {
  const people = histories(training);
  const level = (l: Level): LevelModel => {
    const n = l === "product" ? catalog.nProducts : catalog.nCategories;
    const coPurchase = coPurchaseCounts(
      people.map((h) => h.baskets.map(itemsOf(l))),
      n
    );
    return {
      coPurchase,
      neighbours: neighbourLists(coPurchase, {
        minSupport: params.minSupport[l],
        priorStrength: params.priorStrength,
        keep: params.neighboursKept
      }),
      popularity: popularity(training, itemsOf(l), n, catalog.nStates, recent)
    };
  };
  const product = level("product");
  const bestSellers: Ranked[] = Array.from({length: catalog.nCategories}, () => ({items: [], orders: []}));
  product.popularity.overall.items.forEach((p, r) => {
    const c = catalog.productCategory[p]!;
    if (c >= 0) {
      bestSellers[c]!.items.push(p);
      bestSellers[c]!.orders.push(product.popularity.overall.orders[r]!);
    }
  });
  const rows = people.filter(hasHistory).map(categoryRow);
  const als = rows.length >= 2 ? fitImplicitAls(rows, catalog.nCategories, params.als) : null;
  const category = level("category");
  const regional = (lm: LevelModel) =>
    Array.from({length: catalog.nStates + 1}, (_, s) =>
      regionalPopular(lm.popularity, s - 1, params.k, params.minStateOrders)
    );
  return {
    params,
    catalog,
    recent,
    product,
    category,
    bestSellers,
    als,
    alsGram: als ? itemGram(als) : null,
    regional: {product: regional(product), category: regional(category)}
  };
}

/** The first k distinct items of the tiers, in order: each item keeps the reason of the tier that put it first. */
export function firstDistinct(k: number, tiers: readonly (readonly Rec[])[]): Rec[] {
  const out: Rec[] = [];
  const seen = new Set<number>();
  for (const tier of tiers) {
    for (const rec of tier) {
      if (out.length === k) return out;
      if (seen.has(rec.item)) continue;
      seen.add(rec.item);
      out.push(rec);
    }
  }
  return out;
}

/**
 * Items the buyers of the seeds also bought, by the sum of P̃(item | seed) over the seeds; the reason names the
 * seed that contributes most (the item itself when the person bought it before and others bought it again).
 */
export function coPurchaseRecs(model: LevelModel, seeds: readonly number[], k: number, minSupport: number): Rec[] {
  const scores = new Map<number, {score: number; best: Neighbour; seed: number}>();
  for (const seed of new Set(seeds)) {
    for (const nb of model.neighbours[seed] ?? []) {
      const s = scores.get(nb.item);
      if (!s) scores.set(nb.item, {score: nb.score, best: nb, seed});
      else {
        s.score += nb.score;
        if (nb.score > s.best.score || (nb.score === s.best.score && seed < s.seed)) Object.assign(s, {best: nb, seed});
      }
    }
  }
  return [...scores.entries()]
    .sort(([a, x], [b, y]) => y.score - x.score || a - b)
    .slice(0, k)
    .map(([item, {best, seed}]) => ({
      item,
      reason:
        item === seed
          ? {kind: "again", because: -1, support: best.people}
          : ordersBoth(model.coPurchase, seed, item) >= minSupport
            ? {kind: "together", because: seed, support: best.orders}
            : {kind: "co_buyers", because: seed, support: best.people}
    }));
}

/** Categories by the person's latent-factor scores (categories never bought in training left out). */
export function latentCategoryRecs(model: Recommender, history: PersonHistory, k: number): Rec[] {
  if (!model.als || !hasHistory(history)) return [];
  const row = categoryRow(history);
  const person = foldIn(model.als, row, model.alsGram!);
  const buyers = model.category.coPurchase.buyers;
  const ranked = Array.from(person.scores.keys())
    .filter((c) => buyers[c]! > 0)
    .sort((a, b) => person.scores[b]! - person.scores[a]! || a - b)
    .slice(0, k);
  return ranked.map((c) => {
    const terms = person.explain(c);
    const top = terms.reduce((best, t) => (t.contribution > best.contribution ? t : best), terms[0]!);
    return {item: c, reason: {kind: "latent", because: top.item, support: 0}};
  });
}

/** Products for a ranked list of categories: each category's best seller in turn, then each one's second… */
export function bestSellersOf(model: Recommender, categories: readonly Rec[], k: number): Rec[] {
  const out: Rec[] = [];
  const cats = categories.map((r) => r.item).filter((c) => (model.bestSellers[c]?.items.length ?? 0) > 0);
  for (let r = 0; out.length < k && cats.some((c) => model.bestSellers[c]!.items.length > r); r++) {
    for (const c of cats) {
      const list = model.bestSellers[c]!;
      if (r < list.items.length && out.length < k)
        out.push({item: list.items[r]!, reason: {kind: "best_seller_in", because: c, support: list.orders[r]!}});
    }
  }
  return out;
}

export const CANDIDATES = ["popular", "popular_state", "popular_recent", "co_purchase", "latent", "hybrid"] as const;
export type Candidate = (typeof CANDIDATES)[number];

export const CANDIDATE_INFO: Record<Candidate, {name: string; description: string}> = {
  popular: {
    name: "Best sellers",
    description: "The items in the most orders before the cutoff, the same list for everyone."
  },
  popular_state: {
    name: "Best sellers in the state",
    description: "The items in the most orders from the person's state."
  },
  popular_recent: {
    name: "Recent best sellers",
    description: "The items in the most orders in the last weeks before the cutoff."
  },
  co_purchase: {
    name: "Co-purchase",
    description:
      "Items bought by the same people as the person's items (same order or another), by shrunk conditional probability; no filling."
  },
  latent: {
    name: "Latent factors (ALS)",
    description:
      "Implicit ALS on person × category for people with more than one order; products are the best sellers of the top categories in turn."
  },
  hybrid: {
    name: "Hybrid",
    description:
      "History-based for people with more than one order (latent factors), the first order's category neighbours for one-time buyers; co-purchased products first, then the best sellers of those categories; popularity where the person lives fills the list."
  }
};

/** Whether the hybrid serves this person from the latent-factor model (else from category co-purchase). */
export const usesLatentFactors = (model: Recommender, history: PersonHistory) =>
  model.als !== null && hasHistory(history);

/**
 * The hybrid, both levels at once. Categories: latent factors for people with a history, else the first order's
 * category neighbours; then what is popular where the person lives. Products: the person's co-purchased products,
 * then the best sellers of those categories in turn, then what is popular where the person lives.
 */
export function hybridRecs(model: Recommender, history: PersonHistory): Record<Level, Rec[]> {
  const {k, minSupport} = model.params;
  const regional = (level: Level) => model.regional[level][history.state + 1] ?? model.regional[level][0]!;
  // Without a fitted ALS (too few repeat buyers) a history falls back to its categories' neighbours too.
  const personal = usesLatentFactors(model, history)
    ? latentCategoryRecs(model, history, k)
    : coPurchaseRecs(
        model.category,
        history.baskets.flatMap((b) => b.categories),
        k,
        minSupport.category
      );
  const category = firstDistinct(k, [personal, ...regional("category")]);
  const product = firstDistinct(k, [
    coPurchaseRecs(
      model.product,
      history.baskets.flatMap((b) => b.products),
      k,
      minSupport.product
    ),
    bestSellersOf(model, category, k),
    ...regional("product")
  ]);
  return {product, category};
}

export function recommend(model: Recommender, candidate: Candidate, level: Level, history: PersonHistory): Rec[] {
  const {k, minSupport} = model.params;
  const lm = level === "product" ? model.product : model.category;
  switch (candidate) {
    case "popular":
      return fromRanked(lm.popularity.overall, "popular", -1, k);
    case "popular_state":
      return history.state >= 0
        ? fromRanked(lm.popularity.byState[history.state]!, "popular_state", history.state, k)
        : [];
    case "popular_recent":
      return fromRanked(lm.popularity.recent, "popular_recent", -1, k);
    case "co_purchase":
      return coPurchaseRecs(lm, history.baskets.flatMap(itemsOf(level)), k, minSupport[level]);
    case "latent": {
      const categories = latentCategoryRecs(model, history, k);
      return level === "category" ? categories : bestSellersOf(model, categories, k);
    }
    case "hybrid":
      return hybridRecs(model, history)[level];
  }
}

/** Catalog size at a level: items bought at least once in training (what a recommender could know). */
export function catalogSize(model: Recommender, level: Level): number {
  return (level === "product" ? model.product : model.category).coPurchase.buyers.filter((n) => n > 0).length;
}
