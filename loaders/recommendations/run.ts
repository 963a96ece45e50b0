// The published recommender: trained on every valid order up to the analysis date, it gives each person a
// top 10 of products and of categories (the hybrid), and describes category affinity and cross-sell. Three
// loaders print parts of it, so it is computed once per warehouse, code and analysis date and cached under
// OLIST_CACHE_DIR/recommendations/ (built under a lock: Framework runs loaders in parallel).
import {readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {createHash} from "node:crypto";
import {affinityPairs, boughtTogether, crossSellOpportunities} from "../../lib/recs/affinity.js";
import {histories} from "../../lib/recs/baskets.js";
import {REASON_KINDS, type Rec} from "../../lib/recs/reasons.js";
import {DEFAULT_PARAMS, hybridRecs, trainRecommender, usesLatentFactors} from "../../lib/recs/recommender.js";
import {cacheDir} from "../config.js";
import {codeKey} from "../dev/graph.js";
import {buildOnce} from "../lock.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {loadPurchases} from "./purchases.js";
import {dateOfDay, dayNumber, recsWindow, type RecsWindow} from "./window.js";

/** Cross-sell pairs and product pairs published (the best first). */
export const CROSS_SELL_ROWS = 100;
export const BOUGHT_TOGETHER_ROWS = 50;
/** Runs kept in the cache (each lists everyone, tens of MB at scale 1). */
const KEEP_RUNS = 4;

/** One person's row of recommendations.parquet: parallel lists, rank order, codes as in PublishedRun. */
export interface PublishedPerson {
  customer_unique_id: string;
  state: string | null;
  orders: number;
  /** "history": more than one order, served by latent factors; "first order": by its categories' co-purchase neighbours. */
  basis: "history" | "first order";
  product: number[];
  product_reason: number[];
  product_because: number[];
  product_support: number[];
  category: number[];
  category_reason: number[];
  category_because: number[];
  category_support: number[];
}

export interface PublishedRun {
  warehouseFingerprint: string;
  window: RecsWindow;
  recent: {from: string; to: string; weeks: number};
  params: typeof DEFAULT_PARAMS;
  trained: {orders: number; people: number; products: number; categories: number};
  /** The products the lists refer to (recommended, or named in a reason), by code. */
  products: {id: string; category: number}[];
  categories: string[];
  states: string[];
  reasons: readonly string[];
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
  /** JSON file (array of PublishedPerson) beside the run file. */
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
  const lists = people.map((h) => ({h, ...hybridRecs(model, h)}));
  timings.recommend = seconds(t);

  // Products get codes of their own, only for those the lists use, in id order.
  const productRefers = (r: Rec) => r.reason.kind === "together" || r.reason.kind === "co_buyers";
  const used = new Set<number>();
  for (const l of lists)
    for (const r of l.product) {
      used.add(r.item);
      if (productRefers(r)) used.add(r.reason.because);
    }
  const usedProducts = [...used].sort((a, b) => (data.products[a]! < data.products[b]! ? -1 : 1));
  const recode = new Map(usedProducts.map((p, i) => [p, i]));
  const reasonCode = new Map(REASON_KINDS.map((k, i) => [k, i]));
  const published: PublishedPerson[] = lists.map(({h, product, category}) => ({
    customer_unique_id: data.people[h.person]!,
    state: h.state >= 0 ? data.states[h.state]! : null,
    orders: h.baskets.length,
    basis: usesLatentFactors(model, h) ? "history" : "first order",
    product: product.map((r) => recode.get(r.item)!),
    product_reason: product.map((r) => reasonCode.get(r.reason.kind)!),
    product_because: product.map((r) => (productRefers(r) ? recode.get(r.reason.because)! : r.reason.because)),
    product_support: product.map((r) => r.reason.support),
    category: category.map((r) => r.item),
    category_reason: category.map((r) => reasonCode.get(r.reason.kind)!),
    category_because: category.map((r) => r.reason.because),
    category_support: category.map((r) => r.reason.support)
  }));
  writeFileSync(peopleFile, JSON.stringify(published));

  const cat = model.category.coPurchase;
  const prod = model.product.coPurchase;
  const name = (c: number) => data.categories[c]!;
  const productCategoryName = (p: number) =>
    data.catalog.productCategory[p]! >= 0 ? name(data.catalog.productCategory[p]!) : null;
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
        a_category: productCategoryName(p.a),
        b: data.products[p.b]!,
        b_category: productCategoryName(p.b),
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
    products: usedProducts.map((p) => ({id: data.products[p]!, category: data.catalog.productCategory[p]!})),
    categories: data.categories,
    states: data.states,
    reasons: REASON_KINDS,
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
    const run = await trainPublished(warehouse, window, join(dir, `people-${key}.json`));
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
    rmSync(join(dir, `people-${old}.json`), {force: true});
  }
}
