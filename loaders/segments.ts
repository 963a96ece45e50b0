// RFM segments, their movement over six months and behavioural clusters, for the Segments page; the per-person
// segment list (segment-customers.parquet, a download) and each segment's top spenders, which the page lists.
// Scores and rules: lib/segments (R and M by quintiles, F by fixed bins; first matching rule wins).
import {
  chooseK,
  describeCluster,
  kMeans,
  rfmScores,
  assignSegment,
  segmentTransitions,
  SEGMENT_NAMES,
  SEGMENT_RULES,
  type ChooseKResult,
  type FeatureLabel
} from "../lib/segments/index.js";
import {listValue} from "@duckdb/node-api";
import {customerFeaturesFile} from "./features/customer-features.js";
import {parquetBytes} from "./parquet.js";
import {progress, type Step} from "./progress.js";
import {sql} from "./sql.js";
import type {Row, Warehouse} from "./warehouse/warehouse.js";

/** The earlier snapshot of the movement chart is this many calendar months before the analysis date. */
export const SNAPSHOT_GAP_MONTHS = 6;

export type SegmentedCustomer = {
  customer_unique_id: string;
  segment: string;
  R: number;
  F: number;
  M: number;
  recency_days: number;
  orders: number;
  monetary: number;
  state: string;
};

/** YYYY-MM-DD `months` calendar months earlier; a day that does not exist is clamped (31 Aug → 28/29 Feb). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

/** Every person with an order on or before the cutoff, with RFM inputs, scores and segment. */
export async function rfmSnapshot(warehouse: Warehouse, cutoff: string): Promise<SegmentedCustomer[]> {
  const rows = await warehouse.query<Omit<SegmentedCustomer, "segment" | "R" | "F" | "M">>(sql("segment-rfm"), {
    cutoff
  });
  const scores = rfmScores(
    rows.map((r) => ({id: r.customer_unique_id, recencyDays: r.recency_days, orders: r.orders, monetary: r.monetary}))
  );
  return rows.map((r, i) => {
    const {R, F, M} = scores[i]!;
    return {
      customer_unique_id: r.customer_unique_id,
      segment: assignSegment({R, F, M}),
      R,
      F,
      M,
      recency_days: r.recency_days,
      orders: r.orders,
      monetary: r.monetary,
      state: r.state
    };
  });
}

export interface SegmentSummary {
  segment: string;
  description: string;
  people: number;
  share: number;
  revenue: number;
  revenue_share: number;
  avg_recency_days: number;
  avg_orders: number;
  avg_monetary: number;
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** One row per segment in table order (segments nobody falls into are kept with zeros). */
export function summariseSegments(customers: readonly SegmentedCustomer[]): SegmentSummary[] {
  const total = customers.length;
  const totalRevenue = customers.reduce((s, c) => s + c.monetary, 0);
  return SEGMENT_NAMES.map((segment) => {
    const members = customers.filter((c) => c.segment === segment);
    const n = members.length;
    const sum = (pick: (c: SegmentedCustomer) => number) => members.reduce((s, c) => s + pick(c), 0);
    const revenue = sum((c) => c.monetary);
    return {
      segment,
      description:
        SEGMENT_RULES.find((r) => r.name === segment)?.description ?? "Scores outside 1–5 (should not happen)",
      people: n,
      share: total ? round(n / total, 6) : 0,
      revenue: round(revenue, 2),
      revenue_share: totalRevenue ? round(revenue / totalRevenue, 6) : 0,
      avg_recency_days: n ? round(sum((c) => c.recency_days) / n, 1) : 0,
      avg_orders: n ? round(sum((c) => c.orders) / n, 3) : 0,
      avg_monetary: n ? round(revenue / n, 2) : 0
    };
  });
}

export interface ScoreRange {
  score: number;
  people: number;
  min: number;
  max: number;
}

/** What each score means in the data: the range of the underlying value per score (recency days, spend). */
export function scoreRanges(
  customers: readonly SegmentedCustomer[],
  score: "R" | "M",
  value: "recency_days" | "monetary"
): ScoreRange[] {
  // One pass with running extremes: Math.min(...values) overflows the call stack past ~100k people.
  const ranges = new Map<number, ScoreRange>();
  for (const c of customers) {
    const v = c[value];
    const r = ranges.get(c[score]);
    if (!r) ranges.set(c[score], {score: c[score], people: 1, min: v, max: v});
    else {
      r.people++;
      if (v < r.min) r.min = v;
      if (v > r.max) r.max = v;
    }
  }
  return [1, 2, 3, 4, 5].flatMap((s) => (ranges.has(s) ? [ranges.get(s)!] : []));
}

// ------------------------------------------------------------------------------------ behavioural clustering

/** The clustering features: columns of the feature table, how they are transformed, and words for describeCluster. */
export const CLUSTER_FEATURES: readonly (FeatureLabel & {label: string; unit: string; transform: "none" | "log"})[] = [
  {
    feature: "recency_days",
    label: "Days since last",
    unit: "days",
    transform: "none",
    high: "long-lapsed",
    low: "recent",
    role: "adjective"
  },
  {
    feature: "frequency",
    label: "Orders",
    unit: "orders",
    transform: "log",
    high: "repeat buyers",
    low: "one-time buyers",
    role: "noun"
  },
  {
    feature: "monetary_avg_order",
    label: "Spend/order",
    unit: "BRL",
    transform: "log",
    high: "big-ticket",
    low: "small-basket",
    role: "adjective"
  },
  {
    feature: "max_installments",
    label: "Installments (max)",
    unit: "installments",
    transform: "none",
    high: "long installment plans",
    low: "one-off payments",
    role: "with"
  },
  {
    feature: "late_share",
    label: "Late deliveries",
    unit: "share",
    transform: "none",
    high: "late deliveries",
    low: "on-time deliveries",
    role: "with"
  },
  {
    feature: "avg_review_score",
    label: "Review score",
    unit: "1–5",
    transform: "none",
    high: "happy",
    low: "unhappy",
    role: "adjective"
  },
  {
    feature: "freight_share",
    label: "Freight/price",
    unit: "ratio",
    transform: "none",
    high: "high shipping costs",
    low: "low shipping costs",
    role: "with"
  }
];

export const CLUSTER_KS = [3, 4, 5, 6, 7, 8];
/**
 * k-means runs on at most this many people, a fixed hash sample beyond it: cluster shares and means from 200,000
 * people are within a few tenths of a percent of everyone's, and a shop with millions of customers must not hold
 * their feature rows in the heap (scale 10 ran out of memory here).
 */
export const CLUSTER_PEOPLE = 200_000;
const CLUSTER_SEED = 20240611;
/** A feature is named in a cluster's description when its centroid is at least this many sds from the mean. */
export const DESCRIBE_THRESHOLD = 0.25;

export interface ClusterProfile {
  cluster: number;
  description: string;
  people: number;
  share: number;
  /** Mean of each feature on its original scale (over people for whom it is known). */
  means: Record<string, number>;
  /** Centroid in standard deviations from the overall mean (after the log transform). */
  z: Record<string, number>;
}

export interface Clustering {
  features: {feature: string; label: string; unit: string; transform: string; missing: number; overall_mean: number}[];
  /** People clustered: everyone, or a fixed sample of CLUSTER_PEOPLE when there are more (`sample` says so). */
  people: number;
  /** Everyone with an order by the analysis date. */
  population: number;
  sample: string | null;
  ks: ChooseKResult["perK"];
  k: number;
  criterion: string;
  clusters: ClusterProfile[];
}

/**
 * k-means on the standardised clustering features of the feature table at the analysis date. Skewed counts and
 * amounts are log-transformed first; a missing value (no delivery yet, no review) is replaced by the feature's
 * mean, so it sits at z = 0 and does not pull the person into any cluster.
 */
export function clusterCustomers(rows: readonly Row[], population = rows.length): Clustering {
  const raw = CLUSTER_FEATURES.map((f) => rows.map((r) => (r[f.feature] == null ? null : Number(r[f.feature]))));
  const transformed = CLUSTER_FEATURES.map((f, j) =>
    raw[j]!.map((v) => (v === null ? null : f.transform === "log" ? Math.log1p(v) : v))
  );
  const fill = transformed.map((col) => {
    const known = col.filter((v): v is number => v !== null);
    return known.reduce((s, v) => s + v, 0) / Math.max(1, known.length);
  });
  const matrix = rows.map((_, i) => transformed.map((col, j) => col[i] ?? fill[j]!));
  const choice = chooseK(matrix, CLUSTER_KS, {seed: CLUSTER_SEED, sampleSize: 2000, nInit: 3});
  const fit = kMeans(matrix, choice.best, {seed: CLUSTER_SEED, nInit: 5});
  const unitOverall = Object.fromEntries(CLUSTER_FEATURES.map((f) => [f.feature, {mean: 0, sd: 1}]));
  const clusters = fit.centroids.map((centroid, c): ClusterProfile => {
    const members = fit.labels.flatMap((l, i) => (l === c ? [i] : []));
    const z = Object.fromEntries(CLUSTER_FEATURES.map((f, j) => [f.feature, round(centroid[j]!, 3)]));
    const means = Object.fromEntries(
      CLUSTER_FEATURES.map((f, j) => {
        const known = members.map((i) => raw[j]![i]).filter((v): v is number => v !== null);
        return [f.feature, known.length ? round(known.reduce((s, v) => s + v, 0) / known.length, 3) : NaN];
      })
    );
    const description = describeCluster(z, unitOverall, CLUSTER_FEATURES, {threshold: DESCRIBE_THRESHOLD});
    return {cluster: c, description, people: members.length, share: round(members.length / rows.length, 6), means, z};
  });
  // Largest cluster first, numbered 1… in that order.
  clusters.sort((a, b) => b.people - a.people);
  clusters.forEach((c, i) => (c.cluster = i + 1));
  return {
    features: CLUSTER_FEATURES.map((f, j) => ({
      feature: f.feature,
      label: f.label,
      unit: f.unit,
      transform: f.transform,
      missing: raw[j]!.filter((v) => v === null).length,
      overall_mean: round(
        raw[j]!.filter((v): v is number => v !== null).reduce((s, v) => s + v, 0) /
          Math.max(1, rows.length - raw[j]!.filter((v) => v === null).length),
        3
      )
    })),
    people: rows.length,
    population,
    ks: choice.perK.map((p) => ({k: p.k, inertia: round(p.inertia, 1), silhouette: round(p.silhouette, 4)})),
    k: choice.best,
    criterion: "the highest mean silhouette (on a seeded sample of 2,000 people); ties go to the smaller k",
    sample:
      rows.length < population
        ? `k-means on a fixed sample of ${rows.length.toLocaleString("en-US")} of the ${population.toLocaleString("en-US")} people (those whose id hashes lowest)`
        : null,
    clusters
  };
}

// ------------------------------------------------------------------------------------------------ the report

export interface SegmentsReport {
  data_source: string;
  analysis_date: string;
  currency: "BRL";
  people: number;
  rules: {name: string; description: string; R: [number, number]; F: [number, number]; M: [number, number]}[];
  segments: SegmentSummary[];
  score_ranges: {R: ScoreRange[]; M: ScoreRange[]};
  /** F is the order count itself (1, 2, 3, 4, 5+): people per F score. */
  f_counts: {score: number; people: number}[];
  movement: {
    from_date: string;
    to_date: string;
    months: number;
    links: {source: string; target: string; value: number}[];
    sources: string[];
    targets: string[];
  };
  /** null when fewer than 20 people: k-means on a handful of people says nothing. */
  clustering: Clustering | null;
  fingerprint: string;
}

export async function segmentsReport(
  warehouse: Warehouse,
  step: Step = progress("segments"),
  clusterPeople = CLUSTER_PEOPLE
): Promise<SegmentsReport> {
  const analysis_date = await warehouse.analysisDate();
  const from_date = monthsBefore(analysis_date, SNAPSHOT_GAP_MONTHS);
  const now = await rfmSnapshot(warehouse, analysis_date);
  const before = await rfmSnapshot(warehouse, from_date);
  step(`RFM segments at ${analysis_date} and ${from_date}`, now.length);
  const moves = segmentTransitions(
    new Map(before.map((c) => [c.customer_unique_id, c.segment])),
    new Map(now.map((c) => [c.customer_unique_id, c.segment])),
    {order: SEGMENT_NAMES, newLabel: "First order since"}
  );
  const features = await warehouse.query(sql("segment-cluster-features"), {
    file: await customerFeaturesFile(warehouse, analysis_date),
    columns: listValue(CLUSTER_FEATURES.map((f) => f.feature)),
    n: clusterPeople
  });
  step("feature table for clustering", features.length);
  const clustering = features.length >= 20 ? clusterCustomers(features, now.length) : null;
  step(`k-means over k = ${CLUSTER_KS[0]}…${CLUSTER_KS.at(-1)}`, features.length);
  return {
    data_source: warehouse.source.name,
    analysis_date,
    currency: "BRL",
    people: now.length,
    rules: SEGMENT_RULES.map((r) => ({
      name: r.name,
      description: r.description,
      R: [r.R.min, r.R.max],
      F: [r.F.min, r.F.max],
      M: [r.M.min, r.M.max]
    })),
    segments: summariseSegments(now),
    score_ranges: {R: scoreRanges(now, "R", "recency_days"), M: scoreRanges(now, "M", "monetary")},
    f_counts: [1, 2, 3, 4, 5].map((score) => ({score, people: now.filter((c) => c.F === score).length})),
    movement: {
      from_date,
      to_date: analysis_date,
      months: SNAPSHOT_GAP_MONTHS,
      links: moves.links,
      sources: moves.sources,
      targets: moves.targets
    },
    clustering,
    fingerprint: warehouse.fingerprint
  };
}

// --------------------------------------------------------------------------------- per-person list (Parquet)

/** Columns of segment-customers.parquet, in order. */
export const SEGMENT_CUSTOMER_COLUMNS = [
  "customer_unique_id",
  "segment",
  "R",
  "F",
  "M",
  "recency_days",
  "orders",
  "monetary",
  "state"
] as const;

const SEGMENT_CUSTOMER_TYPES = {
  customer_unique_id: "VARCHAR NOT NULL",
  segment: "VARCHAR NOT NULL",
  R: "INTEGER NOT NULL",
  F: "INTEGER NOT NULL",
  M: "INTEGER NOT NULL",
  recency_days: "INTEGER NOT NULL",
  orders: "INTEGER NOT NULL",
  monetary: "DOUBLE NOT NULL",
  state: "VARCHAR"
} as const satisfies Record<(typeof SEGMENT_CUSTOMER_COLUMNS)[number], string>;

/** Segment-table order, then the highest spend first (ties by id): the order of the list and of its top N. */
function bySegmentThenSpend(customers: SegmentedCustomer[]): SegmentedCustomer[] {
  const rank = new Map(SEGMENT_NAMES.map((s, i) => [s, i]));
  return customers.sort(
    (a, b) =>
      rank.get(a.segment)! - rank.get(b.segment)! ||
      b.monetary - a.monetary ||
      a.customer_unique_id.localeCompare(b.customer_unique_id)
  );
}

/** The per-person list at the analysis date as Parquet bytes (a download: the page shows the top N). */
export async function segmentCustomersParquet(warehouse: Warehouse): Promise<Buffer> {
  const customers = bySegmentThenSpend(await rfmSnapshot(warehouse, await warehouse.analysisDate()));
  const chunks = function* () {
    for (let i = 0; i < customers.length; i += 20_000) yield customers.slice(i, i + 20_000);
  };
  return parquetBytes(SEGMENT_CUSTOMER_TYPES, chunks());
}

/** People listed per segment on the page. */
export const TOP_CUSTOMERS = 100;

/** Each segment's size and its TOP_CUSTOMERS people with the highest spend, for the page's customer list. */
export async function segmentTopCustomers(warehouse: Warehouse) {
  const analysis_date = await warehouse.analysisDate();
  const customers = bySegmentThenSpend(await rfmSnapshot(warehouse, analysis_date));
  const segments = new Map<string, {segment: string; people: number; top: SegmentedCustomer[]}>();
  for (const c of customers) {
    let s = segments.get(c.segment);
    if (!s) segments.set(c.segment, (s = {segment: c.segment, people: 0, top: []}));
    s.people++;
    if (s.top.length < TOP_CUSTOMERS) s.top.push(c);
  }
  return {
    analysis_date,
    people: customers.length,
    top: TOP_CUSTOMERS,
    columns: SEGMENT_CUSTOMER_COLUMNS,
    segments: [...segments.values()]
  };
}
