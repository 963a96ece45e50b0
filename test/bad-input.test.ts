// Bad input: missing files or columns stop the ingest with an error naming the file and column; rows that
// cannot be parsed are rejected and counted per reason; orphans are kept and counted.
import {appendFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {dataQuality} from "../loaders/data-quality.js";
import {kpis} from "../loaders/kpis.js";
import {overview} from "../loaders/overview.js";
import {tinyOlist, writeDataset, type Dataset} from "./fixtures/tiny-olist.js";
import {useTempCache, withDir} from "./helpers.js";

beforeAll(() => {
  useTempCache();
});

function mutated(change: (d: Dataset) => void, omit: string[] = []): string {
  const dataset = tinyOlist();
  change(dataset);
  return writeDataset(dataset, omit);
}

const rejectsOf = (dir: string) => withDir(dir, async (w) => (await dataQuality(w)).rejects);
const filesOf = (dir: string) => withDir(dir, async (w) => (await dataQuality(w)).files);
const orphansOf = (dir: string) =>
  withDir(dir, async (w) => Object.fromEntries((await dataQuality(w)).orphans.map((o) => [o.description, o.n])));

describe("errors that stop the build", () => {
  test("a missing required file names the file", async () => {
    const dir = mutated(() => {}, ["order_payments"]);
    await expect(withDir(dir, kpis)).rejects.toThrow(
      `olist_order_payments_dataset.csv (or olist_order_payments_dataset.csv.gz) is required but was not found in ${dir}`
    );
  });

  test("a missing required column names the file and the column", async () => {
    const dir = mutated((d) => {
      d.orders.header[3] = "purchase_time";
    });
    await expect(withDir(dir, kpis)).rejects.toThrow(
      'olist_orders_dataset.csv: required column "order_purchase_timestamp" is missing (header: order_id, customer_id, order_status, purchase_time,'
    );
  });

  test("a required table with a header and no rows is an error", async () => {
    const dir = mutated((d) => {
      d.orders.rows = [];
    });
    await expect(withDir(dir, kpis)).rejects.toThrow(
      "olist_orders_dataset.csv: the file has a header but no data rows"
    );
  });
});

describe("rejected rows, counted per reason", () => {
  test("the clean fixture rejects only the point outside Brazil", async () => {
    const dir = mutated(() => {});
    expect(await rejectsOf(dir)).toEqual([
      {
        file: "olist_geolocation_dataset.csv",
        table_name: "geolocation",
        reason: "coordinates outside Brazil",
        column_name: "geolocation_lat, geolocation_lng",
        rows: 1,
        examples: [{row: 8, value: "42.1849"}]
      }
    ]);
  });

  test("bad timestamp", async () => {
    const dir = mutated((d) => {
      d.orders.rows[2][3] = "2016-13-45 08:30:00";
      d.orders.rows[4][3] = "yesterday";
    });
    const rejects = (await rejectsOf(dir)).filter((r) => r.table_name === "orders");
    expect(rejects).toEqual([
      expect.objectContaining({
        reason: "bad timestamp",
        column_name: "order_purchase_timestamp",
        rows: 2,
        examples: [
          {row: 3, value: "2016-13-45 08:30:00"},
          {row: 5, value: "yesterday"}
        ]
      })
    ]);
    const files = await filesOf(dir);
    expect(files.find((f) => f.table_name === "orders")).toMatchObject({records: 8, kept: 6, rejected: 2});
    // The rejected orders are gone from the KPIs; their items and payments become orphans.
    const k = await withDir(dir, kpis);
    expect(k.orders).toBe(6);
  });

  test("an optional timestamp that does not parse rejects the row too", async () => {
    const dir = mutated((d) => {
      d.orders.rows[0][6] = "2018-02-30 15:00:00";
    });
    const rejects = (await rejectsOf(dir)).filter((r) => r.table_name === "orders");
    expect(rejects).toEqual([
      expect.objectContaining({reason: "bad timestamp", column_name: "order_delivered_customer_date", rows: 1})
    ]);
  });

  test("negative and non-numeric prices", async () => {
    const dir = mutated((d) => {
      d.order_items.rows[0][5] = "-100.00";
      d.order_items.rows[1][5] = "50,00";
      d.order_items.rows[2][5] = "nan";
    });
    const rejects = (await rejectsOf(dir)).filter((r) => r.table_name === "order_items");
    expect(rejects.map((r) => [r.reason, r.column_name, r.rows])).toEqual([
      ["non-numeric value", "price", 2],
      ["negative value", "price", 1]
    ]);
    expect(rejects[0].examples).toEqual([
      {row: 2, value: "50,00"},
      {row: 3, value: "nan"}
    ]);
  });

  test("unknown order status", async () => {
    const dir = mutated((d) => {
      d.orders.rows[0][2] = "lost_in_space";
    });
    const rejects = (await rejectsOf(dir)).filter((r) => r.table_name === "orders");
    expect(rejects).toEqual([
      expect.objectContaining({
        reason: "unknown order status",
        column_name: "order_status",
        rows: 1,
        examples: [{row: 1, value: "lost_in_space"}]
      })
    ]);
  });

  test("a duplicate order id keeps the first row and rejects the others", async () => {
    const dir = mutated((d) => {
      d.orders.rows.push([...d.orders.rows[0]], [...d.orders.rows[0]]);
    });
    const rejects = (await rejectsOf(dir)).filter((r) => r.table_name === "orders");
    expect(rejects).toEqual([
      expect.objectContaining({
        reason: "duplicate order_id",
        column_name: "order_id",
        rows: 2,
        examples: [
          {row: 9, value: "o1"},
          {row: 10, value: "o1"}
        ]
      })
    ]);
    expect((await withDir(dir, kpis)).orders).toBe(8);
  });

  test("a line with too many fields and an unterminated quote at the end are counted, not lost", async () => {
    const dir = mutated(() => {});
    const path = join(dir, "olist_order_payments_dataset.csv");
    appendFileSync(path, 'o9,1,credit_card,1,10.00,extra\n"o10,1,boleto,1,5.00\n');
    const rejects = (await rejectsOf(dir)).filter((r) => r.table_name === "order_payments");
    expect(rejects.map((r) => [r.reason, r.rows])).toEqual([
      ["malformed CSV line (too many columns)", 1],
      ["unreadable record (unbalanced quotes?)", 1]
    ]);
    const payments = (await filesOf(dir)).find((f) => f.table_name === "order_payments");
    expect(payments).toMatchObject({records: 11, kept: 9, rejected: 2});
  });
});

describe("orphans are kept and counted", () => {
  test("an item whose order is unknown, an order whose customer is unknown", async () => {
    const dir = mutated((d) => {
      d.order_items.rows.push(["ghost", "1", "p1", "s1", "2018-01-15 10:00:00", "10.00", "1.00"]);
      d.orders.rows.push(["o99", "nobody", "delivered", "2018-03-01 10:00:00", "", "", "", ""]);
    });
    expect(await orphansOf(dir)).toMatchObject({
      "items whose order is unknown": 1,
      "orders whose customer is unknown": 1,
      "orders without items": 1,
      "orders without payments": 1,
      "items whose product is unknown": 0,
      "categories without an English name": 1 // pc_gamer
    });
    const k = await withDir(dir, kpis);
    expect(k.orders).toBe(9); // the orphan order is kept
    expect(k.customers).toBe(5); // but has no known person
  });

  test("missing optional files are listed with what they disable, and their checks are skipped", async () => {
    const dir = mutated(() => {}, ["products", "geolocation"]);
    const files = await filesOf(dir);
    expect(files.filter((f) => !f.present).map((f) => f.file)).toEqual([
      "olist_products_dataset.csv",
      "olist_geolocation_dataset.csv"
    ]);
    const orphans = await orphansOf(dir);
    expect(orphans).not.toHaveProperty("items whose product is unknown");
    expect(orphans).not.toHaveProperty("customer zip prefixes without coordinates");
    // The overview says why it has no categories instead of failing.
    const o = await withDir(dir, overview);
    expect(o.categories).toBeNull();
    expect(o.categories_missing).toBe("olist_products_dataset.csv is absent, so orders have no category");
  });
});

describe("real format quirks", () => {
  test("gzip input, corrected column spellings and a BOM are accepted", async () => {
    const {gzipSync} = await import("node:zlib");
    const {readFileSync, rmSync} = await import("node:fs");
    const dir = mutated((d) => {
      d.products.header[2] = "product_name_length";
      d.products.header[3] = "Product_Description_Length";
    });
    const orders = join(dir, "olist_orders_dataset.csv");
    writeFileSync(`${orders}.gz`, gzipSync(readFileSync(orders)));
    rmSync(orders);
    const k = await withDir(dir, kpis);
    expect(k.orders).toBe(8);
    expect(await rejectsOf(dir)).toHaveLength(1); // only the point outside Brazil
  });
});
