// Bad input: missing files or columns stop the ingest with an error naming the file and column; rows that
// cannot be parsed are rejected and counted per reason; orphans are kept and counted.
import {appendFileSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {dataQuality} from "../loaders/data-quality.js";
import {kpis} from "../loaders/kpis.js";
import {checkRecordIdentity} from "../loaders/warehouse/ingest.js";
import {generateOlist} from "../loaders/synth/generate.js";
import type {DataQuality} from "../lib/contracts/data-quality.js";
import {copyOf, DAMAGE_KINDS} from "./fixtures/damaged-inputs.js";
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
      `olist_order_payments_dataset.csv (or olist_order_payments_dataset.csv.gz, or olist_order_payments_dataset.parquet) is required but was not found in ${dir}`
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

  test("two copies of one table (plain and gzip) name both files", async () => {
    const {gzipSync} = await import("node:zlib");
    const {readFileSync} = await import("node:fs");
    const dir = mutated(() => {});
    const orders = join(dir, "olist_orders_dataset.csv");
    writeFileSync(`${orders}.gz`, gzipSync(readFileSync(orders)));
    await expect(withDir(dir, kpis)).rejects.toThrow(
      `olist_orders_dataset.csv and olist_orders_dataset.csv.gz are both in ${dir}: two copies of the orders table; keep one of them`
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
      ["unterminated quote (this line is rejected, the lines after it are read again)", 1]
    ]);
    expect(rejects[1].examples).toEqual([{row: 11, value: '"o10,1,boleto,1,5.00'}]);
    const payments = (await filesOf(dir)).find((f) => f.table_name === "order_payments");
    expect(payments).toMatchObject({records: 11, kept: 9, rejected: 2});
  });
});

describe("every record is kept or rejected once (RFC 4180 records)", () => {
  test("a broken identity (records read ≠ kept + rejected) stops the build, either way", () => {
    expect(() => checkRecordIdentity("x.csv", 10, 7, 3)).not.toThrow();
    expect(() => checkRecordIdentity("x.csv", 10, 6, 3)).toThrow(
      "x.csv: 10 records read but 6 kept and 3 rejected (9): 1 rows lost by the CSV reader"
    );
    expect(() => checkRecordIdentity("x.csv", 1055, 1997, 0)).toThrow(
      "x.csv: 1055 records read but 1997 kept and 0 rejected (1997): 942 rows too many by the CSV reader"
    );
  });

  const reviewsOf = async (dir: string) => (await filesOf(dir)).find((f) => f.table_name === "order_reviews");

  test("a bare quote inside an unquoted field is data", async () => {
    const dir = mutated(() => {});
    appendFileSync(
      join(dir, "olist_order_reviews_dataset.csv"),
      'r4,o4,3,,Produto "bom" mas atrasou,2018-03-01 00:00:00,2018-03-02 10:00:00\n' +
        'r5,o5,4,,tela de 5" boa,2018-03-01 00:00:00,2018-03-02 10:00:00\n'
    );
    expect(await reviewsOf(dir)).toMatchObject({records: 5, kept: 5, rejected: 0, unterminated_quotes: 0});
    const messages = await withDir(dir, (w) =>
      w.query(`SELECT review_comment_message AS m FROM order_reviews WHERE review_id IN ('r4', 'r5') ORDER BY 1`)
    );
    expect(messages).toEqual([{m: 'Produto "bom" mas atrasou'}, {m: 'tela de 5" boa'}]);
  });

  test("an unterminated quote mid-file rejects its line once and the lines it swallowed are read again", async () => {
    const dir = mutated(() => {});
    appendFileSync(
      join(dir, "olist_order_reviews_dataset.csv"),
      [
        'r4,o4,3,,"sem fim,2018-03-01 00:00:00,2018-03-02 10:00:00', // the quote never closes
        "r5,o5,4,,,2018-03-01 00:00:00,2018-03-02 10:00:00",
        "r6,o6,5,,,2018-03-01 00:00:00,2018-03-02 10:00:00",
        'r7,o7,1,,"fine",2018-03-01 00:00:00,2018-03-02 10:00:00', // DuckDB closes r4's quote here
        ""
      ].join("\n")
    );
    // 3 clean reviews + r5, r6, r7 kept; r4's line rejected once (DuckDB reports three errors for it).
    expect(await reviewsOf(dir)).toMatchObject({records: 7, kept: 6, rejected: 1, unterminated_quotes: 1});
    const rejects = (await rejectsOf(dir)).filter((r) => r.table_name === "order_reviews");
    expect(rejects).toEqual([
      expect.objectContaining({
        reason: "unterminated quote (this line is rejected, the lines after it are read again)",
        rows: 1,
        examples: [{row: 4, value: 'r4,o4,3,,"sem fim,2018-03-01 00:00:00,2018-03-02 10:00:00'}]
      })
    ]);
  });

  test("values that are not UTF-8 are re-decoded as Windows-1252, counted, and the row is kept", async () => {
    const dir = mutated(() => {});
    const latin1 = Buffer.concat([
      Buffer.from("c9,u9,01001,"),
      Buffer.from([0x53, 0xe3, 0x6f]), // "São" in Latin-1
      Buffer.from(" paulo,SP\nc10,u10,01001,"),
      Buffer.from([0x93, 0x71, 0x94]), // “q” in Windows-1252 (0x93 and 0x94 are controls in Latin-1)
      Buffer.from(",SP\n")
    ]);
    appendFileSync(join(dir, "olist_customers_dataset.csv"), latin1);
    const quality = await withDir(dir, dataQuality);
    expect(quality.files.find((f) => f.table_name === "customers")).toMatchObject({records: 10, kept: 10, rejected: 0});
    expect(quality.redecoded).toEqual([
      {
        file: "olist_customers_dataset.csv",
        table_name: "customers",
        column_name: "customer_city",
        values: 2,
        examples: [
          {row: 9, value: "São paulo"},
          {row: 10, value: "\u201cq\u201d"}
        ]
      }
    ]);
  });
});

describe("dates that cannot hijack the analysis date", () => {
  test("an order dated 2030 is flagged and counted, and the default analysis date ignores it", async () => {
    const dir = mutated((d) => {
      d.orders.rows.push(["o99", "c1", "delivered", "2030-01-15 10:00:00", "", "", "", ""]);
    });
    const quality = await withDir(dir, dataQuality);
    // The clean fixture's last purchase is 2018-06-30 (test/kpis.test.ts); the 2030 order is after today.
    expect(quality.analysis_date).toBe("2018-06-30");
    expect(quality.analysis_date_rule).toBe("the last purchase date, ignoring 1 purchase dated after today");
    expect(quality.late_purchases).toEqual({
      last_dense_month: "2018-06",
      after_today: 1,
      after_last_dense_month: 0,
      examples: [{order_id: "o99", purchased_at: "2030-01-15 10:00:00", reason: "after today's date"}]
    });
    const k = await withDir(dir, kpis);
    expect([k.analysis_date, k.analysis_date_rule]).toEqual(["2018-06-30", quality.analysis_date_rule]);
  });

  test("ANALYSIS_DATE still overrides, and the late purchases are still counted", async () => {
    const dir = mutated((d) => {
      d.orders.rows.push(["o99", "c1", "delivered", "2030-01-15 10:00:00", "", "", "", ""]);
    });
    process.env.ANALYSIS_DATE = "2018-03-31";
    try {
      const quality = await withDir(dir, dataQuality);
      expect([quality.analysis_date, quality.analysis_date_rule]).toEqual(["2018-03-31", "set by ANALYSIS_DATE"]);
      expect(quality.late_purchases.after_today).toBe(1);
    } finally {
      delete process.env.ANALYSIS_DATE;
    }
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

describe("a generated corpus of damaged inputs (test/fixtures/damaged-inputs.ts)", () => {
  let source: string;
  let clean: DataQuality;
  beforeAll(async () => {
    source = join(mkdtempSync(join(tmpdir(), "olist-corpus-")), "synthetic");
    await generateOlist({scale: 0.01, seed: 3, outDir: source, log: () => {}});
    clean = await withDir(copyOf(source), dataQuality);
  }, 120_000);

  test("it has at least 25 kinds, and the undamaged copy keeps every record", () => {
    expect(DAMAGE_KINDS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(DAMAGE_KINDS.map((k) => k.kind)).size).toBe(DAMAGE_KINDS.length);
    for (const f of clean.files) expect(f.kept + f.rejected, f.file).toBe(f.records);
    expect(clean.redecoded).toEqual([]);
  });

  const reasonsOf = (q: DataQuality, table: string) =>
    Object.fromEntries(q.rejects.filter((r) => r.table_name === table).map((r) => [r.reason, r.rows]));

  test.each(DAMAGE_KINDS.map((k) => [k.kind, k] as const))("%s", async (_, {damage, expected}) => {
    const dir = copyOf(source);
    damage(dir);
    if (expected.error) {
      await expect(withDir(dir, dataQuality)).rejects.toThrow(expected.error);
      return;
    }
    const q = await withDir(dir, dataQuality);
    for (const f of q.files) expect(f.kept + f.rejected, f.file).toBe(f.records);
    const table = expected.table!;
    const before = clean.files.find((f) => f.table_name === table)!;
    const after = q.files.find((f) => f.table_name === table)!;
    if (expected.present === false) {
      expect(after).toMatchObject({present: false, records: 0, kept: 0, rejected: 0});
      return;
    }
    expect([after.records - before.records, after.kept - before.kept]).toEqual([expected.records, expected.kept]);
    const was = reasonsOf(clean, table);
    const added = Object.fromEntries(
      Object.entries(reasonsOf(q, table))
        .map(([reason, n]) => [reason, n - (was[reason] ?? 0)])
        .filter(([, n]) => n !== 0)
    );
    expect(added).toEqual(expected.reasons);
    expect(after.unterminated_quotes).toBe(expected.unterminated_quotes ?? 0);
    const redecoded = Object.fromEntries(q.redecoded.map((r) => [r.column_name, r.values]));
    expect(redecoded).toEqual(expected.redecoded ?? {});
    if (expected.late) {
      expect({
        after_today: q.late_purchases.after_today - clean.late_purchases.after_today,
        after_last_dense_month: q.late_purchases.after_last_dense_month - clean.late_purchases.after_last_dense_month
      }).toEqual(expected.late);
    }
    // No damaged row moves the default analysis date.
    expect(q.analysis_date).toBe(clean.analysis_date);
    const orphans = (x: DataQuality) => Object.fromEntries(x.orphans.map((o) => [o.description, o.n]));
    for (const [description, n] of Object.entries(expected.orphans ?? {})) {
      expect(orphans(q)[description]! - orphans(clean)[description]!, description).toBe(n);
    }
  });
});
