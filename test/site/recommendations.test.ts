// The Recommendations page in Chromium (site built on synthetic data, scale 0.02): looking up a customer shows
// exactly their row of recommendations.parquet (fetched from the lookup pack), put in words here independently;
// the CSV of the lists holds the same rows; the evaluation table shows recommendation-metrics.json's figures.
import {DuckDBInstance} from "@duckdb/node-api";
import {csvParse} from "d3-dsv";
import {readFileSync} from "node:fs";
import type {Page} from "playwright-core";
import {describe, expect, inject, test} from "vitest";
import type {RecommendationRow} from "../../lib/contracts/recommendations.js";
import {reasonText} from "../../lib/recs/reasons.js";
import {useSiteInBrowser} from "./browser.js";
import {builtFile, builtJson} from "./build.js";
import {haveChromium} from "./chromium.js";

const siteDir = inject("siteDir");

type Row = RecommendationRow;

async function builtLists(): Promise<Row[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    const file = builtFile(siteDir, "recommendations", "parquet").replace(/'/g, "''");
    return (
      await db.runAndReadAll(`SELECT * FROM read_parquet('${file}') ORDER BY customer_unique_id`)
    ).getRowObjectsJS() as unknown as Row[];
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/** What the page should show for one person, worked out without the page's code. */
function expected(
  row: Row,
  weeks: number,
  level: "product" | "category"
): {label: string; reason: string; id: string}[] {
  const spaced = (s: string) => s.replace(/_/g, " ");
  const productText = (id: string, category: string | null) =>
    `product ${id.slice(0, 8)}${category === null ? "" : ` (${spaced(category)})`}`;
  const items: string[] = row[level];
  return items.map((item, i) => {
    const kind = row[`${level}_reason`][i]!;
    const because = row[`${level}_because`][i] ?? null;
    const refers =
      because === null
        ? null
        : kind.startsWith("popular_state")
          ? because
          : level === "product" && ["together", "co_buyers"].includes(kind)
            ? productText(because, row.product_because_category[i] ?? null)
            : spaced(because);
    return {
      label: level === "product" ? productText(item, row.product_category[i] ?? null) : spaced(item),
      reason: reasonText(kind, refers, row[`${level}_support`][i]!, weeks),
      id: item
    };
  });
}

async function shownRows(page: Page, level: string): Promise<{label: string; reason: string}[]> {
  const rows = page.locator(`[data-recs-level="${level}"] table tbody tr`);
  const out: {label: string; reason: string}[] = [];
  for (const tr of await rows.all()) {
    const cells = (await tr.locator("td").allTextContents()).slice(-3); // #, label, reason
    out.push({label: cells[1]!, reason: cells[2]!});
  }
  return out;
}

/** Clicks the CSV button whose file name starts with `prefix`; the downloaded file's name and text. */
async function download(page: Page, prefix: string): Promise<{name: string; text: string}> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.locator(`button[data-csv-download^="${prefix}"]`).click()
  ]);
  return {name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8")};
}

async function lookUp(page: Page, id: string): Promise<void> {
  const form = page.locator("form").filter({hasText: "Customer id"});
  await form.locator("input[type=text]").fill(id);
  await form.getByRole("button", {name: "Look up"}).click();
  await page.locator(`#recs-lookup[data-customer="${id}"]`).waitFor();
}

describe.skipIf(!haveChromium)("the Recommendations page", () => {
  const site = useSiteInBrowser(siteDir);

  test("a looked-up customer's lists are their row of recommendations.parquet, with reasons in words", async () => {
    const rows = await builtLists();
    const {recent} = builtJson<{recent: {weeks: number}}>(siteDir, "recommendation-lists");
    const oneTime = rows.find((r) => r.basis === "first order")!;
    const repeat = rows.find((r) => r.basis === "history")!;
    expect(oneTime.product.length).toBe(10);
    const page = await site.browser.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${site.url}/recommendations`, {waitUntil: "networkidle"});
    for (const person of [oneTime, repeat]) {
      await lookUp(page, person.customer_unique_id);
      expect(await page.locator("#recs-lookup").getAttribute("data-basis")).toBe(person.basis);
      for (const level of ["product", "category"] as const) {
        await expect
          .poll(async () => (await shownRows(page, level)).map((r) => r.label))
          .toEqual(expected(person, recent.weeks, level).map((r) => r.label));
        expect(await shownRows(page, level)).toEqual(
          expected(person, recent.weeks, level).map(({label, reason}) => ({label, reason}))
        );
      }
    }
    // The CSV of the last one holds both lists, with ids as in the data.
    const csv = await download(page, "recommendations-");
    expect(csv.name).toBe(`recommendations-${repeat.customer_unique_id}.csv`);
    const parsed = csvParse(csv.text);
    expect(parsed.columns).toEqual(["level", "rank", "id", "category", "reason"]);
    const both = (["product", "category"] as const).flatMap((level) =>
      expected(repeat, recent.weeks, level).map((r) => [level, r.id, r.reason])
    );
    expect(parsed.map((r) => [r.level, r.id, r.reason])).toEqual(both);

    // An unknown id says so, and shows no list.
    await page.locator("form").filter({hasText: "Customer id"}).locator("input[type=text]").fill("no-such-person");
    await page.locator("form").filter({hasText: "Customer id"}).getByRole("button", {name: "Look up"}).click();
    await expect.poll(() => page.locator("#recs-lookup").textContent()).toContain("No customer with id no-such-person");
    await expect.poll(() => page.locator("[data-recs-level]").count()).toBe(0);
    // The lists came from the lookup pack; everyone's file is a link, never loaded.
    expect(requests.some((r) => /\/recommendation-lookup\.[0-9a-f]+\.pack$/.test(r))).toBe(true);
    expect(requests.filter((r) => /\/recommendations\.[0-9a-f]+\.parquet$/.test(r))).toEqual([]);
    expect(await page.locator("a[download^='recommendations-']").getAttribute("href")).toMatch(/recommendations\./);
    await page.close();
  }, 120_000);

  test("the evaluation table shows recommendation-metrics.json, and its CSV holds every row", async () => {
    type Result = {candidate: string; level: string; segment: string; people: number; hit_at_10: number | null};
    const metrics = builtJson<{results: Result[]; candidates: {id: string; name: string}[]}>(
      siteDir,
      "recommendation-metrics"
    );
    const page = await site.open("/recommendations");
    const table = page.locator("[data-eval-table] table");
    await table.waitFor();
    const hybrid = metrics.results.find(
      (r) => r.candidate === "hybrid" && r.level === "product" && r.segment === "all"
    )!;
    const name = metrics.candidates.find((c) => c.id === "hybrid")!.name;
    const row = table.locator("tbody tr").filter({hasText: name});
    const cells = await row.locator("td").allTextContents();
    expect(cells).toContain(String(hybrid.people));
    expect(cells).toContain(hybrid.hit_at_10 === null ? "–" : `${(hybrid.hit_at_10 * 100).toFixed(1)}%`);
    const parsed = csvParse((await download(page, "recommendation-evaluation-")).text);
    expect(parsed.length).toBe(metrics.results.length);
    expect(parsed.map((r) => [r.candidate, r.level, r.segment, Number(r.people)])).toEqual(
      metrics.results.map((r) => [r.candidate, r.level, r.segment, r.people])
    );
    await page.close();
  }, 60_000);
});
