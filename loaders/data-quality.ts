// What the ingest kept, rejected and could not link, for the data-quality page.
import {CONTRACT} from "./warehouse/contract.js";
import {sql} from "./sql.js";
import {analysisDateOverride} from "./config.js";
import type {Row, Warehouse} from "./warehouse/warehouse.js";

export interface InputFile {
  table_name: string;
  file: string;
  required: boolean;
  present: boolean;
  disables: string;
  bytes: number | null;
  sha256: string | null;
  records: number;
  kept: number;
  rejected: number;
}

export interface DataQuality {
  data_source: string;
  data_dir: string;
  fingerprint: string;
  ingested_at: string;
  analysis_date: string;
  analysis_date_rule: string;
  purchase_range: {first: string; last: string};
  sparse_months: Row[];
  files: InputFile[];
  rejects: Row[];
  orphans: Row[];
  nulls: Row[];
}

async function nullCounts(warehouse: Warehouse, presentTables: string[]): Promise<Row[]> {
  const parts = CONTRACT.filter((c) => presentTables.includes(c.table)).flatMap((c) =>
    c.columns.map(
      (column) => `SELECT '${c.table}' AS table_name, '${column}' AS column_name,
      count(*) - count(${column}) AS nulls, count(*) AS rows FROM ${c.table}`
    )
  );
  const rows = await warehouse.query(parts.join("\nUNION ALL\n"));
  return rows.filter((row) => (row.nulls as number) > 0);
}

export async function dataQuality(warehouse: Warehouse): Promise<DataQuality> {
  const meta = Object.fromEntries(
    (await warehouse.query<{key: string; value: string}>(`SELECT key, value FROM meta`)).map((r) => [r.key, r.value])
  );
  const files = await warehouse.query<InputFile>(`SELECT * FROM input_files`);
  const present = files.filter((f) => f.present).map((f) => f.table_name);
  const [range] = await warehouse.query<{first: string; last: string}>(
    `SELECT strftime(min(purchased_at), '%Y-%m-%d %H:%M:%S') AS first, strftime(max(purchased_at), '%Y-%m-%d %H:%M:%S') AS last FROM order_facts`
  );
  return {
    data_source: meta.data_source,
    data_dir: meta.data_dir,
    fingerprint: meta.fingerprint,
    ingested_at: meta.ingested_at,
    analysis_date: await warehouse.analysisDate(),
    analysis_date_rule: analysisDateOverride() ? "set by ANALYSIS_DATE" : "the last purchase date in the data",
    purchase_range: range,
    sparse_months: await warehouse.query(sql("sparse-months")),
    files,
    rejects: await warehouse.query(sql("rejects-by-reason")),
    orphans: await warehouse.query(`SELECT table_name, description, n FROM orphans`),
    nulls: await nullCounts(warehouse, present)
  };
}
