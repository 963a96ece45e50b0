// The published recommender: trained on every valid order up to the analysis date, it gives each person a
// top 10 of products and of categories (the hybrid), and describes category affinity and cross-sell. Three
// loaders print parts of it, so it is computed once per warehouse, code and analysis date and cached under
// OLIST_CACHE_DIR/recommendations/ (built under a lock: Framework runs loaders in parallel).
import {readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {createHash} from "node:crypto";
import {affinityPairs, boughtTogether, crossSellOpportunities} from "../../lib/recs/affinity.js";
import {RECOMMENDATION_COLUMNS, type RecommendationRow} from "../../lib/contracts/recommendations.js";
import {histories, type PersonHistory} from "../../lib/recs/baskets.js";
import type {Rec} from "../../lib/recs/reasons.js";
import {DEFAULT_PARAMS, hybridRecs, trainRecommender, usesLatentFactors} from "../../lib/recs/recommender.js";
import {cacheDir} from "../config.js";
import {codeKey} from "../dev/graph.js";
import {buildOnce} from "../lock.js";
import {ParquetWriter} from "../parquet.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {loadPurchases} from "./purchases.js";
import {dateOfDay, dayNumber, recsWindow, type RecsWindow} from "./window.js";

/** Cross-sell pairs and product pairs published (the best first). */
export const CROSS_SELL_ROWS = 100;
export const BOUGHT_TOGETHER_ROWS = 50;
/** People listed per chunk on the way to Parquet. */
const LIST_CHUNK = 20_000;
/** Runs kept in the cache (each lists everyone, tens of MB at scale 1). */
const KEEP_RUNS = 4;

export interface PublishedRun {
  warehouseFingerprint: string;
  window: RecsWindow;
  recent: {from: string; to: string; weeks: number};
  params: typeof DEFAULT_PARAMS;
  trained: {orders: number; people: number; products: number; categories: number};
  /** People with one order (their lists come from their categories' neighbours), and an example of each basis. */
  oneOrderPeople: number;
  examples: {history: string | null; firstOrder: string | null};
  affinity: {
    categories: {name: string; buyers: number; again: number; orders: number; value: number | null}[];
    pairs: {a: string; b: string; people: number; orders: number; lift: number; p_value: number}[];
    cross_sell: {
      from: string;
      to: string;
      audience: number;
      conversion: number;
      lift: number;
      p_value: number;
      people: number;
      value: number;
      expected_revenue: number;
    }[];
    bought_together: {
      a: string;
      a_category: string | null;
      b: string;
      b_category: string | null;
      orders: number;
      people: number;
      lift: number;
      p_value: number;
    }[];
  };
  /** Parquet file of RecommendationRow (lib/contracts/recommendations.ts) beside the run file. */
  peopleFile: string;
  timings: Record<string, number>;
}

/** The code this run depends on: its import closure and the queries it names (loaders/dev/graph.ts). */
const codeHash = () => codeKey(["loaders/recommendations/run.ts"]);

const seconds = (from: number) => Number(((performance.now() - from) / 1000).toFixed(2));
const round = (v: number, digits = 6) => Number(v.toFixed(digits));
/** Three significant digits: tiny p-values keep their order of magnitude. */
const pValue = (p: number) => Number(p.toPrecision(3));

async function trainPublished(warehouse: Warehouse, window: RecsWindow, peopleFile: string): Promise<PublishedRun> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const data = await loadPurchases(warehouse, window.analysisDate);
  timings.load = seconds(t);
  t = performance.now();
  const params = DEFAULT_PARAMS;
  // Recent popularity ends at the last reliable date: a sparse tail after it would make a handful of orders "the trend".
  const recentTo = Math.min(dayNumber(window.analysisDate), dayNumber(window.lastReliableDate));
  const recent = {fromDay: recentTo - 7 * params.recentWeeks + 1, toDay: recentTo};
  const model = trainRecommender(data.baskets, data.catalog, recent, params);
  timings.train = seconds(t);

  t = performance.now();
  const people = histories(data.baskets);
  const name = (c: number) => data.categories[c]!;
  const categoryOf = (p: number) =>
    data.catalog.productCategory[p]! >= 0 ? name(data.catalog.productCategory[p]!) : null;
  // What a reason refers to, by its kind (REASON_KINDS): a product, a category, a state or nothing.
  const because = (level: "product" | "category", r: Rec): string | null => {
    const code = r.reason.because;
    if (code < 0) return null;
    switch (r.reason.kind) {
      case "together":
      case "co_buyers":
        return level === "product" ? data.products[code]! : name(code);
      case "latent":
      case "best_seller_in":
        return name(code);
      case "popular_state":
      case "popular_state_recent":
        return data.states[code]!;
      default:
        return null;
    }
  };
  const productBecause = (r: Rec) =>
    r.reason.kind === "together" || r.reason.kind === "co_buyers" ? r.reason.because : -1;
  const row = (h: PersonHistory): RecommendationRow => {
    const {product, category} = hybridRecs(model, h);
    return {
      customer_unique_id: data.people[h.person]!,
      state: h.state >= 0 ? data.states[h.state]! : null,
      orders: h.baskets.length,
      basis: usesLatentFactors(model, h) ? "history" : "first order",
      product: product.map((r) => data.products[r.item]!),
      product_category: product.map((r) => categoryOf(r.item)),
      product_reason: product.map((r) => r.reason.kind),
      product_because: product.map((r) => because("product", r)),
      product_because_category: product.map((r) => (productBecause(r) >= 0 ? categoryOf(productBecause(r)) : null)),
      product_support: product.map((r) => r.reason.support),
      category: category.map((r) => name(r.item)),
      category_reason: category.map((r) => r.reason.kind),
      category_because: category.map((r) => because("category", r)),
      category_support: category.map((r) => r.reason.support)
    };
  };
  // Listed a chunk of people at a time into a Parquet writer (DuckDB on disk): no array of everyone's lists.
  const writer = await ParquetWriter.create<RecommendationRow>(peopleFile, RECOMMENDATION_COLUMNS, {
    orderBy: "customer_unique_id"
  });
  const examples: PublishedRun["examples"] = {history: null, firstOrder: null};
  let oneOrderPeople = 0;
  try {
    for (let from = 0; from < people.length; from += LIST_CHUNK) {
      const rows = people.slice(from, from + LIST_CHUNK).map(row);
      for (const r of rows) {
        if (r.orders === 1) oneOrderPeople++;
        if (r.basis === "history" && (examples.history === null || r.customer_unique_id < examples.history))
          examples.history = r.customer_unique_id;
        if (r.basis === "first order" && (examples.firstOrder === null || r.customer_unique_id < examples.firstOrder))
          examples.firstOrder = r.customer_unique_id;
      }
      writer.append(rows);
    }
  } catch (error) {
    writer.abort();
    throw error;
  }
  await writer.close();
  timings.recommend = seconds(t);

  t = performance.now();
  const cat = model.category.coPurchase;
  const prod = model.product.coPurchase;
  const affinity: PublishedRun["affinity"] = {
    categories: data.categories.map((n, c) => ({
      name: n,
      buyers: cat.buyers[c]!,
      again: cat.again[c]!,
      orders: cat.orders[c]!,
      value: Number.isFinite(data.categoryValue[c]!) ? round(data.categoryValue[c]!, 2) : null
    })),
    pairs: affinityPairs(cat, params.minSupport.category).map((p) => ({
      a: name(p.a),
      b: name(p.b),
      people: p.people,
      orders: p.orders,
      lift: round(p.lift, 4),
      p_value: pValue(p.p_value)
    })),
    cross_sell: crossSellOpportunities(cat, data.categoryValue, params.minSupport.category, params.priorStrength)
      .slice(0, CROSS_SELL_ROWS)
      .map((x) => ({
        from: name(x.from),
        to: name(x.to),
        audience: x.audience,
        conversion: round(x.conversion),
        lift: round(x.lift, 4),
        p_value: pValue(x.p_value),
        people: x.people,
        value: round(x.value, 2),
        expected_revenue: round(x.expected_revenue, 2)
      })),
    bought_together: boughtTogether(prod, params.minSupport.product)
      .slice(0, BOUGHT_TOGETHER_ROWS)
      .map((p) => ({
        a: data.products[p.a]!,
        a_category: categoryOf(p.a),
        b: data.products[p.b]!,
        b_category: categoryOf(p.b),
        orders: p.orders,
        people: p.people,
        lift: round(p.lift, 2),
        p_value: pValue(p.p_value)
      }))
  };
  timings.publish = seconds(t);
  return {
    warehouseFingerprint: warehouse.fingerprint,
    window,
    recent: {from: dateOfDay(recent.fromDay), to: dateOfDay(recent.toDay), weeks: params.recentWeeks},
    params,
    trained: {
      orders: data.baskets.length,
      people: people.length,
      products: data.catalog.nProducts,
      categories: data.catalog.nCategories
    },
    oneOrderPeople,
    examples,
    affinity,
    peopleFile,
    timings
  };
}

/** The cached run for this warehouse, code and analysis date; trains (once, under a lock) if missing. */
export async function publishedRun(
  warehouse: Warehouse,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)
): Promise<PublishedRun> {
  const window = await recsWindow(warehouse);
  const key = createHash("sha256")
    .update(warehouse.fingerprint)
    .update(codeHash())
    .update(JSON.stringify(window))
    .digest("hex")
    .slice(0, 20);
  const dir = join(cacheDir(), "recommendations");
  const file = join(dir, `run-${key}.json`);
  await buildOnce(file, async () => {
    const started = performance.now();
    const run = await trainPublished(warehouse, window, join(dir, `people-${key}.parquet`));
    run.timings.total = seconds(started);
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(run));
    renameSync(tmp, file);
    log(`recommendations: trained and listed ${run.trained.people} people in ${run.timings.total} s`);
    prune(dir, key);
  });
  return JSON.parse(readFileSync(file, "utf8")) as PublishedRun;
}

/** Keeps the newest runs: older keys (other data, code or dates) are dead weight. */
function prune(dir: string, keep: string): void {
  const keys = readdirSync(dir)
    .flatMap((name) => /^run-(\w+)\.json$/.exec(name)?.[1] ?? [])
    .filter((k) => k !== keep)
    .sort((a, b) => statSync(join(dir, `run-${b}.json`)).mtimeMs - statSync(join(dir, `run-${a}.json`)).mtimeMs);
  for (const old of keys.slice(KEEP_RUNS - 1)) {
    rmSync(join(dir, `run-${old}.json`), {force: true});
    rmSync(join(dir, `people-${old}.parquet`), {force: true});
  }
}
