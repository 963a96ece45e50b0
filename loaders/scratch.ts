// A scratch table: rows computed in JavaScript, appended a chunk at a time to a DuckDB database on disk (with a
// memory limit and a spill folder), so that per-person outputs of any size are sorted and written by DuckDB
// without ever being one array in the heap. ParquetWriter (parquet.ts) and the lookup pack writer (lookup.ts)
// are built on it.
import {mkdirSync, rmSync} from "node:fs";
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

/** Column name → DuckDB type ("VARCHAR", "DOUBLE", "INTEGER", "BOOLEAN", "DATE", "VARCHAR[]"…), in order. */
export type ScratchColumns = Readonly<Record<string, string>>;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const quoteString = (text: string) => `'${text.replace(/'/g, "''")}'`;
let count = 0;

export class ScratchTable<Row extends Record<string, unknown>> {
  private pending: Row[] = [];
  private appended = 0;
  private closed = false;

  private constructor(
    private readonly path: string,
    private readonly spill: string,
    private readonly names: string[],
    private readonly instance: DuckDBInstance,
    /** The scratch database, with the table `rows`. */
    readonly db: DuckDBConnection,
    private readonly appender: DuckDBAppender,
    private readonly types: DuckDBType[],
    private readonly chunkRows: number
  ) {}

  static async create<Row extends Record<string, unknown>>(
    columns: ScratchColumns,
    chunkRows = 2048
  ): Promise<ScratchTable<Row>> {
    const names = Object.keys(columns);
    if (names.length === 0) throw new Error("scratch table: no columns");
    const dir = join(cacheDir(), "tmp");
    mkdirSync(dir, {recursive: true});
    const id = `${process.pid}-${++count}`;
    const path = join(dir, `scratch-${id}.duckdb`);
    const spill = join(dir, `spill-${id}`);
    rmSync(path, {force: true});
    const instance = await DuckDBInstance.create(path, duckdbSettings(spill));
    const db = await instance.connect();
    await db.run(`CREATE TABLE rows (${names.map((name) => `${quoteIdent(name)} ${columns[name]}`).join(", ")})`);
    const appender = await db.createAppender("rows");
    const types = (await db.runAndReadAll("SELECT * FROM rows LIMIT 0")).columnTypes();
    return new ScratchTable<Row>(path, spill, names, instance, db, appender, types, chunkRows);
  }

  /** Adds rows; they reach DuckDB a chunk at a time, so the table itself holds at most one chunk in the heap. */
  append(rows: readonly Row[]): void {
    for (const row of rows) {
      this.pending.push(row);
      if (this.pending.length >= this.chunkRows) this.flush();
    }
  }

  /** Rows appended so far. */
  get size(): number {
    return this.appended + this.pending.length;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const chunk = DuckDBDataChunk.create(this.types, this.pending.length);
    chunk.setRowsConverted(
      this.pending.map((row) => this.names.map((name) => (row[name] ?? null) as JS)),
      JSToDuckDBValueConverter
    );
    this.appender.appendDataChunk(chunk);
    this.appended += this.pending.length;
    this.pending = [];
  }

  /** Ends appending: after this, query `rows` through `db`. */
  finish(): void {
    if (this.closed) return;
    this.flush();
    this.appender.closeSync();
    this.closed = true;
  }

  /** Closes and deletes the scratch database. */
  dispose(): void {
    try {
      if (!this.closed) this.appender.closeSync();
    } catch {
      // the appender failed already; the database is dropped anyway
    }
    this.db.closeSync();
    this.instance.closeSync();
    for (const file of [this.path, `${this.path}.wal`, this.spill]) rmSync(file, {recursive: true, force: true});
  }
}
