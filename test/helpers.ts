import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, join} from "node:path";
import type {DataSource} from "../loaders/config.js";
import {openWarehouse, type Warehouse} from "../loaders/warehouse/warehouse.js";

/** Each test file gets its own warehouse cache, so parallel test files never share a database. */
export function useTempCache(): string {
  const dir = mkdtempSync(join(tmpdir(), "olist-cache-"));
  process.env.OLIST_CACHE_DIR = dir;
  return dir;
}

export function filesSource(dir: string): DataSource {
  return {name: basename(dir), kind: "files", dir};
}

export async function withDir<T>(dir: string, fn: (warehouse: Warehouse) => Promise<T>): Promise<T> {
  const warehouse = await openWarehouse(filesSource(dir), () => {});
  try {
    return await fn(warehouse);
  } finally {
    warehouse.close();
  }
}

/**
 * The default analysis date computed from raw purchase timestamps, independently of the SQL: purchases after
 * `today` dropped, months with fewer than 5% of the median month's orders (median interpolated for an even count)
 * are sparse, and the date is the last purchase up to the end of the last dense month.
 */
export function expectedAnalysisDate(purchases: string[], today = new Date().toISOString().slice(0, 10)): string {
  const dates = purchases.map((p) => p.slice(0, 10)).filter((d) => d <= today);
  const months = new Map<string, number>();
  for (const d of dates) months.set(d.slice(0, 7), (months.get(d.slice(0, 7)) ?? 0) + 1);
  const counts = [...months.values()].sort((a, b) => a - b);
  const mid = (counts.length - 1) / 2;
  const median = (counts[Math.floor(mid)]! + counts[Math.ceil(mid)]!) / 2;
  const lastDense = [...months]
    .filter(([, n]) => n >= 0.05 * median)
    .map(([m]) => m)
    .sort()
    .at(-1)!;
  return dates
    .filter((d) => d.slice(0, 7) <= lastDense)
    .sort()
    .at(-1)!;
}
