// Typed inputs: the hand-made dataset as Parquet files typed by DuckDB (as a warehouse export would be) and as the
// tables of a DuckDB database gives the same KPIs, overview and per-file counts as its CSVs; a bad value is a
// counted reject with its row; two copies of a table and a missing column stop the build.
import {copyFileSync, mkdtempSync, readdirSync, renameSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {dataSource, type DataSource} from "../loaders/config.js";
import {dataQuality} from "../loaders/data-quality.js";
import {kpis} from "../loaders/kpis.js";
import {overview} from "../loaders/overview.js";
import {hashFile} from "../loaders/fingerprint.js";
import {openWarehouse} from "../loaders/warehouse/warehouse.js";
import {tinyOlist, writeDataset, type Dataset} from "./fixtures/tiny-olist.js";
import {filesSource, useTempCache} from "./helpers.js";

const TZ = process.env.TZ;
beforeAll(() => {
  useTempCache();
  // DuckDB writes an instant in the session's time zone: away from UTC, a TIMESTAMPTZ read as plain text would
  // shift every purchase by three hours.
  process.env.TZ = "America/Sao_Paulo";
});
afterAll(() => {
  process.env.TZ = TZ;
});

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The columns of an export that DuckDB would not type by itself from the CSVs, as a warehouse may write them. */
const EXPORTED: Record<string, string> = {
  // An instant (BigQuery TIMESTAMP, Snowflake TIMESTAMP_TZ) and Spark's nanoseconds; a corrected column spelling.
  olist_orders_dataset: `* REPLACE (timezone('UTC', order_purchase_timestamp) AS order_purchase_timestamp,
    CAST(order_approved_at AS TIMESTAMP_NS) AS order_approved_at)`,
  olist_products_dataset: `* RENAME (product_name_lenght AS Product_Name_Length)`
};

async function withDuckDB(fn: (run: (query: string) => Promise<unknown>) => Promise<void>): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    await fn((query) => db.run(query));
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/** Each CSV in `dir`, typed by DuckDB's sniffer, as `<name>.parquet` in a new folder (or in `into`). */
async function asParquet(dir: string, select = EXPORTED, into = mkdtempSync(join(tmpdir(), "olist-parquet-"))) {
  await withDuckDB(async (run) => {
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".csv"))) {
      const name = file.replace(/\.csv$/, "");
      await run(`COPY (SELECT ${select[name] ?? "*"} FROM read_csv_auto(${sqlString(join(dir, file))}))
        TO ${sqlString(join(into, `${name}.parquet`))} (FORMAT parquet)`);
    }
  });
  return into;
}

/** Each CSV in `dir`, typed by DuckDB's sniffer, as a table named like the file in a new DuckDB database. */
async function asDatabase(dir: string): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "olist-db-")), "shop.duckdb");
  await withDuckDB(async (run) => {
    await run(`ATTACH ${sqlString(path)} AS shop`);
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".csv"))) {
      await run(
        `CREATE TABLE shop.${file.replace(/\.csv$/, "")} AS SELECT * FROM read_csv_auto(${sqlString(join(dir, file))})`
      );
    }
    await run(`DETACH shop`);
  });
  return path;
}

/** What the site shows of an input; same() leaves out what names the input (file names, source, fingerprint). */
async function figures(source: DataSource) {
  const warehouse = await openWarehouse(source, () => {});
  try {
    const quality = await dataQuality(warehouse);
    const {data_source: _, fingerprint: __, ...k} = await kpis(warehouse);
    return {
      fingerprint: warehouse.fingerprint,
      kpis: k,
      overview: await overview(warehouse),
      files: quality.files.map(({table_name, present, records, kept, rejected}) => ({
        table_name,
        present,
        records,
        kept,
        rejected
      })),
      rejects: quality.rejects.map(({file: _, ...group}) => group),
      filesByName: quality.files.map((f) => f.file),
      sha256: quality.files.map((f) => f.sha256)
    };
  } finally {
    warehouse.close();
  }
}

const same = (a: Awaited<ReturnType<typeof figures>>) => ({
  kpis: a.kpis,
  overview: a.overview,
  files: a.files,
  rejects: a.rejects
});

function mutated(change: (d: Dataset) => void): string {
  const dataset = tinyOlist();
  change(dataset);
  return writeDataset(dataset);
}

describe("Parquet files and a DuckDB database give what the CSVs give", () => {
  let csv: Awaited<ReturnType<typeof figures>>;
  let dir: string;
  beforeAll(async () => {
    dir = writeDataset(tinyOlist());
    csv = await figures(filesSource(dir));
  });

  test("typed Parquet files (an instant, nanoseconds, a corrected column name)", async () => {
    const parquet = await figures(filesSource(await asParquet(dir)));
    expect(same(parquet)).toEqual(same(csv));
    expect(parquet.kpis).toMatchObject({first_purchase: "2016-10-01 08:30:00", customers: 5, revenue_payments: 794});
    expect(parquet.filesByName).toContain("olist_orders_dataset.parquet");
    expect(parquet.files.find((f) => f.table_name === "geolocation")).toEqual({
      table_name: "geolocation",
      present: true,
      records: 8,
      kept: 7,
      rejected: 1
    });
  });

  test("the tables of a DuckDB database (OLIST_DUCKDB), with a fingerprint that follows the file", async () => {
    const path = await asDatabase(dir);
    const source = dataSource({OLIST_DUCKDB: path});
    expect(source).toMatchObject({name: "shop.duckdb", kind: "duckdb", dir: path});
    const database = await figures(source);
    expect(same(database)).toEqual(same(csv));
    expect(database.filesByName).toContain("shop.duckdb:olist_orders_dataset");
    expect(new Set(database.sha256)).toEqual(new Set([await hashFile(path)])); // every table is in that file

    await withDuckDB(async (run) => {
      await run(`ATTACH ${sqlString(path)} AS shop`);
      await run(`UPDATE shop.olist_order_payments_dataset SET payment_value = payment_value + 6 WHERE order_id = 'o1'`);
      await run(`DETACH shop`);
    });
    const changed = await figures(source);
    expect(changed.fingerprint).not.toBe(database.fingerprint);
    expect(changed.kpis.revenue_payments).toBe(800);
  });

  test("OLIST_DATA_DIR and OLIST_DUCKDB together are an error", () => {
    expect(() => dataSource({OLIST_DATA_DIR: dir, OLIST_DUCKDB: "x.duckdb"})).toThrow(
      "OLIST_DATA_DIR and OLIST_DUCKDB are both set: set one of them"
    );
  });
});

describe("bad typed input", () => {
  test("a negative price and a review score of 9 are counted rejects with their rows", async () => {
    const dir = mutated((d) => {
      d.order_items.rows[2][5] = "-30.00";
      d.order_reviews.rows[1][2] = "9";
    });
    for (const source of [filesSource(await asParquet(dir, {})), dataSource({OLIST_DUCKDB: await asDatabase(dir)})]) {
      const {rejects, files} = await figures(source);
      expect(rejects.filter((r) => r.table_name !== "geolocation")).toEqual([
        {
          table_name: "order_items",
          reason: "negative value",
          column_name: "price",
          rows: 1,
          examples: [{row: 3, value: "-30.0"}]
        },
        {
          table_name: "order_reviews",
          reason: "review score not 1–5",
          column_name: "review_score",
          rows: 1,
          examples: [{row: 2, value: "9"}]
        }
      ]);
      expect(files.filter((f) => f.rejected > 0 && f.table_name !== "geolocation")).toEqual([
        {table_name: "order_items", present: true, records: 9, kept: 8, rejected: 1},
        {table_name: "order_reviews", present: true, records: 3, kept: 2, rejected: 1}
      ]);
    }
  });

  test("a .csv and a .parquet of one table name both files", async () => {
    const dir = writeDataset(tinyOlist());
    const orders = await asParquet(dir, {});
    copyFileSync(join(orders, "olist_orders_dataset.parquet"), join(dir, "olist_orders_dataset.parquet"));
    await expect(figures(filesSource(dir))).rejects.toThrow(
      `olist_orders_dataset.csv and olist_orders_dataset.parquet are both in ${dir}: two copies of the orders table; keep one of them`
    );
  });

  test("a Parquet file without a required column names the file and the column", async () => {
    const dir = await asParquet(writeDataset(tinyOlist()), {
      olist_orders_dataset: "* RENAME (order_purchase_timestamp AS purchase_time)"
    });
    const failure = figures(filesSource(dir));
    await expect(failure).rejects.toThrow(
      'olist_orders_dataset.parquet: required column "order_purchase_timestamp" is missing (header: order_id, customer_id, order_status, purchase_time,'
    );
    await expect(failure).rejects.toMatchObject({
      name: "InputError",
      file: "olist_orders_dataset.parquet",
      column: "order_purchase_timestamp"
    });
  });

  test("an empty required Parquet table is an error", async () => {
    const dir = await asParquet(writeDataset(tinyOlist()), {});
    const orders = join(dir, "olist_orders_dataset.parquet");
    await withDuckDB(async (run) => {
      await run(
        `COPY (SELECT * FROM ${sqlString(orders)} LIMIT 0) TO ${sqlString(`${orders}.empty`)} (FORMAT parquet)`
      );
    });
    renameSync(`${orders}.empty`, orders);
    await expect(figures(filesSource(dir))).rejects.toThrow("olist_orders_dataset.parquet: the table has no rows");
  });
});
