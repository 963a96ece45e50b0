// The customer feature table: every value of a hand-made customer computed by hand, the dictionary in step
// with the SQL, and no leakage: orders after the cutoff change nothing.
import {beforeAll, describe, expect, test} from "vitest";
import {customerFeatures, featureDictionary} from "../loaders/features/customer-features.js";
import {FEATURE_NAMES} from "../loaders/features/dictionary.js";
import {tinyOlist, writeDataset, type Dataset} from "./fixtures/tiny-olist.js";
import {useTempCache, withDir} from "./helpers.js";

beforeAll(() => {
  useTempCache();
});

const featuresOf = (dataset: Dataset, cutoff: string) =>
  withDir(writeDataset(dataset), (w) => customerFeatures(w, cutoff));

/** Great-circle distance in km, written independently of the SQL. */
function haversineKm([lat1, lng1]: number[], [lat2, lng2]: number[]): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

describe("customer features", () => {
  test("the columns are exactly the dictionary's, in its order", async () => {
    const rows = await featuresOf(tinyOlist(), "2018-06-30");
    expect(Object.keys(rows[0])).toEqual(["customer_unique_id", ...FEATURE_NAMES]);
    expect(FEATURE_NAMES.length).toBeGreaterThanOrEqual(60);
    // People with at least one valid order on or before the cutoff: u1…u5 (u3's canceled order does not count).
    expect(rows.map((r) => r.customer_unique_id)).toEqual(["u1", "u2", "u3", "u4", "u5"]);
  });

  test("every feature of u1 (orders o1 and o2) by hand", async () => {
    const rows = await featuresOf(tinyOlist(), "2018-06-30");
    const u1 = rows.find((r) => r.customer_unique_id === "u1")!;
    const day = 86400;
    const o1Delivery = (10 * day + 5 * 3600) / day; // 2018-01-10 10:00 → 2018-01-20 15:00
    const o2Delivery = (16 * day + 5 * 3600) / day; // 2018-02-09 10:00 → 2018-02-25 15:00
    const o1Late = -(11 * day + 9 * 3600) / day; // delivered 2018-01-20 15:00, estimated 2018-02-01 00:00
    const o2Late = (5 * day + 15 * 3600) / day; // delivered 2018-02-25 15:00, estimated 2018-02-20 00:00
    const o1Estimate = (21 * day + 14 * 3600) / day;
    const o2Estimate = (10 * day + 14 * 3600) / day;
    const saoPaulo = [(-23.5503 - 23.5507) / 2, (-46.634 - 46.6336) / 2];
    const campinas = [-22.9056, -47.0608];
    const florianopolis = [-27.5954, -48.548];
    const expected: Record<string, unknown> = {
      recency_days: 141, // 2018-02-09 → 2018-06-30
      frequency: 2,
      monetary_total: 200, // 110 + (20 + 70)
      monetary_avg_order: 100,
      monetary_max_order: 110,
      first_order_value: 110,
      last_order_value: 90,
      orders_all: 2,
      canceled_orders: 0,
      last_order_canceled: 0,
      tenure_days: 171, // 2018-01-10 → 2018-06-30
      active_span_days: 30,
      avg_gap_days: 30,
      min_gap_days: 30,
      max_gap_days: 30,
      std_gap_days: null, // one gap
      orders_per_30_days: (2 / 171) * 30,
      orders_last_90d: 0,
      orders_last_180d: 2, // after 2018-01-01
      orders_last_365d: 2,
      spend_last_180d: 200,
      spend_trend: 201, // (200 + 1) / (0 + 1)
      weekend_share: 0, // a Wednesday and a Friday
      evening_share: 0,
      night_share: 0,
      avg_purchase_hour: 10,
      first_purchase_weekday: 3, // Wednesday 2018-01-10
      first_purchase_month: 1,
      black_friday_buyer: 0,
      share_credit_card: 2 / 3, // credit card, voucher, credit card
      share_boleto: 0,
      share_voucher: 1 / 3,
      share_debit_card: 0,
      avg_installments: 2, // credit card rows: 3 and 1
      max_installments: 3,
      installment_share: 1 / 3,
      used_voucher: 1,
      distinct_payment_types: 2,
      payment_rows_per_order: 1.5,
      main_payment_type: "credit_card",
      last_order_installments: 1, // o2: voucher + credit card in 1 installment
      last_order_voucher: 1,
      avg_delivery_days: (o1Delivery + o2Delivery) / 2,
      max_delivery_days: o2Delivery,
      last_delivery_days: o2Delivery,
      avg_lateness_days: (o1Late + o2Late) / 2,
      late_share: 0.5,
      last_order_late: 1,
      last_order_overdue: 1, // o2 arrived 2018-02-25, estimated 2018-02-20
      undelivered_orders: 0,
      avg_estimated_days: (o1Estimate + o2Estimate) / 2,
      avg_freight: 20 / 3, // 10, 5, 5
      freight_share: 20 / 180,
      review_count: 2,
      avg_review_score: 3.5,
      min_review_score: 2,
      last_review_score: 2,
      low_score_share: 0.5,
      comment_rate: 0.5,
      title_rate: 0.5,
      avg_review_answer_days: (1 * day + 10 * 3600) / day,
      items_total: 3,
      items_per_order: 1.5,
      distinct_products: 3,
      distinct_categories: 3,
      category_entropy: Math.log2(3),
      top_category: "beleza_saude", // one item in each of three categories: the first name alphabetically
      first_category: "cama_mesa_banho",
      last_category: "beleza_saude",
      // Valid orders bought by 2018-05-01 (cutoff − 60 days) and whether a next valid order came within 60 days:
      // o1 yes (o2 30 days later); o2, o3, o4 (o5 is canceled), o6 (o7 184 days later), o7 no → overall 1/6.
      // o2 holds beleza (o2, o4, o7: 0 of 3) and pc_gamer (o2: 0 of 1), smoothed with 50 pseudo-orders at 1/6:
      // beleza (0 + 50/6) / 53, pc_gamer (0 + 50/6) / 51 → the higher is pc_gamer's.
      last_category_repeat_rate: 50 / 6 / 51,
      avg_item_price: 60,
      max_item_price: 100,
      // Category medians over valid orders' items: cama 100 (100, 200, 40), beleza 70 (50, 80, 70),
      // pc_gamer 60 (30, 90; o5 is canceled).
      price_vs_category_median: (100 / 100 + 50 / 70 + 30 / 60) / 3,
      avg_product_weight_g: (500 + 200 + 1500) / 3,
      avg_product_photos: 1.5, // p3 has no photo count
      state: "SP",
      region: "Southeast",
      customer_lat: saoPaulo[0],
      customer_lng: saoPaulo[1],
      avg_seller_distance_km: (2 * haversineKm(saoPaulo, campinas) + haversineKm(saoPaulo, florianopolis)) / 3,
      distinct_sellers: 2,
      same_state_seller_share: 2 / 3
    };
    expect(Object.keys(expected)).toEqual(FEATURE_NAMES);
    for (const [name, value] of Object.entries(expected)) {
      if (typeof value === "number") expect(u1[name], name).toBeCloseTo(value, 6);
      else expect(u1[name], name).toEqual(value);
    }
  });

  test("an order on its way within its estimate is neither late nor on time yet", async () => {
    const u1 = (await featuresOf(tinyOlist(), "2018-02-15")).find((r) => r.customer_unique_id === "u1")!;
    expect(u1).toMatchObject({last_order_late: null, last_order_overdue: null, undelivered_orders: 1});
  });

  test("a delivery or a review after the cutoff is not known yet", async () => {
    // At 2018-02-20, o2 (bought 2018-02-09) is not delivered (2018-02-25) and its review not answered.
    const u1 = (await featuresOf(tinyOlist(), "2018-02-20")).find((r) => r.customer_unique_id === "u1")!;
    expect(u1).toMatchObject({
      frequency: 2,
      undelivered_orders: 1,
      late_share: 0,
      last_delivery_days: null,
      last_order_late: null,
      last_order_overdue: 1, // not arrived, and its estimate (2018-02-20 00:00) has passed by the cutoff's end
      review_count: 1,
      avg_review_score: 5,
      last_review_score: 5
    });
  });
});

describe("no leakage", () => {
  test("changing or adding orders after the cutoff leaves every feature value unchanged", async () => {
    const cutoff = "2018-01-31";
    const before = await featuresOf(tinyOlist(), cutoff);
    const changed = tinyOlist();
    // o2 (bought 2018-02-09) becomes a big canceled order; u1 buys again; a new person appears; a delivery
    // that happens after the cutoff moves.
    changed.orders.rows[1][2] = "canceled";
    changed.order_payments.rows[2][4] = "9999.00";
    changed.order_items.rows[1][5] = "5000.00";
    changed.orders.rows.push([
      "o50",
      "c1",
      "delivered",
      "2018-03-01 10:00:00",
      "",
      "",
      "2018-03-09 10:00:00",
      "2018-03-20 00:00:00"
    ]);
    changed.order_items.rows.push(["o50", "1", "p2", "s2", "2018-03-05 10:00:00", "700.00", "70.00"]);
    changed.order_payments.rows.push(["o50", "1", "voucher", "1", "770.00"]);
    changed.order_reviews.rows.push(["r50", "o50", "1", "", "horrivel", "2018-03-10 00:00:00", "2018-03-11 10:00:00"]);
    changed.customers.rows.push(["c99", "u99", "20040", "rio de janeiro", "RJ"]);
    changed.orders.rows.push([
      "o99",
      "c99",
      "delivered",
      "2018-04-01 10:00:00",
      "",
      "",
      "2018-04-10 10:00:00",
      "2018-04-20 00:00:00"
    ]);
    changed.order_items.rows.push(["o99", "1", "p1", "s1", "2018-04-05 10:00:00", "10.00", "1.00"]);
    changed.order_payments.rows.push(["o99", "1", "boleto", "1", "11.00"]);
    const after = await featuresOf(changed, cutoff);
    expect(after).toEqual(before);
    // …while the same changes do show at a later cutoff, so the comparison is not vacuous.
    const later = await featuresOf(changed, "2018-06-30");
    expect(later.find((r) => r.customer_unique_id === "u1")!.frequency).toBe(2); // o1 and o50 (o2 is canceled now)
  });
});

describe("feature dictionary", () => {
  test("every feature with its group, unit and coverage", async () => {
    const dictionary = await withDir(writeDataset(tinyOlist()), (w) => featureDictionary(w, "2018-06-30"));
    expect(dictionary.people).toBe(5);
    expect(dictionary.features.map((f) => f.name)).toEqual(FEATURE_NAMES);
    const byName = Object.fromEntries(dictionary.features.map((f) => [f.name, f]));
    expect(byName.frequency).toMatchObject({
      group: "RFM",
      unit: "orders",
      non_null_share: 1,
      mean: 1.4,
      median: 1,
      min: "1",
      max: "2"
    });
    expect(byName.avg_gap_days).toMatchObject({group: "temporal", non_null_share: 0.4}); // u1 and u4 repeat
    expect(byName.state).toMatchObject({kind: "categorical", mean: null});
    const groups = new Set(dictionary.features.map((f) => f.group));
    expect([...groups]).toEqual([
      "RFM",
      "temporal",
      "payment",
      "delivery",
      "reviews",
      "product",
      "geography",
      "seller"
    ]);
  });
});
