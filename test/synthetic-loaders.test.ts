// The loaders on the embedded synthetic data (scale 0.02), generated on first use into the cache, against
// figures computed independently from the generated CSVs with d3-dsv.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {beforeAll, describe, expect, test} from "vitest";
import {dataSource} from "../loaders/config.js";
import {dataQuality} from "../loaders/data-quality.js";
import type {DataQuality} from "../lib/contracts/data-quality.js";
import {kpis, type Kpis} from "../loaders/kpis.js";
import {segmentsReport} from "../loaders/segments.js";
import {openWarehouse} from "../loaders/warehouse/warehouse.js";
import {expectedAnalysisDate, useTempCache} from "./helpers.js";

let k: Kpis;
let quality: DataQuality;
let dir: string;

beforeAll(async () => {
  useTempCache();
  const source = dataSource({SYNTH_SCALE: "0.02", SYNTH_SEED: "7"});
  const warehouse = await openWarehouse(source, () => {});
  try {
    k = await kpis(warehouse);
    quality = await dataQuality(warehouse);
    [{value: dir}] = await warehouse.query<{value: string}>(`SELECT value FROM meta WHERE key = 'data_dir'`);
  } finally {
    warehouse.close();
  }
});

const read = (name: string) => csvParse(readFileSync(join(dir, name), "utf8").replace(/^\uFEFF/, ""));

describe("loaders on synthetic data at scale 0.02", () => {
  test("the source is the synthetic data, with the right size", () => {
    expect(k.data_source).toBe("synthetic");
    expect(dir).toMatch(/synthetic\/scale-0\.02-seed-7-[0-9a-f]{12}$/);
    // Published without the cache folder, which differs between two builds of the same input.
    expect(quality.data_dir).toMatch(/^scale-0\.02-seed-7-[0-9a-f]{12}$/);
    expect(k.customers).toBe(new Set(read("olist_customers_dataset.csv").map((c) => c.customer_unique_id)).size);
    expect(k.customers).toBeGreaterThan(1800);
  });

  test("every row is kept but the points outside Brazil", () => {
    const geolocation = read("olist_geolocation_dataset.csv");
    const outside = geolocation.filter((g) => {
      const lat = Number(g.geolocation_lat);
      const lng = Number(g.geolocation_lng);
      return !(lat >= -34 && lat <= 6 && lng >= -74 && lng <= -34);
    }).length;
    expect(quality.rejects.map((r) => [r.reason, r.rows])).toEqual(
      outside ? [["coordinates outside Brazil", outside]] : []
    );
    for (const file of quality.files) expect(file.kept + file.rejected, file.file).toBe(file.records);
    expect(quality.files.every((f) => f.present)).toBe(true);
  });

  test("KPIs equal an independent computation from the CSVs", () => {
    // Figures are as of the analysis date: orders after the last dense month (a sparse tail) are not counted.
    const all = read("olist_orders_dataset.csv");
    const asOf = expectedAnalysisDate(all.map((o) => o.order_purchase_timestamp!));
    const orders = all.filter((o) => o.order_purchase_timestamp!.slice(0, 10) <= asOf);
    const known = new Set(orders.map((o) => o.order_id));
    const payments = read("olist_order_payments_dataset.csv").filter((p) => known.has(p.order_id!));
    const items = read("olist_order_items_dataset.csv").filter((i) => known.has(i.order_id!));
    expect(k.orders).toBe(orders.length);
    expect(k.orders_delivered).toBe(orders.filter((o) => o.order_status === "delivered").length);
    expect(k.revenue_payments).toBeCloseTo(
      payments.reduce((s, p) => s + Number(p.payment_value), 0),
      1
    );
    expect(k.revenue_items).toBeCloseTo(
      items.reduce((s, i) => s + Number(i.price) + Number(i.freight_value), 0),
      1
    );
    expect(k.analysis_date).toBe(asOf);
    // Realistic shape: most people buy once, and the seed rule churns the early one-time buyers.
    expect(k.repeat_customer_rate).toBeGreaterThan(0.01);
    expect(k.repeat_customer_rate).toBeLessThan(0.06);
    expect(k.churn_rate).toBeGreaterThan(0.02);
  });

  test("k-means beyond its cap runs on a fixed hash sample, and says so", async () => {
    const warehouse = await openWarehouse(dataSource({SYNTH_SCALE: "0.02", SYNTH_SEED: "7"}), () => {});
    try {
      const quiet = () => {};
      const whole = (await segmentsReport(warehouse, quiet)).clustering!;
      const capped = (await segmentsReport(warehouse, quiet, 500)).clustering!;
      expect(whole.people).toBe(whole.population);
      expect(whole.sample).toBeNull();
      expect(capped.people).toBe(500);
      expect(capped.population).toBe(whole.population);
      expect(capped.clusters.reduce((n, c) => n + c.people, 0)).toBe(500);
      expect(capped.sample).toBe(
        `k-means on a fixed sample of 500 of the ${whole.population.toLocaleString("en-US")} people (those whose id hashes lowest)`
      );
      // The same sample on every run: the same clusters.
      expect((await segmentsReport(warehouse, quiet, 500)).clustering).toEqual(capped);
    } finally {
      warehouse.close();
    }
  });
});
