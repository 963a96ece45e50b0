// The Review insights page in the built site (synthetic data, scale 0.02): its two artifacts agree with each other,
// the scorer box scores what an analyst types, review text is shown as text, and the page says so when the data
// has no reviews file (the loader's answer for such data is served in place of the built one).
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, inject, test} from "vitest";
import {reviewInsights, type ReviewInsights} from "../../loaders/reviews.js";
import {tinyOlist, writeDataset} from "../fixtures/tiny-olist.js";
import {useTempCache, withDir} from "../helpers.js";
import {useSiteInBrowser} from "./browser.js";
import {builtFile, builtJson} from "./build.js";
import {haveChromium} from "./chromium.js";

const siteDir = inject("siteDir");

describe("review-insights.json and review-scores.parquet", () => {
  test("the insights describe the reviews in the Parquet file", async () => {
    const insights = builtJson<ReviewInsights>(siteDir, "review-insights");
    expect(insights).toMatchObject({available: true, data_source: "synthetic", synthetic: true});
    expect(insights.sentiment_quality.note).toMatch(/^Measured on synthetic reviews/);
    const instance = await DuckDBInstance.create(":memory:");
    const db = await instance.connect();
    try {
      const file = builtFile(siteDir, "review-scores", "parquet");
      const themeCounts = insights.themes.map((t) => `count(*) FILTER (WHERE theme_${t.id}) AS ${t.id}`).join(", ");
      const [row] = (
        await db.runAndReadAll(`SELECT count(*) AS reviews, count(sentiment) AS with_text, count(*) FILTER (WHERE has_text) AS has_text,
        count(*) FILTER (WHERE review_score <= 2 AND has_text) AS negatives, ${themeCounts} FROM '${file}'`)
      ).getRowObjectsJS();
      expect(Number(row!.reviews)).toBe(insights.reviews);
      expect(Number(row!.with_text)).toBe(insights.reviews_with_text);
      expect(Number(row!.has_text)).toBe(insights.reviews_with_text);
      expect(Number(row!.negatives)).toBe(insights.sentiment_quality.negatives);
      for (const t of insights.themes) {
        expect(Number(row![t.id]), t.id).toBe(t.reviews);
        expect(t.share, t.id).toBeCloseTo(t.reviews / insights.reviews_with_text, 4);
      }
    } finally {
      db.closeSync();
      instance.closeSync();
    }
    // Scale 0.02 has ≈2,000 reviews, about half with text; the generated text is easy for the scorer.
    expect(insights.reviews).toBeGreaterThan(1500);
    expect(insights.sentiment_quality.auc).toBeGreaterThan(0.9);
  });
});

describe.skipIf(!haveChromium)("the Review insights page in Chromium", () => {
  const site = useSiteInBrowser(siteDir);

  test("typing a review shows its score and the matched terms", async () => {
    const page = await site.open("/reviews");
    const card = page.locator("[data-review-scorer] .review-score");
    // The example text mixes praise and a defect: the defect, after "mas", wins.
    expect(await card.getAttribute("data-label")).toBe("negative");
    await page.locator("textarea").fill("não chegou, péssimo");
    await expect.poll(() => card.locator("[data-term]").count()).toBe(2);
    // "não chegou" −1.5 and "péssimo" −1.6: −3.1 / √(3.1² + 4) = −0.84.
    expect(await card.getAttribute("data-label")).toBe("negative");
    expect(Number(await card.getAttribute("data-score"))).toBeCloseTo(-3.1 / Math.sqrt(13.61), 3);
    expect(await card.locator(".review-score__value").textContent()).toBe("-0.84");
    expect(await card.locator("[data-term] td:first-child").allTextContents()).toEqual(["não chegou", "péssimo"]);
    expect(await card.locator(".review-score__themes").textContent()).toBe("Themes: Not received (não chegou)");
    await page.locator("textarea").fill("chegou antes do prazo, adorei");
    await expect.poll(() => card.getAttribute("data-label")).toBe("positive");
    await page.close();
  }, 60_000);

  test("the page shows themes, examples and the synthetic-data warning", async () => {
    const insights = builtJson<ReviewInsights>(siteDir, "review-insights");
    const page = await site.open("/reviews");
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(await page.locator("[data-reviews-missing]").count()).toBe(0);
    expect(await page.locator("[data-sentiment-auc] .kpi-value").textContent()).toBe(
      insights.sentiment_quality.auc!.toFixed(3)
    );
    expect(await page.locator("[data-sentiment-note]").textContent()).toBe(insights.sentiment_quality.note);
    // The first theme in the selector has its examples shown, each as written in the data.
    const first = insights.examples.filter((e) => e.theme === insights.themes.find((t) => t.reviews > 0)!.id);
    expect(first.length).toBeGreaterThan(0);
    const shown = page.locator(".review-example blockquote");
    expect(await shown.count()).toBe(first.length);
    expect(await shown.first().textContent()).toBe([first[0]!.title, first[0]!.message].filter(Boolean).join(" — "));
    await page.close();
  }, 60_000);

  test("review text that looks like HTML is shown literally", async () => {
    const page = await site.open("/reviews");
    const module = readdirSync(join(siteDir, "_import", "components")).find((f) => f.startsWith("review-examples."));
    const fixture = [
      {
        review_id: "x1",
        review_score: 1,
        review_date: "2018-01-01",
        title: "<b>x</b>",
        message: "não chegou <img src=x onerror=alert(1)> <b>x</b>",
        terms: ["não chegou"]
      }
    ];
    // A string, so that vitest does not rewrite the dynamic import: the built module renders the fixture in the page.
    const result = await page.evaluate(`(async () => {
      const {reviewExamples} = await import(${JSON.stringify(`${site.url}/_import/components/${module}`)});
      const node = reviewExamples(${JSON.stringify(fixture)});
      document.body.append(node);
      return {text: node.querySelector("blockquote").textContent, bold: node.querySelectorAll("blockquote b, blockquote img").length,
        marks: [...node.querySelectorAll("mark")].map((m) => m.textContent)};
    })()`);
    expect(result).toEqual({
      text: "<b>x</b> — não chegou <img src=x onerror=alert(1)> <b>x</b>",
      bold: 0,
      marks: ["não chegou"]
    });
    await page.close();
  }, 60_000);
});

describe.skipIf(!haveChromium)("without the reviews file", () => {
  const site = useSiteInBrowser(siteDir);

  test("the page says so, and the scorer still works", async () => {
    // The loader's answer for the hand-made data without its reviews file, served in place of the built one.
    useTempCache();
    const missing = await withDir(writeDataset(tinyOlist(), ["order_reviews"]), reviewInsights);
    expect(missing).toMatchObject({available: false, reviews: 0});
    const page = await site.browser.newPage();
    try {
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      await page.route("**/_file/data/review-insights.*.json", (route) => route.fulfill({json: missing}));
      await page.goto(`${site.url}/reviews`, {waitUntil: "networkidle"});
      expect(await page.locator("[data-reviews-missing]").textContent()).toContain(
        "olist_order_reviews_dataset.csv is absent"
      );
      expect(await page.locator(".observablehq--error").count()).toBe(0);
      expect(await page.locator(".needs-reviews").isVisible()).toBe(false);
      await page.locator("textarea").fill("péssimo");
      await expect
        .poll(() => page.locator("[data-review-scorer] .review-score").getAttribute("data-label"))
        .toBe("negative");
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
