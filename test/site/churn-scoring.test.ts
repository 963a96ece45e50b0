// The churn pages in Chromium: the scoring page, scoring in the browser with the published model, shows for
// each looked-up customer (typed in, or named in the address) the same probability as the build-time batch scores
// (to 1e-9) after fetching one shard of the lookup pack; neither it nor the features page downloads a per-customer
// table; the at-risk list is the top N of the scores and filters as they do; the model page's model card shows every
// item in full; and the built metrics name every model and baseline.
import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, inject, test} from "vitest";
import {FEATURES} from "../../loaders/features/dictionary.js";
import {useSiteInBrowser} from "./browser.js";
import {builtFile, builtJson} from "./build.js";
import {haveChromium} from "./chromium.js";

const siteDir = inject("siteDir");

type BatchScore = {customer_unique_id: string; churn_probability: number; rfm_segment: string; state: string | null};

/** The build-time batch scores, read from the built Parquet with DuckDB (not with the page's code). */
async function batchScores(extra: string[] = [], order = "customer_unique_id", limit?: number): Promise<BatchScore[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    const path = builtFile(siteDir, "churn-scores", "parquet").replace(/'/g, "''");
    const columns = ["customer_unique_id", "churn_probability", ...extra].join(", ");
    const reader = await db.runAndReadAll(
      `SELECT ${columns} FROM read_parquet('${path}') ORDER BY ${order}${limit ? ` LIMIT ${limit}` : ""}`
    );
    return reader.getRowObjectsJS() as BatchScore[];
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

test("the churn metrics name every model, baseline and the oracle", () => {
  const m = builtJson<{results: {name: string; metrics: {roc_auc: number}}[]}>(siteDir, "churn-metrics");
  expect(m.results.map((r) => r.name)).toEqual([
    "GBDT",
    "Random forest",
    "Logistic regression",
    "Recency alone",
    "Seed rule",
    "BG/NBD",
    "Oracle"
  ]);
});

describe.skipIf(!haveChromium)("churn scoring in Chromium", () => {
  const site = useSiteInBrowser(siteDir);

  test("the model card states every item in full, with nothing cut off", async () => {
    const m = builtJson<{window: Record<string, string | number>}>(siteDir, "churn-metrics");
    const page = await site.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${site.url}/churn-model`, {waitUntil: "networkidle"});
    await page.locator("#churn-model-card").waitFor({timeout: 20_000});
    const rows = await page.locator("#churn-model-card tr").evaluateAll((trs) =>
      trs.map((tr) => {
        const td = tr.querySelector("td")!;
        // a cut-off cell (one line with an ellipsis, or a fixed height) is wider or taller inside than its box
        return {
          item: tr.querySelector("th")!.textContent!,
          detail: td.textContent!,
          clipped: td.scrollWidth > td.clientWidth + 1 || td.scrollHeight > td.clientHeight + 1
        };
      })
    );
    expect(rows.map((r) => r.item)).toEqual([
      "Model",
      "Churn, as forecast",
      "Churn, as a status",
      "Data window",
      "Features",
      "Parameters",
      "Selection",
      "Training time",
      "Model file",
      "Known limits"
    ]);
    for (const r of rows) expect(r.clipped, r.item).toBe(false);
    const detail = (item: string) => rows.find((r) => r.item === item)!.detail;
    expect(detail("Churn, as forecast")).toContain(
      `no order that is not canceled or unavailable in the ${m.window.horizonDays} days after the cutoff`
    );
    expect(detail("Churn, as a status")).toContain(
      "one-time buyers are churned after more than 540 days without a purchase"
    );
    for (const date of ["firstPurchase", "trainingCutoff", "evaluationCutoff", "lastReliableDate", "analysisDate"])
      expect(detail("Data window")).toContain(m.window[date]);
    // Every feature of the dictionary is a model input.
    expect(detail("Features")).toMatch(
      new RegExp(`^All ${FEATURES.length} customer features \\(RFM \\d+, temporal \\d+`)
    );
    expect(detail("Parameters")).toMatch(
      /Learning rate [\d.]+, \d+ rounds, depth ≤ \d, L2 on leaves λ = [\d.]+, min child weight/
    );
    expect(detail("Training time")).toMatch(
      /^[\d.]+ s for the final model .* [\d.]+ s for the cross-validation; [\d.]+ s for the whole run/
    );
    expect(detail("Known limits")).toMatch(/Probabilities assume the future behaves like the evaluation period\.$/);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  /** The page's requests, recorded from the start. */
  async function openRecorded(path: string) {
    const page = await site.browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${site.url}${path}`, {waitUntil: "networkidle"});
    return {page, requests, errors};
  }
  const perCustomerTables = /\/(customer-features|churn-scores)\.[0-9a-f]+\.parquet$/;

  test("looked-up customers get the build-time batch score, from one shard of the lookup pack", async () => {
    const scores = await batchScores();
    expect(scores.length).toBeGreaterThan(100);
    const sample = [0, 1, Math.floor(scores.length / 3), Math.floor(scores.length / 2), scores.length - 1].map(
      (i) => scores[i]!
    );
    const {page, requests, errors} = await openRecorded("/churn-scoring");
    const input = page.locator("form input[placeholder='customer_unique_id']");
    for (const s of sample) {
      await input.fill(s.customer_unique_id);
      await input.press("Enter");
      const card = page.locator(`#churn-lookup[data-customer="${s.customer_unique_id}"]`);
      await card.waitFor({timeout: 20_000});
      const shown = Number(await card.getAttribute("data-churn-probability"));
      expect(Math.abs(shown - s.churn_probability), s.customer_unique_id).toBeLessThan(1e-9);
      // the looked-up id is kept in the address, so the view can be shared
      expect(new URL(page.url()).searchParams.get("customer")).toBe(s.customer_unique_id);
    }
    // An unknown id says so instead of showing a score.
    await input.fill("no-such-customer");
    await input.press("Enter");
    await page.locator("#churn-lookup[data-customer='']").waitFor({timeout: 20_000});
    expect(await page.locator("#churn-lookup").textContent()).toContain("No customer with id");
    expect(errors).toEqual([]);
    // the pack was read, the whole tables never
    expect(requests.some((r) => /\/churn-lookup\.[0-9a-f]+\.pack$/.test(r))).toBe(true);
    expect(requests.filter((r) => perCustomerTables.test(r))).toEqual([]);
    // the download link of everyone's scores is there, not loaded
    expect(await page.locator("a[download='churn-scores.parquet']").getAttribute("href")).toMatch(/churn-scores\./);
    await page.close();
  }, 120_000);

  test("a customer named in the address is looked up on arrival", async () => {
    const scores = await batchScores();
    const s = scores[Math.floor(scores.length / 4)]!;
    const {page, errors} = await openRecorded(`/churn-scoring?customer=${encodeURIComponent(s.customer_unique_id)}`);
    const card = page.locator(`#churn-lookup[data-customer="${s.customer_unique_id}"]`);
    await card.waitFor({timeout: 20_000});
    expect(Math.abs(Number(await card.getAttribute("data-churn-probability")) - s.churn_probability)).toBeLessThan(
      1e-9
    );
    expect(await page.locator("form input[placeholder='customer_unique_id']").inputValue()).toBe(s.customer_unique_id);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test("the at-risk list is the top N of the batch scores and filters by RFM segment and state as they do", async () => {
    const {top_n} = builtJson<{top_n: number}>(siteDir, "churn-at-risk");
    const scores = await batchScores(
      ["rfm_segment", "state"],
      "churn_probability DESC, value_at_risk DESC, customer_unique_id",
      top_n
    );
    const page = await site.open("/churn-scoring");
    const shown = page.locator("[data-at-risk]");
    await expect.poll(async () => Number(await shown.getAttribute("data-at-risk"))).toBe(scores.length);
    // The largest segment, then also its most common state.
    const mostCommon = (values: string[]) =>
      [...new Set(values)].sort(
        (a, b) => values.filter((v) => v === b).length - values.filter((v) => v === a).length
      )[0]!;
    const segment = mostCommon(scores.map((s) => s.rfm_segment));
    await page.getByLabel("RFM segment").selectOption(segment);
    const inSegment = scores.filter((s) => s.rfm_segment === segment);
    await expect.poll(async () => Number(await shown.getAttribute("data-at-risk"))).toBe(inSegment.length);
    const state = mostCommon(inSegment.map((s) => s.state ?? ""));
    await page.getByLabel("State").selectOption(state);
    await expect
      .poll(async () => Number(await shown.getAttribute("data-at-risk")))
      .toBe(inSegment.filter((s) => s.state === state).length);
    await page.close();
  }, 60_000);

  test("the features page shows summaries and a sample, and links the whole table without loading it", async () => {
    const {page, requests, errors} = await openRecorded("/features");
    const sample = builtJson<{sample_size: number}>(siteDir, "customer-feature-sample");
    await expect
      .poll(async () => Number(await page.locator("#feature-sample").getAttribute("data-rows")))
      .toBe(sample.sample_size);
    const summary = builtJson<{features: {name: string; count: number}[]}>(siteDir, "feature-summaries").features.find(
      (f) => f.name === "monetary_total"
    )!;
    const card = page.locator("#feature-distribution[data-feature='monetary_total']");
    await card.waitFor({timeout: 20_000});
    expect(await card.locator("h2").textContent()).toContain(`${summary.count.toLocaleString("en-US")} people`);
    expect(await page.locator("a[download='customer-features.parquet']").getAttribute("href")).toMatch(
      /customer-features\./
    );
    expect(requests.filter((r) => perCustomerTables.test(r))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
