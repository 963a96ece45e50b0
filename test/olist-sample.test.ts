// The real Olist files in ../shared/olist-sample (skipped when absent): every row is read, the real quirks
// (BOM + CRLF translation, multi-line review text, mixed quoting, misspelled columns) load, and the totals
// match an independent computation with d3-dsv.
import {existsSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {csvParse} from "d3-dsv";
import {beforeAll, describe, expect, test} from "vitest";
import {dataQuality} from "../loaders/data-quality.js";
import {kpis} from "../loaders/kpis.js";
import {expectedAnalysisDate, useTempCache, withDir} from "./helpers.js";

const SAMPLE = resolve(import.meta.dirname, "../../shared/olist-sample");
const read = (name: string) => csvParse(readFileSync(join(SAMPLE, name), "utf8").replace(/^\uFEFF/, ""));

describe.skipIf(!existsSync(SAMPLE))("real Olist sample files", () => {
  beforeAll(() => {
    useTempCache();
  });

  test("every row of every file is kept, none rejected", async () => {
    const quality = await withDir(SAMPLE, dataQuality);
    const counts = Object.fromEntries(quality.files.map((f) => [f.file, [f.records, f.kept, f.rejected]]));
    expect(counts).toEqual({
      "olist_customers_dataset.csv": [200, 200, 0],
      "olist_orders_dataset.csv": [4071, 4071, 0],
      "olist_order_items_dataset.csv": [5154, 5154, 0],
      "olist_order_payments_dataset.csv": [4733, 4733, 0],
      "olist_order_reviews_dataset.csv": [300, 300, 0],
      "olist_products_dataset.csv": [32951, 32951, 0],
      "olist_sellers_dataset.csv": [3095, 3095, 0],
      "olist_geolocation_dataset.csv": [0, 0, 0],
      "product_category_name_translation.csv": [71, 71, 0]
    });
    // d3-dsv agrees on the record counts (it parses the multi-line review text the same way).
    expect(read("olist_order_reviews_dataset.csv")).toHaveLength(300);
    expect(quality.rejects).toEqual([]);
  });

  test("orphans and quirks match the files", async () => {
    const quality = await withDir(SAMPLE, dataQuality);
    const orders = new Set(read("olist_orders_dataset.csv").map((o) => o.order_id));
    const customers = new Set(read("olist_customers_dataset.csv").map((c) => c.customer_id));
    const orphans = Object.fromEntries(quality.orphans.map((o) => [o.description, o.n]));
    expect(orphans["items whose order is unknown"]).toBe(
      read("olist_order_items_dataset.csv").filter((i) => !orders.has(i.order_id!)).length
    );
    expect(orphans["orders whose customer is unknown"]).toBe(
      read("olist_orders_dataset.csv").filter((o) => !customers.has(o.customer_id!)).length
    );
    // The real products file: 610 products without category; pc_gamer and portateis_cozinha… lack a translation.
    expect(orphans["products without a category"]).toBe(610);
    expect(orphans["categories without an English name"]).toBe(2);
    // Multi-line review text survives with its line break.
    const nulls = Object.fromEntries(quality.nulls.map((n) => [`${n.table_name}.${n.column_name}`, n.nulls]));
    expect(nulls["order_reviews.review_comment_message"]).toBe(300 - 127);
  });

  test("KPIs equal an independent computation", async () => {
    const k = await withDir(SAMPLE, kpis);
    // Figures are as of the analysis date: the orders of the sparse tail after the last dense month are not counted.
    const all = read("olist_orders_dataset.csv");
    const asOf = expectedAnalysisDate(all.map((o) => o.order_purchase_timestamp!));
    const orders = all.filter((o) => o.order_purchase_timestamp!.slice(0, 10) <= asOf);
    const known = new Set(orders.map((o) => o.order_id));
    const payments = read("olist_order_payments_dataset.csv").filter((p) => known.has(p.order_id!));
    const items = read("olist_order_items_dataset.csv").filter((i) => known.has(i.order_id!));
    const sum = (rows: Record<string, string | undefined>[], f: (r: Record<string, string | undefined>) => number) =>
      rows.reduce((s, r) => s + f(r), 0);
    expect(k.orders).toBe(orders.length);
    expect(k.orders_delivered).toBe(orders.filter((o) => o.order_status === "delivered").length);
    expect(k.revenue_payments).toBeCloseTo(
      sum(payments, (p) => Number(p.payment_value)),
      2
    );
    expect(k.revenue_items).toBeCloseTo(
      sum(items, (i) => Number(i.price) + Number(i.freight_value)),
      2
    );
    expect(k.last_purchase).toBe(
      orders
        .map((o) => o.order_purchase_timestamp!)
        .sort()
        .at(-1)
    );
    expect(k.analysis_date).toBe(asOf);
  });
});
