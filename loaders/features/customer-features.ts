// The customer feature table: one row per person as of a cutoff date, built in DuckDB SQL from history up to
// the cutoff only. The cutoff is a parameter so that the churn model can build training and evaluation
// snapshots; the site's table uses the analysis date.
// Several loaders need the table at the same cutoff (the feature Parquet, segment clustering, churn scoring),
// and Framework runs them in parallel: the first builds it once into the cache as Parquet, keyed by the
// warehouse, the feature SQL and the cutoff, and every loader reads that file.
import {createHash} from "node:crypto";
import {readFileSync, renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {cacheDir} from "../config.js";
import {sql} from "../sql.js";
import {buildOnce} from "../lock.js";
import type {Row, Warehouse} from "../warehouse/warehouse.js";
import {FEATURES, type FeatureDefinition} from "./dictionary.js";

const FEATURES_SQL = sql("features/customer-features");
const SQL_HASH = createHash("sha256").update(FEATURES_SQL).update("rounded to 6 decimals").digest("hex").slice(0, 12);

function checkCutoff(cutoff: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(cutoff) || Number.isNaN(Date.parse(`${cutoff}T00:00:00Z`))) {
    throw new Error(`cutoff ${cutoff}: expected a date as YYYY-MM-DD`);
  }
  return cutoff;
}

/**
 * The feature SQL with its DOUBLE columns rounded to 6 decimals: DuckDB's parallel sums and means differ in their
 * last bits from run to run, and two builds of the same input must publish the same table (and train the same model).
 */
async function roundedFeaturesSql(warehouse: Warehouse, cutoff: string): Promise<string> {
  const columns = await warehouse.query<{column_name: string; column_type: string}>(`DESCRIBE (${FEATURES_SQL})`, {
    cutoff
  });
  const doubles = columns
    .filter((c) => c.column_type === "DOUBLE")
    .map((c) => `round("${c.column_name}", 6) AS "${c.column_name}"`);
  return doubles.length
    ? `SELECT * REPLACE (${doubles.join(", ")}) FROM (${FEATURES_SQL}) ORDER BY customer_unique_id`
    : FEATURES_SQL;
}

/** The table at `cutoff` as a Parquet file in the cache, built once per warehouse, feature SQL and cutoff. */
export async function customerFeaturesFile(warehouse: Warehouse, cutoff: string): Promise<string> {
  const file = join(cacheDir(), "features", `${warehouse.fingerprint}-${SQL_HASH}-${checkCutoff(cutoff)}.parquet`);
  await buildOnce(file, async () => {
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, await warehouse.parquet(await roundedFeaturesSql(warehouse, cutoff), {cutoff}));
    renameSync(tmp, file);
  });
  return file;
}

export async function customerFeatures(warehouse: Warehouse, cutoff: string): Promise<Row[]> {
  const file = await customerFeaturesFile(warehouse, cutoff);
  return warehouse.query(`SELECT * FROM read_parquet('${file.replace(/'/g, "''")}')`);
}

export async function customerFeaturesParquet(warehouse: Warehouse, cutoff: string): Promise<Buffer> {
  return readFileSync(await customerFeaturesFile(warehouse, cutoff));
}

export interface FeatureSummary extends FeatureDefinition {
  non_null_share: number;
  distinct: number;
  min: string | null;
  max: string | null;
  mean: number | null;
  median: number | null;
}

export interface FeatureDictionary {
  cutoff: string;
  people: number;
  features: FeatureSummary[];
}

/** The dictionary with each feature's coverage and distribution at the cutoff (DuckDB's SUMMARIZE). */
export async function featureDictionary(warehouse: Warehouse, cutoff: string): Promise<FeatureDictionary> {
  // The cached feature table, not the feature SQL a second time.
  const table = `read_parquet('${(await customerFeaturesFile(warehouse, cutoff)).replace(/'/g, "''")}')`;
  const stats = await warehouse.query<{
    column_name: string;
    min: string | null;
    max: string | null;
    approx_unique: number;
    avg: string | null;
    q50: string | null;
    count: number;
    null_percentage: number;
  }>(`SUMMARIZE (SELECT * FROM ${table})`);
  // Exact distinct counts: SUMMARIZE's approx_unique differs between runs, and rebuilds must be identical.
  const [distinct] = await warehouse.query<Record<string, number>>(
    `SELECT ${FEATURES.map((f) => `count(DISTINCT "${f.name}")::INTEGER AS "${f.name}"`).join(", ")} FROM ${table}`
  );
  const byName = new Map(stats.map((s) => [s.column_name, s]));
  const number = (v: string | null) => (v === null ? null : Number(Number(v).toPrecision(6)));
  return {
    cutoff,
    people: stats[0]?.count ?? 0,
    features: FEATURES.map((feature) => {
      const s = byName.get(feature.name);
      if (!s) throw new Error(`feature ${feature.name} is in the dictionary but not in customer-features.sql`);
      const numeric = feature.kind !== "categorical";
      return {
        ...feature,
        non_null_share: Number((1 - s.null_percentage / 100).toFixed(4)),
        distinct: distinct![feature.name]!,
        min: s.min,
        max: s.max,
        mean: numeric ? number(s.avg) : null,
        median: numeric ? number(s.q50) : null
      };
    })
  };
}
