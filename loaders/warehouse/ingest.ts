// Builds the DuckDB warehouse from the Olist CSVs: reads every file as text, rejects the rows that cannot be
// parsed (counted per reason, with the row and value), keeps and counts orphans, then creates typed tables
// and the derived tables loaders share. Runs once per fingerprint (see warehouse.ts). Parquet files and the
// tables of a DuckDB database are read as text too (typed-input.ts) and pass the same checks.
import {existsSync, mkdirSync, rmSync} from "node:fs";
import {basename, join} from "node:path";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {ident, sql, sqlString} from "../sql.js";
import {isMotherDuck} from "../config.js";
import {CHECKS, checkedSelect} from "./checks.js";
import {CONTRACT, inputColumns, parquetFile, tableName, type TableContract} from "./contract.js";
import {countCsvRecords, readCsvHeader, type RecordCount} from "./csv-scan.js";
import {MARKER_PREFIX, markerLine, writeRepairedCopy, type RedecodedValue, type Repair} from "./csv-repair.js";
import {InputError} from "./errors.js";
import {hashFile, fileSize} from "../fingerprint.js";
import {databaseInput, INPUT_DB, locateTable, parquetInput, readTyped, type TypedInput} from "./typed-input.js";

/**
 * The file for a contract entry in `dir`: the Kaggle name, the same name gzipped, or as Parquet; null when absent.
 * Two present is an error: the copies may differ, and reading one while ignoring the other loses data silently.
 */
export function locateInput(dir: string, contract: TableContract): string | null {
  const found = [contract.file, `${contract.file}.gz`, parquetFile(contract)].filter((name) =>
    existsSync(join(dir, name))
  );
  if (found.length > 1) {
    throw new InputError(
      `${found.join(" and ")} are both in ${dir}: two copies of the ${contract.table} table; keep one of them`,
      found[0]
    );
  }
  return found.length ? join(dir, found[0]) : null;
}

export interface IngestOptions {
  /** The folder of the input files or, with `database`, the DuckDB database (file or md: path) holding them. */
  dataDir: string;
  /** The inputs are the tables of the database at dataDir (OLIST_DUCKDB), attached read-only. */
  database?: boolean;
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
  const scratch = `${dbPath}.repair`;
  mkdirSync(scratch, {recursive: true});
  try {
    await db.run(
      `CREATE TABLE rejects (file VARCHAR, table_name VARCHAR, row_number BIGINT, column_name VARCHAR, reason VARCHAR, value VARCHAR)`
    );
    await db.run(`CREATE TABLE input_files (table_name VARCHAR, file VARCHAR, required BOOLEAN, present BOOLEAN, disables VARCHAR,
      bytes BIGINT, sha256 VARCHAR, records BIGINT, kept BIGINT, rejected BIGINT, unterminated_quotes BIGINT)`);
    await db.run(`CREATE TABLE redecoded (file VARCHAR, table_name VARCHAR, column_name VARCHAR, "values" BIGINT)`);
    await db.run(
      `CREATE TABLE redecoded_examples (file VARCHAR, column_name VARCHAR, row_number BIGINT, value VARCHAR)`
    );
    const dir = options.dataDir;
    if (options.database) await db.run(`ATTACH ${sqlString(dir)} AS ${INPUT_DB} (READ_ONLY)`);
    const sha256 = async (file: string) => options.hashes?.[file] ?? (await hashFile(file));
    // A MotherDuck database has no file to hash: its tables' sha256 stays empty.
    const databaseHash = options.database && !isMotherDuck(dir) ? await sha256(dir) : null;
    const missing: string[] = [];
    for (const contract of CONTRACT) {
      const started = Date.now();
      const table = options.database ? await locateTable(db, tableName(contract)) : null;
      const path = options.database ? null : locateInput(dir, contract);
      if (table) await loadTyped(db, contract, databaseInput(dir, table), null, databaseHash);
      else if (path?.endsWith(".parquet")) {
        await loadTyped(db, contract, parquetInput(path), fileSize(path), await sha256(path));
      } else if (path) await loadTable(db, contract, path, await sha256(path), scratch);
      else {
        if (contract.required) {
          throw new InputError(
            options.database
              ? `table ${tableName(contract)} is required but was not found in ${dir}`
              : `${contract.file} (or ${contract.file}.gz, or ${parquetFile(contract)}) is required but was not found in ${dir}`,
            options.database ? tableName(contract) : contract.file
          );
        }
        missing.push(contract.table);
        await emptyTable(db, contract);
      }
      await db.run(sql(`warehouse/${contract.table}`));
      const kept = await countOf(db, `SELECT count(*) FROM ${contract.table}`);
      log(`ingest ${contract.table}: ${path || table ? `${kept} rows kept` : "absent"} (${Date.now() - started} ms)`);
    }
    for (const name of ["order_facts", "zip_centroids", "orphans"]) await db.run(sql(`warehouse/${name}`));
    if (missing.length) await db.run(`DELETE FROM orphans WHERE needs IN (${missing.map(sqlString).join(", ")})`);
    await db.run(`CREATE TABLE meta AS SELECT * FROM (VALUES
      ('data_source', ${sqlString(options.dataSource)}),
      ('data_dir', ${sqlString(dir)}),
      ('fingerprint', ${sqlString(options.fingerprint)}),
      ('ingested_at', ${sqlString(new Date().toISOString())})
    ) AS t(key, value)`);
    await db.run("CHECKPOINT");
  } finally {
    db.closeSync();
    instance.closeSync();
    rmSync(scratch, {recursive: true, force: true});
  }
}

async function countOf(db: DuckDBConnection, query: string): Promise<number> {
  const reader = await db.runAndReadAll(query);
  return Number(reader.getRows()[0][0]);
}

/** How often a file is repaired and re-read at most: a repair can only uncover what a swallowing quote hid. */
const MAX_REPAIR_PASSES = 4;

async function loadTable(
  db: DuckDBConnection,
  contract: TableContract,
  path: string,
  sha256: string,
  scratch: string
): Promise<void> {
  const file = basename(path);
  const header = await readCsvHeader(path);
  const t = contract.table;
  const names = inputColumns(contract, file, header);
  const select = contract.columns.map((column, i) => `${ident(names[i])} AS ${column}`);

  // DuckDB reads the file while the record count runs beside it. When DuckDB reports an unterminated quote or
  // bytes that are not UTF-8 (or the count finds a quote open at the end), a repaired copy is read instead.
  let source = path;
  let count = await readRaw(db, t, source, header, select);
  const replaced = new Map<number, string>();
  const redecoded = new Map<string, {values: number; examples: RedecodedValue[]}>();
  for (let pass = 1; pass <= MAX_REPAIR_PASSES; ++pass) {
    const repairs = await repairsFound(db, count.unterminatedAt, replaced.size);
    if (!repairs.length) break;
    const copy = join(scratch, `${t}-${pass}.csv`);
    const result = await writeRepairedCopy(source, copy, repairs, header);
    if (source !== path) rmSync(source, {force: true});
    for (const [id, line] of result.replacedLines) replaced.set(id, line);
    for (const [column, entry] of result.redecoded) {
      const total = redecoded.get(column) ?? {values: 0, examples: []};
      total.values += entry.values;
      total.examples.push(...entry.examples.slice(0, 5 - total.examples.length));
      redecoded.set(column, total);
    }
    source = copy;
    count = await readRaw(db, t, source, header, select);
  }
  if (source !== path) rmSync(source, {force: true});
  if (contract.required && count.records === 0)
    throw new InputError(`${file}: the file has a header but no data rows`, file);

  // One reject per line DuckDB could not split (it reports one error per problem, often several per line),
  // numbered like the other rejects: the data record number, header excluded.
  await db.run(sql("warehouse/structural-rejects"), {file, table_name: t, marker: `${MARKER_PREFIX}%`});
  for (const [id, line] of replaced) {
    await db.run(`UPDATE rejects SET value = $line WHERE table_name = $t AND value = $marker`, {
      line,
      t,
      marker: markerLine(id, header.length)
    });
  }
  for (const [column, entry] of [...redecoded].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await db.run(`INSERT INTO redecoded VALUES ($file, $t, $column, $values)`, {file, t, column, values: entry.values});
    for (const example of entry.examples) {
      await db.run(`INSERT INTO redecoded_examples VALUES ($file, $column, $row, $value)`, {
        file,
        column,
        row: example.row,
        value: example.value
      });
    }
  }

  const parsed = await countOf(db, `SELECT count(*) FROM raw_${t}`);
  const structural = await countOf(db, `SELECT count(DISTINCT line) FROM csv_rejects`);
  checkRecordIdentity(file, count.records, parsed, structural);
  await keepChecked(db, contract, file, count.records, fileSize(path), sha256, replaced.size);
}

/** A Parquet file or a database table: read as text, then checked as a CSV is; there is nothing to repair. */
async function loadTyped(
  db: DuckDBConnection,
  contract: TableContract,
  input: TypedInput,
  bytes: number | null,
  sha256: string | null
): Promise<void> {
  const records = await readTyped(db, contract, input);
  if (contract.required && records === 0) throw new InputError(`${input.file}: the table has no rows`, input.file);
  checkRecordIdentity(input.file, records, await countOf(db, `SELECT count(*) FROM raw_${contract.table}`), 0);
  await keepChecked(db, contract, input.file, records, bytes, sha256, 0);
}

/** Runs the row checks on raw_<table> into checked_<table>, records the rejects and the file's counts. */
async function keepChecked(
  db: DuckDBConnection,
  contract: TableContract,
  file: string,
  records: number,
  bytes: number | null,
  sha256: string | null,
  unterminatedQuotes: number
): Promise<void> {
  const t = contract.table;
  await db.run(`CREATE TEMP TABLE checked_${t} AS ${checkedSelect(`raw_${t}`, CHECKS[t])}`);
  await db.run(`INSERT INTO rejects SELECT ${sqlString(file)}, '${t}', source_row, reject_column, reject_reason, reject_value
    FROM checked_${t} WHERE reject_reason IS NOT NULL ORDER BY source_row`);
  const rejected = await countOf(db, `SELECT count(*) FROM rejects WHERE table_name = '${t}'`);
  const kept = await countOf(db, `SELECT count(*) FROM checked_${t} WHERE reject_reason IS NULL`);
  checkRecordIdentity(file, records, kept, rejected);
  await db.run(
    `INSERT INTO input_files VALUES ('${t}', $file, ${contract.required}, true, ${sqlString(contract.disables ?? "")},
    $bytes, $sha256, ${records}, ${kept}, ${rejected}, ${unterminatedQuotes})`,
    {file, bytes, sha256}
  );
}

/**
 * Every record of a file is kept or rejected, once: a gap either way means a reader lost or invented rows, and
 * the build stops rather than publish figures over rows nobody counted.
 */
export function checkRecordIdentity(file: string, records: number, kept: number, rejected: number): void {
  if (records === kept + rejected) return;
  throw new InputError(
    `${file}: ${records} records read but ${kept} kept and ${rejected} rejected (${kept + rejected}): ` +
      `${Math.abs(records - kept - rejected)} rows ${records > kept + rejected ? "lost" : "too many"} by the CSV reader`,
    file
  );
}

/**
 * Reads `source` with DuckDB into raw_<table> (every column as text, the dialect fixed, no sniffing, so that every
 * value reaches the row checks; lines it cannot split go to its reject tables) while counting its records.
 */
async function readRaw(
  db: DuckDBConnection,
  t: string,
  source: string,
  header: string[],
  select: string[]
): Promise<RecordCount> {
  const counting = countCsvRecords(source);
  const columns = header.map((name, i) => `${sqlString(name || `column${i}`)}: 'VARCHAR'`).join(", ");
  await db.run(`DROP TABLE IF EXISTS csv_rejects`);
  await db.run(`DROP TABLE IF EXISTS csv_scans`);
  const read = (strict: boolean) =>
    db.run(`CREATE OR REPLACE TEMP TABLE raw_${t} AS
    SELECT row_number() OVER () AS source_row, ${select.join(", ")}
    FROM read_csv(${sqlString(source)}, auto_detect = false, header = true, delim = ',', quote = '"', escape = '"',
      columns = {${columns}}, store_rejects = true, rejects_table = 'csv_rejects', rejects_scan = 'csv_scans',
      parallel = false, max_line_size = 10000000, strict_mode = ${strict})`);
  try {
    await read(true);
  } catch (error) {
    // Mixed line ends (a CRLF file with LF lines appended by hand) stop DuckDB's strict reader with no line
    // number; the lenient one reads them, and the record identity below still checks that nothing was lost.
    if (!String(error).includes("state machine reached an invalid state")) throw error;
    await db.run(`DROP TABLE IF EXISTS csv_rejects`);
    await db.run(`DROP TABLE IF EXISTS csv_scans`);
    await read(false);
  }
  return counting;
}

/** What the last read reported that a repaired copy fixes, in file order; marker ids continue from `nextId`. */
async function repairsFound(db: DuckDBConnection, unterminatedAt: number | null, nextId: number): Promise<Repair[]> {
  const rows = await db.runAndReadAll(sql("warehouse/repairable-lines"));
  const repairs: Repair[] = rows.getRowObjectsJS().map((row) => {
    const position = Number(row.position);
    return row.unterminated
      ? {kind: "unterminated-quote", position, id: nextId++}
      : {kind: "invalid-encoding", position, row: Number(row.line) - 1};
  });
  // DuckDB reports nothing for a quote left open at the end of the file: the count does.
  if (unterminatedAt != null && !repairs.some((r) => r.position >= unterminatedAt - 1)) {
    repairs.push({kind: "unterminated-quote", position: unterminatedAt, id: nextId++});
  }
  return repairs;
}

async function emptyTable(db: DuckDBConnection, contract: TableContract): Promise<void> {
  const columns = contract.columns.map((column) => `NULL::VARCHAR AS ${column}`).join(", ");
  await db.run(`CREATE TEMP TABLE checked_${contract.table} AS
    SELECT NULL::BIGINT AS source_row, ${columns}, NULL::VARCHAR AS reject_reason WHERE false`);
  await db.run(`INSERT INTO input_files VALUES ('${contract.table}', ${sqlString(contract.file)}, false, false,
    ${sqlString(contract.disables ?? "")}, NULL, NULL, 0, 0, 0, 0)`);
}
