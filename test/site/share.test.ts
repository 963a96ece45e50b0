// The Share list at the end of the pages and the CSV downloads, in real Chromium (site built on synthetic data,
// scale 0.02): the share list names each key chart of its page with working file links and snippets that work
// when pasted into a page of another site; every CSV button downloads a file with the rows it announces, and the
// files of some tables hold exactly the rows of the public JSON behind them.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {CHART_CATALOG, pageCharts} from "../../lib/contracts/charts.js";
import {launchChromium} from "./browser.js";
import {builtJson} from "./build.js";
import {haveChromium} from "./chromium.js";
import {serveStatic} from "./static-server.js";

const siteDir = inject("siteDir");

/** The pages that end with a Share list (the churn pages get theirs from their own owners' edits). */
const PAGES = [
  "/",
  "/insights",
  "/features",
  "/reviews",
  "/cohorts",
  "/segments",
  "/clv",
  "/ab-testing",
  "/data-quality"
];

type Row = Record<string, unknown>;
/** Values as the CSV writes them: numbers and booleans as text, null as empty, nested values as JSON. */
const asCsvRow = (row: Row) =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, v == null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v)])
  );

describe.skipIf(!haveChromium)("sharing and CSV downloads", () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let host: Awaited<ReturnType<typeof serveStatic>>;
  let hostDir: string;
  beforeAll(async () => {
    browser = await launchChromium();
    site = await serveStatic(siteDir, {cors: true});
    hostDir = mkdtempSync(join(tmpdir(), "olist-share-"));
    host = await serveStatic(hostDir);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([site?.close(), host?.close()]);
    if (hostDir) rmSync(hostDir, {recursive: true, force: true});
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({acceptDownloads: true});
    await page.goto(`${site.url}${path}`, {waitUntil: "networkidle"});
    await page.locator("[data-share-list]").waitFor();
    return page;
  }

  /** Clicks a CSV button and returns the downloaded file's name and text. */
  // Headless Chromium drops about one download in ten of a quick series although the button's handler ran and
  // clicked its link with user activation (seen on /clv: the link's click logged, no download event), so a button
  // gets a second click before it counts as broken.
  async function download(page: Page, filename: string): Promise<{name: string; text: string}> {
    const button = page.locator(`button[data-csv-download="${filename}"]`);
    let error: unknown;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const [file] = await Promise.all([page.waitForEvent("download", {timeout: 10_000}), button.click()]);
        return {name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8")};
      } catch (e) {
        error = e;
      }
    }
    throw new Error(`${new URL(page.url()).pathname}: the button for ${filename} gave no download`, {cause: error});
  }

  test.each(PAGES)(
    "%s ends with a Share list of its key charts, each with working files and snippets",
    async (path) => {
      const page = await open(path);
      const list = page.locator(`[data-share-list="${path}"]`);
      expect(await list.locator("[data-share-page]").getAttribute("href")).toBe(`${site.url}${path}`);
      const expected = pageCharts(path);
      expect(
        await list
          .locator("[data-share-chart]")
          .evaluateAll((items) => items.map((i) => i.getAttribute("data-share-chart")))
      ).toEqual(expected.map((c) => c.name));
      for (const chart of expected) {
        const item = list.locator(`[data-share-chart="${chart.name}"]`);
        for (const [ext, type] of [
          ["svg", "image/svg+xml"],
          ["png", "image/png"],
          ["csv", "text/csv"]
        ]) {
          const href = await item.locator(`a[data-share-file="${ext}"]`).getAttribute("href");
          const response = await page.request.get(new URL(href!, page.url()).href);
          expect(response.status(), `${chart.name}.${ext}`).toBe(200);
          expect(response.headers()["content-type"]).toBe(type);
          expect((await response.body()).equals(readFileSync(join(siteDir, "charts", `${chart.name}.${ext}`)))).toBe(
            true
          );
        }
        expect(await item.locator('[data-share-snippet="iframe"]').textContent()).toContain(
          `src="${site.url}/embed/${chart.name}"`
        );
        expect(await item.locator('[data-share-snippet="module"]').textContent()).toContain(
          `import {${chart.exportName}} from "${site.url}/embed/${chart.name}.js";`
        );
      }
      await page.close();
    }
  );

  test("the snippets of the cohort heatmap, pasted into a page of another site, show the chart", async () => {
    const chart = CHART_CATALOG.find((c) => c.name === "cohort-heatmap")!;
    const page = await open(chart.page);
    const item = page.locator(`[data-share-chart="${chart.name}"]`);
    const iframe = await item.locator('[data-share-snippet="iframe"]').textContent();
    const module = await item.locator('[data-share-snippet="module"]').textContent();
    await page.close();

    writeFileSync(
      join(hostDir, "wiki.html"),
      `<!DOCTYPE html><meta charset="utf-8"><body><h1>Wiki</h1>\n${iframe}\n${module}`
    );
    const wiki = await browser.newPage();
    const errors: string[] = [];
    wiki.on("pageerror", (e) => errors.push(e.message));
    await wiki.goto(`${host.url}/wiki`, {waitUntil: "networkidle"});
    await wiki.locator(`figure[data-chart="${chart.name}"] svg`).first().waitFor();
    await wiki.frameLocator("iframe").locator(`[data-embed-chart="${chart.name}"] svg`).first().waitFor();
    expect(errors).toEqual([]);
    await wiki.close();
  });

  test("every CSV button of every page downloads a CSV named as announced, with the rows its label counts", async () => {
    let buttons = 0;
    for (const path of PAGES) {
      const page = await open(path);
      const found = await page
        .locator("button[data-csv-download]")
        .evaluateAll((all) =>
          all
            .filter((b) => (b as HTMLElement).offsetParent !== null)
            .map((b) => [b.getAttribute("data-csv-download")!, b.textContent!] as const)
        );
      expect(new Set(found.map(([filename]) => filename)).size, `${path}: one button per file name`).toBe(found.length);
      for (const [filename, label] of found) {
        const rows = Number(/\(([\d,]+) rows?\)$/.exec(label)![1]!.replace(/,/g, ""));
        const {name, text} = await download(page, filename);
        expect(name).toBe(filename);
        const parsed = csvParse(text);
        expect(parsed.length, `${path} ${filename}`).toBe(rows);
        if (rows > 0) expect(parsed.columns.length, `${path} ${filename}`).toBeGreaterThanOrEqual(2);
        buttons++;
      }
      await page.close();
    }
    expect(buttons).toBeGreaterThanOrEqual(30);
  }, 240_000);

  test("table downloads hold exactly the rows of the public files behind the tables", async () => {
    const cases: [string, string, Row[]][] = [
      [
        "/",
        "orders-per-customer.csv",
        builtJson<{orders_per_customer: Row[]}>(siteDir, "overview").orders_per_customer
      ],
      ["/insights", "states.csv", builtJson<{states: Row[]}>(siteDir, "insights").states],
      ["/insights", "payment-methods.csv", builtJson<{payments: Row[]}>(siteDir, "insights").payments],
      ["/segments", "rfm-segments.csv", builtJson<{segments: Row[]}>(siteDir, "segments").segments],
      ["/clv", "clv-by-state.csv", builtJson<{by_state: Row[]}>(siteDir, "clv").by_state],
      ["/data-quality", "data-quality-files.csv", builtJson<{files: Row[]}>(siteDir, "data-quality").files],
      ["/data-quality", "data-quality-rejects.csv", builtJson<{rejects: Row[]}>(siteDir, "data-quality").rejects]
    ];
    for (const [path, filename, expected] of cases) {
      if (!expected.length) continue; // no rejected row in these data: no button
      const page = await open(path);
      const {text} = await download(page, filename);
      const rows = csvParse(text);
      expect([...rows], `${path} ${filename}`).toEqual(expected.map(asCsvRow));
      await page.close();
    }
  });
});
