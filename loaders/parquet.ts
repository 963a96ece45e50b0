// The one way rows computed in JavaScript become a Parquet file: a ParquetWriter takes them in chunks, keeps them
// in a scratch DuckDB database on disk (with a memory limit and a spill directory, so its size is bounded by the
// disk, not by the heap) and writes the file with DuckDB's COPY, sorted if asked. Query results go straight to
// Parquet with Warehouse.parquet(sql) (the same COPY); nothing else writes Parquet.
import {mkdirSync, readFileSync, renameSync, rmSync} from "node:fs";
import {join} from "node:path";
import {
  DuckDBDataChunk,
  DuckDBInstance,
  JSToDuckDBValueConverter,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBType,
  type JS
} from "@duckdb/node-api";
import {cacheDir} from "./config.js";
import {duckdbSettings} from "./duckdb-settings.js";

/** DuckDB column types a writer accepts, e.g. "VARCHAR", "DOUBLE", "INTEGER", "BOOLEAN", "DATE", "VARCHAR[]". */
export type ColumnType = string;
/** Column name → type, in file order. */
export type ParquetColumns = Readonly<Record<string, ColumnType>>;

export interface ParquetWriterOptions {
  /** SQL ORDER BY clause over the columns (e.g. "value_at_risk DESC, customer_unique_id"); insertion order if absent. */
  orderBy?: string;
  /** Rows per DuckDB chunk (DuckDB's vector size is 2,048). */
  chunkRows?: number;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteString = (text: string) => `'${text.replace(/'/g, "''")}'`;
let scratchCount = 0;

export class ParquetWriter<Row extends Record<string, unknown>> {
  private pending: Row[] = [];
  private written = 0;

  private constructor(
    private readonly file: string,
    private readonly columns: ParquetColumns,
    private readonly options: ParquetWriterOptions,
    private readonly scratch: string,
    private readonly instance: DuckDBInstance,
    private readonly db: DuckDBConnection,
    private readonly appender: DuckDBAppender,
    private readonly types: DuckDBType[]
  ) {}

  /** A writer for `file` (written on close(), atomically: a reader never sees half a file). */
  static async create<Row extends Record<string, unknown>>(
    file: string,
    columns: ParquetColumns,
    options: ParquetWriterOptions = {}
  ): Promise<ParquetWriter<Row>> {
    const names = Object.keys(columns);
    if (names.length === 0) throw new Error(`ParquetWriter ${file}: no columns`);
    const dir = join(cacheDir(), "tmp");
    mkdirSync(dir, {recursive: true});
    const scratch = join(dir, `parquet-${process.pid}-${++scratchCount}.duckdb`);
    rmSync(scratch, {force: true});
    const instance = await DuckDBInstance.create(scratch, duckdbSettings(join(dir, `spill-${process.pid}`)));
    const db = await instance.connect();
    const definition = names.map((name) => `${quoteIdent(name)} ${columns[name]}`).join(", ");
    await db.run(`CREATE TABLE rows (${definition})`);
    const appender = await db.createAppender("rows");
    const types = (await db.runAndReadAll("SELECT * FROM rows LIMIT 0")).columnTypes();
    return new ParquetWriter<Row>(file, columns, options, scratch, instance, db, appender, types);
  }

  /** Adds rows; they reach DuckDB a chunk at a time, so the writer itself holds at most one chunk. */
  append(rows: readonly Row[]): void {
    for (const row of rows) {
      this.pending.push(row);
      if (this.pending.length >= (this.options.chunkRows ?? 2048)) this.flush();
    }
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const names = Object.keys(this.columns);
    const chunk = DuckDBDataChunk.create(this.types, this.pending.length);
    const values = this.pending.map((row) => names.map((name) => (row[name] ?? null) as JS));
    chunk.setRowsConverted(values, JSToDuckDBValueConverter);
    this.appender.appendDataChunk(chunk);
    this.written += this.pending.length;
    this.pending = [];
  }

  /** Writes the file and removes the scratch database; returns the number of rows. */
  async close(): Promise<number> {
    try {
      this.flush();
      this.appender.closeSync();
      const tmp = `${this.file}.tmp-${process.pid}`;
      const order = this.options.orderBy ? ` ORDER BY ${this.options.orderBy}` : "";
      await this.db.run(`COPY (SELECT * FROM rows${order}) TO ${quoteString(tmp)} (FORMAT parquet, COMPRESSION zstd)`);
      renameSync(tmp, this.file);
      return this.written;
    } finally {
      this.dispose();
    }
  }

  /** Drops everything written so far (after an error): no file is left behind. */
  abort(): void {
    this.dispose();
  }

  private dispose(): void {
    try {
      this.db.closeSync();
      this.instance.closeSync();
    } catch {
      // already closed
    }
    rmSync(this.scratch, {force: true});
    rmSync(`${this.scratch}.wal`, {force: true});
    rmSync(join(cacheDir(), "tmp", `spill-${process.pid}`), {recursive: true, force: true});
  }
}

/** Writes rows, given in chunks (an array of chunks, or a generator that computes them), to a Parquet file. */
export async function writeParquet<Row extends Record<string, unknown>>(
  file: string,
  columns: ParquetColumns,
  chunks: Iterable<readonly Row[]> | AsyncIterable<readonly Row[]>,
  options: ParquetWriterOptions = {}
): Promise<number> {
  const writer = await ParquetWriter.create<Row>(file, columns, options);
  try {
    for await (const chunk of chunks) writer.append(chunk);
  } catch (error) {
    writer.abort();
    throw error;
  }
  return writer.close();
}

/** The same, as the file's bytes: for a loader that prints a small Parquet file to stdout. */
export async function parquetBytes<Row extends Record<string, unknown>>(
  columns: ParquetColumns,
  chunks: Iterable<readonly Row[]> | AsyncIterable<readonly Row[]>,
  options: ParquetWriterOptions = {}
): Promise<Buffer> {
  const dir = join(cacheDir(), "tmp");
  mkdirSync(dir, {recursive: true});
  const file = join(dir, `bytes-${process.pid}-${++scratchCount}.parquet`);
  try {
    await writeParquet(file, columns, chunks, options);
    return readFileSync(file);
  } finally {
    rmSync(file, {force: true});
  }
}
