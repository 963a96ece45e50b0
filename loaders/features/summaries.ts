// feature-summaries.json: every feature's coverage and distribution over the whole feature table, one DuckDB query
// per feature over the cached Parquet file (each holds one column's values at a time, whatever the number of
// people), so the features page shows the table's shape without downloading it.
import {bin} from "d3-array";
import type {FeatureSummaries, FeatureSummary, HistogramBin} from "../../lib/contracts/feature-summaries.js";
import {roundSignificant} from "../../lib/num.js";
import {sql} from "../sql.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {customerFeaturesFile} from "./customer-features.js";
import {FEATURES, type FeatureDefinition} from "./dictionary.js";

const r6 = (v: number | null | undefined) => (v === null || v === undefined ? null : roundSignificant(v, 6));

/** About `target` bins with round edges over [lo, hi], as d3's bin() makes them (one padded bin when lo = hi). */
export function histogramEdges(lo: number, hi: number, target = 20): {from: number; to: number}[] {
  const binner = bin().thresholds(target);
  if (lo === hi) binner.domain([lo - 0.5, hi + 0.5]);
  return binner([lo, hi]).map((b) => ({from: b.x0!, to: b.x1!}));
}

async function numericSummary(warehouse: Warehouse, file: string, feature: FeatureDefinition): Promise<FeatureSummary> {
  const column = feature.name;
  const [s] = await warehouse.query<{
    people: number;
    present: number;
    min: number | null;
    max: number | null;
    mean: number | null;
    quantiles: number[] | null;
  }>(sql("features/summary-numeric"), {file, column});
  let histogram: HistogramBin[] = [];
  if (s!.min !== null && s!.max !== null) {
    const edges = histogramEdges(s!.min, s!.max);
    const counted = await warehouse.query<{bin: number; people: number}>(sql("features/summary-histogram"), {
      file,
      column,
      thresholds: edges
        .slice(1)
        .map((e) => String(e.from))
        .join(",")
    });
    const people = new Map(counted.map((c) => [c.bin, c.people]));
    histogram = edges.map((e, i) => ({from: r6(e.from)!, to: r6(e.to)!, people: people.get(i) ?? 0}));
  }
  const q = s!.quantiles ?? [];
  return {
    name: column,
    kind: feature.kind,
    count: s!.present,
    missing: s!.people - s!.present,
    min: r6(s!.min),
    p05: r6(q[0]),
    p25: r6(q[1]),
    median: r6(q[2]),
    p75: r6(q[3]),
    p95: r6(q[4]),
    max: r6(s!.max),
    mean: r6(s!.mean),
    histogram,
    distinct: null,
    top_values: []
  };
}

async function categoricalSummary(
  warehouse: Warehouse,
  file: string,
  feature: FeatureDefinition,
  top: number
): Promise<FeatureSummary> {
  const column = feature.name;
  const [s] = await warehouse.query<{people: number; present: number; distinct_values: number}>(
    sql("features/summary-categorical"),
    {file, column}
  );
  return {
    name: column,
    kind: feature.kind,
    count: s!.present,
    missing: s!.people - s!.present,
    min: null,
    p05: null,
    p25: null,
    median: null,
    p75: null,
    p95: null,
    max: null,
    mean: null,
    histogram: [],
    distinct: s!.distinct_values,
    top_values: await warehouse.query(sql("features/summary-top-values"), {file, column, top})
  };
}

/** The summaries of `features` (columns of the Parquet `file`). */
export async function summarizeFeatureFile(
  warehouse: Warehouse,
  file: string,
  cutoff: string,
  features: readonly FeatureDefinition[] = FEATURES,
  top = 10
): Promise<FeatureSummaries> {
  const summaries: FeatureSummary[] = [];
  for (const f of features) {
    summaries.push(
      f.kind === "categorical"
        ? await categoricalSummary(warehouse, file, f, top)
        : await numericSummary(warehouse, file, f)
    );
  }
  return {
    cutoff,
    people: summaries[0] ? summaries[0].count + summaries[0].missing : 0,
    quantile_rule:
      "quantiles interpolate linearly between the two nearest values, among the people with a value (DuckDB quantile_cont)",
    features: summaries
  };
}

export async function featureSummaries(warehouse: Warehouse): Promise<FeatureSummaries> {
  const cutoff = await warehouse.analysisDate();
  return summarizeFeatureFile(warehouse, await customerFeaturesFile(warehouse, cutoff), cutoff);
}
