// What the ingest kept, rejected and could not link, for the data-quality page.
import {CONTRACT} from "./warehouse/contract.js";
import {sql} from "./sql.js";
import {basename, isAbsolute, relative} from "node:path";
import {PROJECT_ROOT} from "./config.js";
import type {DataQuality, InputFile, RedecodedColumn, RejectGroup} from "../lib/contracts/data-quality.js";
import type {Warehouse} from "./warehouse/warehouse.js";

async function nullCounts(warehouse: Warehouse, presentTables: string[]): Promise<DataQuality["nulls"]> {
  const parts = CONTRACT.filter((c) => presentTables.includes(c.table)).flatMap((c) =>
    c.columns.map(
      (column) => `SELECT '${c.table}' AS table_name, '${column}' AS column_name,
      count(*) - count(${column}) AS nulls, count(*) AS rows FROM ${c.table}`
    )
  );
  const rows = await warehouse.query<DataQuality["nulls"][number]>(parts.join("\nUNION ALL\n"));
  return rows.filter((row) => row.nulls > 0);
}

/**
 * The input folder as the page names it, the same in two builds of the same input: relative to the project when
 * inside it (data/olist), the folder's name for synthetic data (its cache folder varies), else as given.
 */
function publishedDataDir(source: string, dir: string): string {
  if (source === "synthetic") return basename(dir);
  const inside = relative(PROJECT_ROOT, dir);
  return inside.startsWith("..") || isAbsolute(inside) ? dir : inside;
}

export async function dataQuality(warehouse: Warehouse): Promise<DataQuality> {
  const meta = Object.fromEntries(
    (await warehouse.query<{key: string; value: string}>(`SELECT key, value FROM meta`)).map((r) => [r.key, r.value])
  );
  const files = await warehouse.query<InputFile>(`SELECT * FROM input_files ORDER BY rowid`);
  const present = files.filter((f) => f.present).map((f) => f.table_name);
  const [range] = await warehouse.query<{first: string; last: string}>(
    `SELECT strftime(min(purchased_at), '%Y-%m-%d %H:%M:%S') AS first, strftime(max(purchased_at), '%Y-%m-%d %H:%M:%S') AS last FROM order_facts`
  );
  return {
    data_source: meta.data_source,
    data_dir: publishedDataDir(meta.data_source, meta.data_dir),
    fingerprint: meta.fingerprint,
    ingested_at: meta.ingested_at,
    ...(await warehouse.analysisDateChoice()),
    purchase_range: range,
    sparse_months: await warehouse.query<DataQuality["sparse_months"][number]>(sql("sparse-months")),
    files,
    rejects: await warehouse.query<RejectGroup>(sql("rejects-by-reason")),
    redecoded: await warehouse.query<RedecodedColumn>(sql("redecoded")),
    orphans: await warehouse.query<DataQuality["orphans"][number]>(
      `SELECT table_name, description, n FROM orphans ORDER BY rowid`
    ),
    nulls: await nullCounts(warehouse, present)
  };
}
