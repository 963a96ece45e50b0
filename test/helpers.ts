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
