// Review insights on the hand-made dataset: its 3 reviews, scored and themed by hand (see the comments), the
// per-order sentiment for the churn features, the per-review Parquet file, and a dataset without reviews.
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {beforeAll, describe, expect, test} from "vitest";
import {
  REVIEW_SCORE_COLUMNS,
  REVIEWS_MISSING,
  reviewInsights,
  reviewSentiment,
  writeReviewScoresParquet
} from "../loaders/reviews.js";
import {tinyOlist, writeDataset} from "./fixtures/tiny-olist.js";
import {useTempCache, withDir} from "./helpers.js";

// Lexicon weights (lib/text/lexicon.ts): atrasou, atrasado −1; chegou +0.3; recomendo +1.2; bom +1.
// r2 = "atrasou. Chegou atrasado,\nmas chegou. \"Nao\" recomendo" (title, then message). The line break ends a
// sentence, so "mas" opens the third sentence: the second counts half (chegou +0.15, atrasado −0.5) and "mas chegou"
// 1.5× (+0.45). The quote mark breaks the negation, so "recomendo" stays +1.2 (a known limit on this odd quoting).
// Sum s = −1 + 0.15 − 0.5 + 0.45 + 1.2 = 0.3, score = s / √(s² + 4) = 0.3 / √4.09.
const R2 = 0.3 / Math.sqrt(4.09);
// r3 = "produto bom": s = 1, score = 1 / √5.
const R3 = 1 / Math.sqrt(5);

let dir: string;
beforeAll(() => {
  useTempCache();
  dir = writeDataset(tinyOlist());
});

describe("review insights on the hand-made dataset", () => {
  test("counts, themes and sentiment quality", async () => {
    const r = await withDir(dir, (w) => reviewInsights(w, {minGroupReviews: 1}));
    expect(r).toMatchObject({
      available: true,
      synthetic: false,
      analysis_date: "2018-06-30",
      reviews: 3,
      reviews_with_text: 2,
      no_theme_share: 0
    });
    const themes = Object.fromEntries(r.themes.map((t) => [t.id, t]));
    // r2 is about late delivery ("atrasou", "atrasado"), r3 about a good product ("produto bom"); r1 has no text.
    expect(themes.late_delivery).toMatchObject({
      reviews: 1,
      share: 0.5,
      avg_score: 2,
      avg_sentiment: Number(R2.toFixed(3)),
      late_or_undelivered_share: 1,
      repeat_rate: 0
    });
    expect(themes.good_product).toMatchObject({
      reviews: 1,
      share: 0.5,
      avg_score: 4,
      avg_sentiment: Number(R3.toFixed(3)),
      late_or_undelivered_share: 0,
      repeat_rate: 0
    });
    for (const id of ["not_received", "wrong_or_defective", "fast_delivery", "store_service", "price"]) {
      expect(themes[id], id).toMatchObject({reviews: 0, share: 0, avg_score: null, repeat_rate: null});
    }
    // One positive (r3, 4 stars) scores above the one negative (r2, 2 stars): AUC 1.
    expect(r.sentiment_quality).toMatchObject({
      auc: 1,
      positives: 1,
      negatives: 1,
      excluded_score_3: 0,
      no_cue_share: 0
    });
    expect(r.sentiment_quality.note).not.toContain("synthetic");
  });

  test("delivery status, buying again and the fixed-window repeat rate", async () => {
    const r = await withDir(dir, reviewInsights);
    const by = Object.fromEntries(r.by_delivery.map((d) => [d.delivery, d]));
    // r1 (o1 delivered 01-20, due 02-01) and r3 (o3 delivered 10-15, due 10-30) are on time. u1 bought o2 on
    // 2018-02-09, 19 days after r1; u2 never again. r1 was written 160 days before 2018-06-30 (< 180: out of the
    // window), r3 622 days before (in it, no purchase).
    expect(by["on time"]).toEqual({
      delivery: "on time",
      reviews: 2,
      reviews_with_text: 1,
      avg_score: 4.5,
      avg_sentiment: Number(R3.toFixed(3)),
      late_theme_share: 0,
      not_received_theme_share: 0,
      repeat_rate: 0.5,
      repeat_rate_window: 0,
      reviews_window: 1
    });
    // o2 arrived 2018-02-25, due 02-20: 5 days late; r2 is 124 days old, so no reviews in the window.
    expect(by["late 1-7 days"]).toEqual({
      delivery: "late 1-7 days",
      reviews: 1,
      reviews_with_text: 1,
      avg_score: 2,
      avg_sentiment: Number(R2.toFixed(3)),
      late_theme_share: 1,
      not_received_theme_share: 0,
      repeat_rate: 0,
      repeat_rate_window: null,
      reviews_window: 0
    });
    expect(by["late 8+ days"]).toMatchObject({reviews: 0, avg_score: null, repeat_rate: null});
    expect(by["not delivered"]).toMatchObject({reviews: 0});
  });

  test("groups, months, examples and distinctive terms", async () => {
    const r = await withDir(dir, (w) => reviewInsights(w, {minGroupReviews: 1}));
    // States: SP has r1 (no text) and r2; RJ has r3. r2's 0.148 is neutral (|score| < 0.15), so no negative share.
    expect(r.by_state).toEqual([
      {
        group: "RJ",
        reviews: 1,
        reviews_with_text: 1,
        avg_score: 4,
        avg_sentiment: Number(R3.toFixed(3)),
        negative_share: 0
      },
      {
        group: "SP",
        reviews: 2,
        reviews_with_text: 1,
        avg_score: 3.5,
        avg_sentiment: Number(R2.toFixed(3)),
        negative_share: 0
      }
    ]);
    // First item's category: o1 and o3 → p1 (bed_bath_table), o2 → p2 (health_beauty).
    expect(r.by_category.map((c) => [c.group, c.reviews, c.reviews_with_text, c.avg_score])).toEqual([
      ["bed_bath_table", 2, 1, 4.5],
      ["health_beauty", 1, 1, 2]
    ]);
    expect(r.monthly.filter((m) => m.reviews > 0).map((m) => [m.month, m.theme, m.share])).toEqual([
      ["2016-10", "good_product", 1],
      ["2018-02", "late_delivery", 1]
    ]);
    expect(r.examples).toEqual([
      {
        theme: "late_delivery",
        review_id: "r2",
        review_score: 2,
        review_date: "2018-02-26",
        title: "atrasou",
        message: 'Chegou atrasado,\nmas chegou. "Nao" recomendo',
        terms: ["atrasou", "atrasado"]
      },
      {
        theme: "good_product",
        review_id: "r3",
        review_score: 4,
        review_date: "2016-10-16",
        title: null,
        message: "produto bom",
        terms: ["produto bom"]
      }
    ]);
    // Two reviews with text: scores 2 and 4 are the groups; no term occurs 3 times, so none is listed.
    expect(r.distinctive_terms.map((g) => [g.score, g.reviews_with_text, g.terms.length])).toEqual([
      [2, 1, 0],
      [4, 1, 0]
    ]);
    // With the default threshold (20 reviews with text) the tiny data has no group and no month.
    const strict = await withDir(dir, reviewInsights);
    expect([strict.by_state, strict.by_category, strict.monthly]).toEqual([[], [], []]);
  });

  test("only reviews written by the analysis date count", async () => {
    process.env.ANALYSIS_DATE = "2018-02-25"; // r2 is written on 02-26
    try {
      const r = await withDir(dir, reviewInsights);
      expect([r.reviews, r.reviews_with_text, r.themes.find((t) => t.id === "late_delivery")!.reviews]).toEqual([
        2, 1, 0
      ]);
    } finally {
      delete process.env.ANALYSIS_DATE;
    }
  });
});

describe("per-order sentiment for the churn features", () => {
  test("orders whose reviews have text, with their themes", async () => {
    const rows = await withDir(dir, (w) => reviewSentiment(w));
    expect(rows).toEqual([
      {
        order_id: "o3",
        reviews_with_text: 1,
        sentiment: Number(R3.toFixed(4)),
        review_date: "2016-10-16",
        themes: ["good_product"]
      },
      {
        order_id: "o2",
        reviews_with_text: 1,
        sentiment: Number(R2.toFixed(4)),
        review_date: "2018-02-26",
        themes: ["late_delivery"]
      }
    ]);
  });

  test("a cutoff leaves out later reviews", async () => {
    const rows = await withDir(dir, (w) => reviewSentiment(w, {cutoff: "2017-12-31"}));
    expect(rows.map((r) => r.order_id)).toEqual(["o3"]);
  });

  test("an order with two reviews gets their mean and both themes", async () => {
    const data = tinyOlist();
    data.order_reviews!.rows.push([
      "r4",
      "o3",
      "1",
      "",
      "nao chegou, pessimo",
      "2016-10-20 00:00:00",
      "2016-10-21 00:00:00"
    ]);
    const rows = await withDir(writeDataset(data), (w) => reviewSentiment(w));
    // r4: "nao chegou" −1.5 + "pessimo" −1.6 = −3.1 → −3.1 / √(9.61 + 4). (Each review's score is rounded to 4
    // digits before the mean, hence 3 digits here.)
    const r4 = -3.1 / Math.sqrt(13.61);
    expect(rows.find((r) => r.order_id === "o3")).toEqual({
      order_id: "o3",
      reviews_with_text: 2,
      sentiment: expect.closeTo((R3 + r4) / 2, 3),
      review_date: "2016-10-20",
      themes: ["not_received", "good_product"]
    });
  });
});

async function readParquet(file: string) {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    const columns = (await db.runAndReadAll(`DESCRIBE SELECT * FROM '${file}'`))
      .getRowObjectsJS()
      .map((r) => `${r.column_name} ${r.column_type}`);
    const rows = (
      await db.runAndReadAll(
        `SELECT * EXCLUDE (review_date), strftime(review_date, '%Y-%m-%d') AS review_date FROM '${file}' ORDER BY review_id`
      )
    ).getRowObjectsJS();
    return {columns, rows};
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

describe("review-scores.parquet", () => {
  test("one row per review with its score, themes and a column per theme", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "review-scores-")), "scores.parquet");
    expect(await withDir(dir, (w) => writeReviewScoresParquet(w, file))).toBe(3);
    const {columns, rows} = await readParquet(file);
    expect(columns.map((c) => c.split(" ")[0])).toEqual([...REVIEW_SCORE_COLUMNS]);
    expect(columns).toContain("sentiment DOUBLE");
    expect(columns).toContain("themes VARCHAR[]");
    expect(columns).toContain("theme_late_delivery BOOLEAN");
    const noTheme = {
      theme_not_received: false,
      theme_late_delivery: false,
      theme_wrong_or_defective: false,
      theme_good_product: false,
      theme_fast_delivery: false,
      theme_store_service: false,
      theme_price: false
    };
    expect(rows).toEqual([
      {
        review_id: "r1",
        order_id: "o1",
        review_score: 5,
        has_text: false,
        sentiment: null,
        themes: [],
        ...noTheme,
        review_date: "2018-01-21"
      },
      {
        review_id: "r2",
        order_id: "o2",
        review_score: 2,
        has_text: true,
        sentiment: Number(R2.toFixed(4)),
        themes: ["late_delivery"],
        ...noTheme,
        theme_late_delivery: true,
        review_date: "2018-02-26"
      },
      {
        review_id: "r3",
        order_id: "o3",
        review_score: 4,
        has_text: true,
        sentiment: Number(R3.toFixed(4)),
        themes: ["good_product"],
        ...noTheme,
        theme_good_product: true,
        review_date: "2016-10-16"
      }
    ]);
  });
});

describe("without the reviews file", () => {
  test("the insights say so, and the sentiment and Parquet file are empty", async () => {
    const noReviews = writeDataset(tinyOlist(), ["order_reviews"]);
    const r = await withDir(noReviews, reviewInsights);
    expect(r).toMatchObject({
      available: false,
      missing: REVIEWS_MISSING,
      reviews: 0,
      themes: [],
      examples: [],
      sentiment_quality: {auc: null}
    });
    expect(await withDir(noReviews, (w) => reviewSentiment(w))).toEqual([]);
    const file = join(mkdtempSync(join(tmpdir(), "review-scores-")), "scores.parquet");
    expect(await withDir(noReviews, (w) => writeReviewScoresParquet(w, file))).toBe(0);
    const {columns, rows} = await readParquet(file);
    expect([columns.length, rows.length]).toEqual([REVIEW_SCORE_COLUMNS.length, 0]);
  });
});
