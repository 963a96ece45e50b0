// Builds the DuckDB warehouse from the Olist CSVs: reads every file as text, rejects the rows that cannot be
// parsed (counted per reason, with the row and value), keeps and counts orphans, then creates typed tables
// and the derived tables loaders share. Runs once per fingerprint (see warehouse.ts).
import {existsSync} from "node:fs";
import {basename, join} from "node:path";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {sql} from "../sql.js";
import {CHECKS, checkedSelect} from "./checks.js";
import {CONTRACT, type TableContract} from "./contract.js";
import {scanCsv} from "./csv-scan.js";
import {InputError} from "./errors.js";
import {hashFile, fileSize} from "../fingerprint.js";

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The file for a contract entry in `dir`: the Kaggle name, or the same name gzipped; null when absent. */
export function locateInput(dir: string, contract: TableContract): string | null {
  for (const name of [contract.file, `${contract.file}.gz`]) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

export interface IngestOptions {
  dataDir: string;
  dataSource: string;
  fingerprint: string;
  /** sha256 per input path, when the caller already computed them for the fingerprint. */
  hashes?: Record<string, string>;
  log?: (line: string) => void;
}

export async function ingest(dbPath: string, options: IngestOptions): Promise<void> {
  const log = options.log ?? (() => {});
  const instance = await DuckDBInstance.create(dbPath);
  const db = await instance.connect();
  try {
    await db.run(
      `CREATE TABLE rejects (file VARCHAR, table_name VARCHAR, row_number BIGINT, column_name VARCHAR, reason VARCHAR, value VARCHAR)`
    );
    await db.run(`CREATE TABLE input_files (table_name VARCHAR, file VARCHAR, required BOOLEAN, present BOOLEAN, disables VARCHAR,
      bytes BIGINT, sha256 VARCHAR, records BIGINT, kept BIGINT, rejected BIGINT)`);
    const missing: string[] = [];
    for (const contract of CONTRACT) {
      const started = Date.now();
      const path = locateInput(options.dataDir, contract);
      if (path) await loadTable(db, contract, path, options.hashes?.[path] ?? (await hashFile(path)));
      else {
        if (contract.required) {
          throw new InputError(
            `${contract.file} (or ${contract.file}.gz) is required but was not found in ${options.dataDir}`,
            contract.file
          );
        }
        missing.push(contract.table);
        await emptyTable(db, contract);
      }
      await db.run(sql(`warehouse/${contract.table}`));
      const kept = await count(db, `SELECT count(*) FROM ${contract.table}`);
      log(`ingest ${contract.table}: ${path ? `${kept} rows kept` : "absent"} (${Date.now() - started} ms)`);
    }
    for (const name of ["order_facts", "zip_centroids", "orphans"]) await db.run(sql(`warehouse/${name}`));
    if (missing.length) await db.run(`DELETE FROM orphans WHERE needs IN (${missing.map(sqlString).join(", ")})`);
    await db.run(`CREATE TABLE meta AS SELECT * FROM (VALUES
      ('data_source', ${sqlString(options.dataSource)}),
      ('data_dir', ${sqlString(options.dataDir)}),
      ('fingerprint', ${sqlString(options.fingerprint)}),
      ('ingested_at', ${sqlString(new Date().toISOString())})
    ) AS t(key, value)`);
    await db.run("CHECKPOINT");
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

async function count(db: DuckDBConnection, query: string): Promise<number> {
  const reader = await db.runAndReadAll(query);
  return Number(reader.getRows()[0][0]);
}

async function loadTable(db: DuckDBConnection, contract: TableContract, path: string, sha256: string): Promise<void> {
  const file = basename(path);
  const scan = await scanCsv(path);
  // Map the file's header to canonical names: case and spacing do not matter; aliases accept corrected spellings.
  const canonical = scan.header.map((name) => {
    const lower = name.toLowerCase();
    return contract.aliases?.[lower] ?? lower;
  });
  for (const column of contract.columns) {
    if (!canonical.includes(column)) {
      throw new InputError(
        `${file}: required column "${column}" is missing (header: ${scan.header.join(", ")})`,
        file,
        column
      );
    }
  }
  if (contract.required && scan.records === 0)
    throw new InputError(`${file}: the file has a header but no data rows`, file);

  // All columns are read as text with the dialect fixed (no sniffing), so that every value reaches the row
  // checks; lines the CSV reader cannot split are stored by DuckDB as structural rejects.
  const columns = scan.header.map((name, i) => `${sqlString(name || `column${i}`)}: 'VARCHAR'`).join(", ");
  const select = contract.columns.map((column) => `${ident(scan.header[canonical.indexOf(column)])} AS ${column}`);
  const t = contract.table;
  await db.run(`CREATE TEMP TABLE raw_${t} AS
    SELECT row_number() OVER () AS source_row, ${select.join(", ")}
    FROM read_csv(${sqlString(path)}, auto_detect = false, header = true, delim = ',', quote = '"', escape = '"',
      columns = {${columns}}, store_rejects = true, rejects_table = 'csv_rejects_${t}', rejects_scan = 'csv_scan_${t}',
      parallel = false, max_line_size = 10000000)`);
  await db.run(`INSERT INTO rejects SELECT ${sqlString(file)}, '${t}', line, coalesce(column_name, ''),
      'malformed CSV line (' || lower(error_type) || ')', csv_line FROM csv_rejects_${t}`);

  // Records the independent scan saw but DuckDB neither kept nor rejected (e.g. an unterminated quote at
  // the end of the file): counted as rejects too, so that nothing disappears unnoticed.
  const parsed = await count(db, `SELECT count(*) FROM raw_${t}`);
  const structural = await count(db, `SELECT count(DISTINCT line) FROM csv_rejects_${t}`);
  const unaccounted = scan.records - parsed - structural;
  if (unaccounted > 0) {
    await db.run(`INSERT INTO rejects SELECT ${sqlString(file)}, '${t}', NULL, '', 'unreadable record (unbalanced quotes?)', NULL
      FROM range(${unaccounted})`);
  }

  await db.run(`CREATE TEMP TABLE checked_${t} AS ${checkedSelect(`raw_${t}`, CHECKS[t])}`);
  await db.run(`INSERT INTO rejects SELECT ${sqlString(file)}, '${t}', source_row, reject_column, reject_reason, reject_value
    FROM checked_${t} WHERE reject_reason IS NOT NULL ORDER BY source_row`);
  const rejected = await count(db, `SELECT count(*) FROM rejects WHERE table_name = '${t}'`);
  const kept = await count(db, `SELECT count(*) FROM checked_${t} WHERE reject_reason IS NULL`);
  await db.run(`INSERT INTO input_files VALUES ('${t}', ${sqlString(file)}, ${contract.required}, true, ${sqlString(contract.disables ?? "")},
    ${fileSize(path)}, ${sqlString(sha256)}, ${scan.records}, ${kept}, ${rejected})`);
}

async function emptyTable(db: DuckDBConnection, contract: TableContract): Promise<void> {
  const columns = contract.columns.map((column) => `NULL::VARCHAR AS ${column}`).join(", ");
  await db.run(`CREATE TEMP TABLE checked_${contract.table} AS
    SELECT NULL::BIGINT AS source_row, ${columns}, NULL::VARCHAR AS reject_reason WHERE false`);
  await db.run(`INSERT INTO input_files VALUES ('${contract.table}', ${sqlString(contract.file)}, false, false,
    ${sqlString(contract.disables ?? "")}, NULL, NULL, 0, 0, 0)`);
}
