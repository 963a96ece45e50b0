// The Segments page in Chromium (site built on synthetic data, scale 0.02): the segment filter changes the customer
// list, which holds each segment's first TOP_CUSTOMERS rows of segment-customers.parquet (sorted by segment, then
// spend), and the CSV download holds exactly the listed rows; the page never loads the whole file.
import {DuckDBInstance} from "@duckdb/node-api";
import {csvParse} from "d3-dsv";
import type {Page} from "playwright-core";
import {describe, expect, inject, test} from "vitest";
import {TOP_CUSTOMERS} from "../../loaders/segments.js";
import {useSiteInBrowser} from "./browser.js";
import {builtFile, builtJson} from "./build.js";
import {haveChromium} from "./chromium.js";

const siteDir = inject("siteDir");

type Person = {
  customer_unique_id: string;
  segment: string;
  R: number;
  F: number;
  M: number;
  recency_days: number;
  orders: number;
  monetary: number;
  state: string | null;
};

/** The built Parquet list, read independently of the page with DuckDB. */
async function builtList(): Promise<Person[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    const file = builtFile(siteDir, "segment-customers", "parquet").replace(/'/g, "''");
    return (await db.runAndReadAll(`SELECT * FROM read_parquet('${file}')`)).getRowObjectsJS() as unknown as Person[];
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

async function download(page: Page): Promise<{name: string; text: string}> {
  return page.evaluate(async () => {
    const a = document.querySelector<HTMLAnchorElement>("a[data-csv-download]")!;
    return {name: a.download, text: await (await fetch(a.href)).text()};
  });
}

describe.skipIf(!haveChromium)("the Segments page", () => {
  const site = useSiteInBrowser(siteDir);

  test("the segment filter changes the list, and the CSV holds exactly the listed rows", async () => {
    const list = await builtList();
    const report = builtJson<{segments: {segment: string; people: number}[]; clustering: {k: number} | null}>(
      siteDir,
      "segments"
    );
    const bySegment = (s: string) => list.filter((p) => p.segment === s).slice(0, TOP_CUSTOMERS);
    const page = await site.browser.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${site.url}/segments`, {waitUntil: "networkidle"});
    const listed = page.locator("[data-listed-count]");
    await listed.waitFor();

    // At first the first segment that has people is listed.
    const first = report.segments.find((s) => s.people > 0)!;
    expect(await listed.getAttribute("data-listed-count")).toBe(String(Math.min(first.people, TOP_CUSTOMERS)));

    // Choose the largest segment: the count, the table and the CSV follow.
    const largest = [...report.segments].sort((a, b) => b.people - a.people)[0]!;
    expect(largest.segment).not.toBe(first.segment);
    expect(largest.people).toBeGreaterThan(TOP_CUSTOMERS); // so that the cut is tested
    const select = page.locator("form").filter({hasText: "Segment"}).locator("select");
    const label = (await select.locator("option").allTextContents()).find((t) => t.startsWith(`${largest.segment} (`))!;
    await select.selectOption({label});
    await expect.poll(() => listed.getAttribute("data-listed-count")).toBe(String(TOP_CUSTOMERS));
    expect(await select.locator("option:checked").textContent()).toBe(
      `${largest.segment} (${largest.people.toLocaleString("en-US")})`
    );

    const {name, text} = await download(page);
    expect(name).toBe(
      `customers-${largest.segment.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${name.slice(-14, -4)}.csv`
    );
    const rows = csvParse(text);
    expect(rows.columns).toEqual([
      "customer_unique_id",
      "segment",
      "R",
      "F",
      "M",
      "recency_days",
      "orders",
      "monetary",
      "state"
    ]);
    const expected = bySegment(largest.segment);
    expect(rows.length).toBe(expected.length);
    expect(rows.map((r) => r.customer_unique_id)).toEqual(expected.map((p) => p.customer_unique_id));
    rows.forEach((r, i) => {
      const p = expected[i]!;
      expect([
        r.segment,
        Number(r.R),
        Number(r.F),
        Number(r.M),
        Number(r.recency_days),
        Number(r.orders),
        Number(r.monetary),
        r.state || null
      ]).toEqual([p.segment, p.R, p.F, p.M, p.recency_days, p.orders, p.monetary, p.state]);
    });
    // The table shows the same people, first rows first.
    expect(await page.locator("table tbody tr").filter({hasText: expected[0]!.customer_unique_id}).count()).toBe(1);

    // "All segments" lists every segment's top spenders together, highest spend first, and so does its CSV.
    await select.selectOption({index: 0});
    const tops = report.segments
      .flatMap((s) => bySegment(s.segment))
      .sort((a, b) => b.monetary - a.monetary || (a.customer_unique_id < b.customer_unique_id ? -1 : 1));
    await expect.poll(() => listed.getAttribute("data-listed-count")).toBe(String(tops.length));
    expect(csvParse((await download(page)).text).map((r) => r.customer_unique_id)).toEqual(
      tops.map((p) => p.customer_unique_id)
    );
    // The whole list is a link, never loaded.
    expect(requests.filter((r) => /\/segment-customers\.[0-9a-f]+\.parquet$/.test(r))).toEqual([]);
    expect(await page.locator("a[download^='segment-customers-']").getAttribute("href")).toMatch(/segment-customers\./);

    // The chosen k is the one in segments.json.
    if (report.clustering)
      expect(await page.locator("[data-chosen-k]").getAttribute("data-chosen-k")).toBe(String(report.clustering.k));
    await page.close();
  }, 90_000);

  test("the CLV page shows clv.json's figures", async () => {
    const clv = builtJson<{
      summary: {historical_mean: number; sentence: string};
      choice: {model: string; sentence: string};
      models: {name: string; label: string}[];
    }>(siteDir, "clv");
    const page = await site.open("/clv");
    await page.locator('[data-clv="historical_mean"]').waitFor();
    const shown = await page.locator('[data-clv="historical_mean"]').textContent();
    expect(shown).toBe(
      `R$${clv.summary.historical_mean.toLocaleString("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2})}`
    );
    expect(await page.locator("[data-clv-summary]").textContent()).toBe(clv.summary.sentence);
    expect(await page.locator("[data-clv-choice]").textContent()).toBe(clv.choice.sentence);
    // the comparison table marks the chosen model as the default, and lists all three
    const chosen = clv.models.find((m) => m.name === clv.choice.model)!;
    await expect.poll(() => page.getByText(`${chosen.label} (default)`, {exact: true}).count()).toBe(1);
    expect(clv.models.map((m) => m.name).sort()).toEqual(["bgnbd", "mbgnbd", "pareto_nbd"]);
    await page.close();
  }, 60_000);
});
