// The one way rows computed in JavaScript become a Parquet file: a ParquetWriter takes them in chunks into a
// scratch table (scratch.ts: DuckDB on disk, bounded memory) and writes the file with DuckDB's COPY, sorted if
// asked. Query results go straight to Parquet with Warehouse.parquet(sql) (the same COPY); nothing else writes
// Parquet.
import {mkdirSync, readFileSync, renameSync, rmSync} from "node:fs";
import {join} from "node:path";
import {cacheDir} from "./config.js";
import {quoteString, ScratchTable, type ScratchColumns} from "./scratch.js";

/** Column name → DuckDB type, in file order. */
export type ParquetColumns = ScratchColumns;

export interface ParquetWriterOptions {
  /** SQL ORDER BY clause over the columns (e.g. "value_at_risk DESC, customer_unique_id"); insertion order if absent. */
  orderBy?: string;
  /** Rows per DuckDB chunk (DuckDB's vector size is 2,048). */
  chunkRows?: number;
}

let count = 0;

export class ParquetWriter<Row extends Record<string, unknown>> {
  private constructor(
    private readonly file: string,
    private readonly table: ScratchTable<Row>,
    private readonly orderBy: string | undefined
  ) {}

  /** A writer for `file` (written on close(), atomically: a reader never sees half a file). */
  static async create<Row extends Record<string, unknown>>(
    file: string,
    columns: ParquetColumns,
    options: ParquetWriterOptions = {}
  ): Promise<ParquetWriter<Row>> {
    return new ParquetWriter(file, await ScratchTable.create<Row>(columns, options.chunkRows), options.orderBy);
  }

  append(rows: readonly Row[]): void {
    this.table.append(rows);
  }

  /** Writes the file and removes the scratch database; returns the number of rows. */
  async close(): Promise<number> {
    try {
      this.table.finish();
      const tmp = `${this.file}.tmp-${process.pid}`;
      const order = this.orderBy ? ` ORDER BY ${this.orderBy}` : "";
      await this.table.db.run(
        `COPY (SELECT * FROM rows${order}) TO ${quoteString(tmp)} (FORMAT parquet, COMPRESSION zstd)`
      );
      renameSync(tmp, this.file);
      return this.table.size;
    } finally {
      this.table.dispose();
    }
  }

  /** Drops everything written so far (after an error): no file is left behind. */
  abort(): void {
    this.table.dispose();
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
  const file = join(dir, `bytes-${process.pid}-${++count}.parquet`);
  try {
    await writeParquet(file, columns, chunks, options);
    return readFileSync(file);
  } finally {
    rmSync(file, {force: true});
  }
}
