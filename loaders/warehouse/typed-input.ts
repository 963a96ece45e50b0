// Tables that arrive typed instead of as CSV text: a Parquet file (a BigQuery, Snowflake or Spark export) or a table
// of an existing DuckDB database. Each is read into raw_<table> with every column as text, numbered by its stored
// position, so that the row checks of checks.ts judge it exactly as they judge a CSV. No CSV reader is involved, so
// there are no structural rejects: every row is kept or rejected by those checks.
import {basename} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {ident, sqlString} from "../sql.js";
import {inputColumns, type TableContract} from "./contract.js";

/** The schema an input database is attached as. */
export const INPUT_DB = "olist_input";

export interface TypedInput {
  /** How messages and the data-quality page name it: the file, or database:table. */
  file: string;
  /** What the rows are read FROM. */
  relation: string;
  /**
   * The column of each row's 0-based position as stored: a reject's row number is it plus one, without sorting
   * the table. For a database table it is DuckDB's rowid, which skips the numbers of deleted rows.
   */
  position: string;
}

export function parquetInput(path: string): TypedInput {
  return {
    file: basename(path),
    // Older Spark and Hive writers store text without the UTF-8 annotation; it is text all the same.
    relation: `read_parquet(${sqlString(path)}, file_row_number = true, binary_as_string = true)`,
    position: "file_row_number"
  };
}

export function databaseInput(database: string, table: string): TypedInput {
  return {file: `${basename(database)}:${table}`, relation: `${INPUT_DB}.main.${ident(table)}`, position: "rowid"};
}

/** The name of the database table holding a contract's table (names are case-insensitive in DuckDB), or null. */
export async function locateTable(db: DuckDBConnection, name: string): Promise<string | null> {
  const rows = await db.runAndReadAll(
    `SELECT table_name FROM duckdb_tables() WHERE database_name = $db AND schema_name = 'main' AND lower(table_name) = $name`,
    {db: INPUT_DB, name}
  );
  return rows.getRows().length ? String(rows.getRows()[0][0]) : null;
}

/**
 * The text a CSV export would hold for a typed value. An instant (TIMESTAMPTZ) is written as its UTC time: DuckDB's
 * own text for it depends on the session's time zone, and Olist's zone-less times exported from a warehouse are
 * UTC instants. Other precisions become the microsecond TIMESTAMP that the checks and the typed tables use, so
 * the raw text is the value kept. Fractions of a second stay, as they would in a CSV.
 */
function asText(column: string, type: string): string {
  if (type === "TIMESTAMP WITH TIME ZONE") return `CAST(timezone('UTC', ${column}) AS VARCHAR)`;
  if (/^TIMESTAMP_(NS|MS|S)$/.test(type)) return `CAST(CAST(${column} AS TIMESTAMP) AS VARCHAR)`;
  return `CAST(${column} AS VARCHAR)`;
}

/** Reads `input` into raw_<table> (source_row, then the contract's columns as text); returns its record count. */
export async function readTyped(db: DuckDBConnection, contract: TableContract, input: TypedInput): Promise<number> {
  const described = await db.runAndReadAll(`DESCRIBE SELECT * FROM ${input.relation}`);
  const types = new Map(
    described
      .getRowObjectsJS()
      .filter((row) => row.column_name !== input.position)
      .map((row) => [String(row.column_name), String(row.column_type)])
  );
  const names = inputColumns(contract, input.file, [...types.keys()]);
  const select = contract.columns.map((column, i) => `${asText(ident(names[i]), types.get(names[i])!)} AS ${column}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE raw_${contract.table} AS
    SELECT ${input.position} + 1 AS source_row, ${select.join(", ")} FROM ${input.relation}`);
  const reader = await db.runAndReadAll(`SELECT count(*) FROM ${input.relation}`);
  return Number(reader.getRows()[0][0]);
}
