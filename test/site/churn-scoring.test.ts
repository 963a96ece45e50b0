// The churn pages in Chromium: the scoring page, scoring in the browser with the published model, shows for
// each looked-up customer the same probability as the build-time batch scores (to 1e-9), and the built metrics
// name every model and baseline.
import {DuckDBInstance} from "@duckdb/node-api";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {launchChromium} from "./browser.js";
import {builtFile, builtJson} from "./build.js";
import {haveChromium} from "./chromium.js";
import {serveStatic} from "./static-server.js";

const siteDir = inject("siteDir");

async function batchScores(): Promise<{customer_unique_id: string; churn_probability: number}[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    const path = builtFile(siteDir, "churn-scores", "parquet").replace(/'/g, "''");
    const reader = await db.runAndReadAll(`SELECT customer_unique_id, churn_probability FROM read_parquet('${path}') ORDER BY customer_unique_id`);
    return reader.getRowObjectsJS() as {customer_unique_id: string; churn_probability: number}[];
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

test("the churn metrics name every model, baseline and the oracle", () => {
  const m = builtJson<{results: {name: string; metrics: {roc_auc: number}}[]}>(siteDir, "churn-metrics");
  expect(m.results.map((r) => r.name)).toEqual(["GBDT", "Random forest", "Logistic regression", "Recency alone", "Seed rule", "BG/NBD", "Oracle"]);
});

describe.skipIf(!haveChromium)("churn scoring in Chromium", () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    browser = await launchChromium();
    site = await serveStatic(siteDir);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  test("looked-up customers get the build-time batch score", async () => {
    const scores = await batchScores();
    expect(scores.length).toBeGreaterThan(100);
    const sample = [0, 1, Math.floor(scores.length / 3), Math.floor(scores.length / 2), scores.length - 1].map((i) => scores[i]!);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${site.url}/churn-scoring`, {waitUntil: "networkidle"});
    const input = page.locator("form input[placeholder='customer_unique_id']");
    for (const s of sample) {
      await input.fill(s.customer_unique_id);
      await input.press("Enter");
      const card = page.locator(`#churn-lookup[data-customer="${s.customer_unique_id}"]`);
      await card.waitFor({timeout: 20_000});
      const shown = Number(await card.getAttribute("data-churn-probability"));
      expect(Math.abs(shown - s.churn_probability), s.customer_unique_id).toBeLessThan(1e-9);
    }
    // An unknown id says so instead of showing a score.
    await input.fill("no-such-customer");
    await input.press("Enter");
    await page.locator("#churn-lookup[data-customer='']").waitFor({timeout: 20_000});
    expect(await page.locator("#churn-lookup").textContent()).toContain("No customer with id");
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
