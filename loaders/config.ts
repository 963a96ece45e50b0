// Where the input data comes from, where caches live, and which date is "today" for the analysis.
// Everything here is read from the environment so that every loader also runs on its own:
//   OLIST_DATA_DIR=/some/dir ANALYSIS_DATE=2018-08-31 npx tsx src/data/kpis.json.ts
import {existsSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface DataSource {
  /** "synthetic", "olist" (data/olist/), the folder name given in OLIST_DATA_DIR, or OLIST_DUCKDB's file name. */
  name: string;
  kind: "synthetic" | "files" | "duckdb";
  /** Folder holding the CSVs; for synthetic data, where the generator writes them; for "duckdb", the database. */
  dir: string;
  scale?: number;
  seed?: number;
}

export function cacheDir(): string {
  return resolve(process.env.OLIST_CACHE_DIR ?? join(PROJECT_ROOT, ".cache"));
}

const ORDERS_FILE = "olist_orders_dataset";

function hasOrdersFile(dir: string): boolean {
  return [".csv", ".csv.gz", ".parquet"].some((ending) => existsSync(join(dir, `${ORDERS_FILE}${ending}`)));
}

/** A MotherDuck database (md:name): DuckDB opens it through its motherduck extension; there is no local file. */
export const isMotherDuck = (path: string) => path.startsWith("md:");

/**
 * OLIST_DATA_DIR or OLIST_DUCKDB (not both) wins; then the real Kaggle files in data/olist/; else the embedded
 * synthetic data.
 */
export function dataSource(env: NodeJS.ProcessEnv = process.env): DataSource {
  if (env.OLIST_DUCKDB) {
    if (env.OLIST_DATA_DIR) throw new Error("OLIST_DATA_DIR and OLIST_DUCKDB are both set: set one of them");
    const path = isMotherDuck(env.OLIST_DUCKDB) ? env.OLIST_DUCKDB : resolve(env.OLIST_DUCKDB);
    if (!isMotherDuck(path) && !existsSync(path)) throw new Error(`OLIST_DUCKDB=${env.OLIST_DUCKDB}: no such file`);
    return {name: basename(path), kind: "duckdb", dir: path};
  }
  if (env.OLIST_DATA_DIR) {
    const dir = resolve(env.OLIST_DATA_DIR);
    if (!existsSync(dir)) throw new Error(`OLIST_DATA_DIR=${env.OLIST_DATA_DIR}: no such folder`);
    return {name: basename(dir), kind: "files", dir};
  }
  const real = join(PROJECT_ROOT, "data", "olist");
  if (hasOrdersFile(real)) return {name: "olist", kind: "files", dir: real};
  const scale = Number(env.SYNTH_SCALE ?? 1);
  const seed = Number(env.SYNTH_SEED ?? 42);
  if (!(scale > 0)) throw new Error(`SYNTH_SCALE=${env.SYNTH_SCALE}: expected a positive number`);
  if (!Number.isInteger(seed)) throw new Error(`SYNTH_SEED=${env.SYNTH_SEED}: expected an integer`);
  return {
    name: "synthetic",
    kind: "synthetic",
    dir: join(cacheDir(), "synthetic", `scale-${scale}-seed-${seed}`),
    scale,
    seed
  };
}

/**
 * ANALYSIS_DATE (YYYY-MM-DD) if set, else null: the caller then uses the last purchase date in the data.
 * The analysis date is "today" for recency, churn and cohorts; orders after it are ignored.
 */
export function analysisDateOverride(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.ANALYSIS_DATE;
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new Error(`ANALYSIS_DATE=${value}: expected a date as YYYY-MM-DD`);
  }
  return value;
}
