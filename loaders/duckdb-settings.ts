// The settings every DuckDB database of the build opens with: an explicit memory limit and a spill directory, so
// that a large shop's data spill to disk instead of exhausting the machine. OLIST_DUCKDB_MEMORY (default 2GB per
// process; several loaders run at once) and OLIST_DUCKDB_THREADS (default: DuckDB's, one per core) override them.
import {mkdirSync} from "node:fs";

export function duckdbSettings(spillDir: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  mkdirSync(spillDir, {recursive: true});
  const settings: Record<string, string> = {
    memory_limit: env.OLIST_DUCKDB_MEMORY || "2GB",
    temp_directory: spillDir
  };
  if (env.OLIST_DUCKDB_THREADS) settings.threads = env.OLIST_DUCKDB_THREADS;
  return settings;
}
