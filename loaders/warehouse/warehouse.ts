// Opens the warehouse read-only, building it first if needed. The database file is named by a fingerprint of
// the input files and of the ingest code, so changed CSVs or code never serve stale tables, and a lock makes
// parallel loader processes ingest once.
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {createHash} from "node:crypto";
import {DuckDBInstance, JSDuckDBValueConverter, type DuckDBConnection, type DuckDBValue} from "@duckdb/node-api";
import {cacheDir, dataSource, isMotherDuck, type DataSource} from "../config.js";
import {chooseAnalysisDate, type AnalysisDateChoice} from "../analysis-date.js";
import {buildOnce} from "../lock.js";
import {ensureSynthetic} from "../synthetic.js";
import {CONTRACT} from "./contract.js";
import {hashFile, hashSources, listFiles} from "../fingerprint.js";
import {ingest, locateInput} from "./ingest.js";

const HERE = dirname(fileURLToPath(import.meta.url));
/** How many warehouses (fingerprints) to keep in the cache before pruning the oldest. */
const KEEP_WAREHOUSES = 6;

export type Row = Record<string, unknown>;

export class Warehouse {
  constructor(
    private readonly instance: DuckDBInstance,
    private readonly db: DuckDBConnection,
    readonly source: DataSource,
    readonly path: string,
    readonly fingerprint: string
  ) {}

  /** Runs SQL with optional named parameters ($name) and returns plain rows (BIGINT → number, dates → ISO). */
  async query<T = Row>(sql: string, params?: Record<string, DuckDBValue>): Promise<T[]> {
    const reader = await this.db.runAndReadAll(sql, params);
    return reader.getRowObjectsJS().map((row) => plain(row) as T);
  }

  /**
   * A query's rows in chunks of about `chunkRows`, converted as query() converts them: a result larger than
   * memory is read a chunk at a time (DuckDB streams it), never as one array.
   */
  async *stream<T = Row>(sql: string, params?: Record<string, DuckDBValue>, chunkRows = 50_000): AsyncGenerator<T[]> {
    const result = await this.db.stream(sql, params);
    const names = result.deduplicatedColumnNames();
    let rows: T[] = [];
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      for (const values of chunk.convertRows(JSDuckDBValueConverter)) {
        rows.push(plain(Object.fromEntries(names.map((name, i) => [name, values[i]]))) as T);
        if (rows.length >= chunkRows) {
          yield rows;
          rows = [];
        }
      }
    }
    if (rows.length) yield rows;
  }

  /** The result of a query as a Parquet file's bytes (DuckDB writes it; the loader prints it to stdout). */
  async parquet(sql: string, params?: Record<string, DuckDBValue>): Promise<Buffer> {
    const dir = mkdtempSync(join(tmpdir(), "olist-parquet-"));
    const file = join(dir, "out.parquet");
    try {
      await this.db.run(
        `COPY (${sql.trim().replace(/;$/, "")}) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`,
        params
      );
      return readFileSync(file);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  }

  private choice?: Promise<AnalysisDateChoice>;

  /** The analysis date, why it was chosen and the purchases the default rule ignores (loaders/analysis-date.ts). */
  analysisDateChoice(): Promise<AnalysisDateChoice> {
    this.choice ??= chooseAnalysisDate(this);
    return this.choice;
  }

  /** The analysis date as YYYY-MM-DD: ANALYSIS_DATE, else the default rule of loaders/analysis-date.ts. */
  async analysisDate(): Promise<string> {
    return (await this.analysisDateChoice()).analysis_date;
  }

  /** Whether an optional input file was present (required files always are, or ingest stopped). */
  async hasInput(table: string): Promise<boolean> {
    const rows = await this.query<{present: boolean}>(`SELECT present FROM input_files WHERE table_name = $table`, {
      table
    });
    return rows[0]?.present ?? false;
  }

  close(): void {
    this.db.closeSync();
    this.instance.closeSync();
  }
}

function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** The code whose changes must rebuild the warehouse: the ingest code in this folder and its SQL. */
function ingestCodeHash(): string {
  const sqlDir = join(HERE, "..", "sql", "warehouse");
  return (
    hashSources(
      HERE,
      listFiles(HERE, (name) => name.endsWith(".ts"))
    ) +
    hashSources(
      sqlDir,
      listFiles(sqlDir, () => true)
    )
  );
}

export async function openWarehouse(
  source: DataSource = dataSource(),
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)
): Promise<Warehouse> {
  const dataDir = source.kind === "synthetic" ? await ensureSynthetic(source, log) : source.dir;
  const hash = createHash("sha256").update(ingestCodeHash());
  const hashes: Record<string, string> = {};
  // A MotherDuck database has no file to hash: its warehouse changes only with its path and the ingest code
  // (README, "Larger data"). A local database is its file and any write-ahead log not yet checkpointed into it.
  if (isMotherDuck(dataDir)) hash.update(`${dataDir}\n`);
  else if (source.kind === "duckdb") {
    for (const file of [dataDir, `${dataDir}.wal`].filter((file) => existsSync(file))) {
      hash.update(`${basename(file)}:${(hashes[file] = await hashFile(file))}\n`);
    }
  } else {
    for (const contract of CONTRACT) {
      const path = locateInput(dataDir, contract);
      if (!path) continue;
      // Synthetic files are a pure function of the generator code, scale and seed, all in dataDir's name.
      const content = source.kind === "synthetic" ? basename(dataDir) : (hashes[path] = await hashFile(path));
      hash.update(`${basename(path)}:${content}\n`);
    }
  }
  const fingerprint = hash.digest("hex").slice(0, 20);
  const folder = join(cacheDir(), "warehouse");
  mkdirSync(folder, {recursive: true});
  const path = join(folder, `${source.name.replace(/[^\w.-]/g, "_")}-${fingerprint}.duckdb`);
  await buildOnce(path, async () => {
    const started = Date.now();
    log(`warehouse: ingesting ${dataDir} (fingerprint ${fingerprint})`);
    const tmp = `${path}.tmp-${process.pid}`;
    rmSync(tmp, {force: true});
    try {
      await ingest(tmp, {
        dataDir,
        database: source.kind === "duckdb",
        dataSource: source.name,
        fingerprint,
        hashes: source.kind === "synthetic" ? undefined : hashes,
        log
      });
      renameSync(tmp, path);
    } finally {
      rmSync(tmp, {force: true});
      rmSync(`${tmp}.wal`, {force: true});
    }
    log(`warehouse: ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    prune(folder, path);
  });
  const instance = await DuckDBInstance.create(path, {access_mode: "READ_ONLY"});
  return new Warehouse(instance, await instance.connect(), source, path, fingerprint);
}

/** Keeps the newest warehouses; older fingerprints are dead weight (each is tens of MB). */
function prune(folder: string, keep: string): void {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(".duckdb"))
    .map((name) => join(folder, name))
    .filter((file) => file !== keep)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const file of files.slice(KEEP_WAREHOUSES - 1)) rmSync(file, {force: true});
}

/** Runs `fn` with an open warehouse and always closes it: the shape of every loader. */
export async function withWarehouse<T>(fn: (warehouse: Warehouse) => Promise<T>): Promise<T> {
  const warehouse = await openWarehouse();
  try {
    return await fn(warehouse);
  } finally {
    warehouse.close();
  }
}
