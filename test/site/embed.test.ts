// Embedding the key charts in other sites (site built on synthetic data, scale 0.02), in real Chromium: a plain
// HTML page served on another port imports each exported module /embed/NAME.js and draws its chart, which the
// browser allows only when the site sends CORS headers; each iframe page /embed/NAME has no sidebar, header or
// footer and draws its chart, also inside an iframe of that other page.
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {CHART_CATALOG, type ChartEntry} from "../../lib/contracts/charts.js";
import {launchChromium} from "./browser.js";
import {builtJson} from "./build.js";
import {haveChromium} from "./chromium.js";
import {serveStatic} from "./static-server.js";

const siteDir = inject("siteDir");
type Server = Awaited<ReturnType<typeof serveStatic>>;

/** The data file an embed loads, as built: _file/charts/NAME.<hash>.json. */
function chartJson<T>(name: string): {title: string; subtitle: string; data: T} {
  const dir = join(siteDir, "_file", "charts");
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".json"));
  if (!file) throw new Error(`no ${name}.*.json in ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

/** A page of another site that imports one exported module and appends what it returns. */
function hostPage(site: string, chart: ChartEntry, width: number): string {
  return `<!DOCTYPE html><meta charset="utf-8"><title>Wiki</title><body><h1>Our wiki</h1><div id="chart"></div>
<script type="module">
try {
  const {${chart.exportName}} = await import(${JSON.stringify(`${site}/embed/${chart.name}.js`)});
  document.getElementById("chart").append(await ${chart.exportName}({width: ${width}}));
  document.body.dataset.state = "drawn";
} catch (error) {
  document.body.dataset.state = "failed: " + error.message;
}
</script>`;
}

describe.skipIf(!haveChromium)("embeds on another site", () => {
  let browser: Browser;
  let site: Server;
  let siteWithoutCors: Server;
  let host: Server;
  let hostDir: string;
  beforeAll(async () => {
    browser = await launchChromium();
    site = await serveStatic(siteDir, {cors: true});
    siteWithoutCors = await serveStatic(siteDir);
    hostDir = mkdtempSync(join(tmpdir(), "olist-host-"));
    host = await serveStatic(hostDir);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([site?.close(), siteWithoutCors?.close(), host?.close()]);
    if (hostDir) rmSync(hostDir, {recursive: true, force: true});
  });

  /** Opens the host page for one chart; returns the page and what went wrong in it. */
  async function openHost(
    siteUrl: string,
    chart: ChartEntry,
    width = 640
  ): Promise<{page: Page; state: string | null; problems: string[]}> {
    writeFileSync(join(hostDir, `${chart.name}.html`), hostPage(siteUrl, chart, width));
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("request", (r) => {
      if (![siteUrl, host.url].some((origin) => r.url().startsWith(origin)))
        problems.push(`request to a third host: ${r.url()}`);
    });
    await page.goto(`${host.url}/${chart.name}`, {waitUntil: "networkidle"});
    await page.waitForFunction(() => document.body.dataset.state !== undefined);
    return {page, state: await page.evaluate(() => document.body.dataset.state ?? null), problems};
  }

  test.each(CHART_CATALOG.map((c) => [c.exportName, c] as const))(
    "%s from its exported module draws its chart in a page on another port",
    async (_, chart) => {
      expect(new URL(host.url).port).not.toBe(new URL(site.url).port);
      const {page, state, problems} = await openHost(site.url, chart, 640);
      expect(state).toBe("drawn");
      expect(problems).toEqual([]);
      const figure = page.locator(`#chart figure[data-chart="${chart.name}"]`);
      expect(await figure.locator("div").first().textContent()).toBe(chart.title);
      // The chart itself: the widest svg is the width asked for (legend swatches are small svgs of their own).
      const widths = await figure
        .locator("svg")
        .evaluateAll((svgs) => svgs.map((s) => Number(s.getAttribute("width"))));
      expect(Math.max(...widths)).toBe(640);
      expect(await figure.locator("figcaption").textContent()).toContain(chartJson(chart.name).subtitle);
      await page.close();
    }
  );

  test("the revenue trend module draws one bar per month of overview.json", async () => {
    const months = builtJson<{monthly: unknown[]}>(siteDir, "overview").monthly.length;
    const chart = CHART_CATALOG.find((c) => c.name === "revenue-trend")!;
    const {page, state} = await openHost(site.url, chart);
    expect(state).toBe("drawn");
    expect(await page.locator('#chart g[aria-label="rect"] rect').count()).toBe(months);
    await page.close();
  });

  test("the cohort heatmap module draws one cell per cohort and month after the first, as in cohorts.json", async () => {
    const {cohorts} = builtJson<{cohorts: {months: {month_offset: number}[]}[]}>(siteDir, "cohorts");
    const cells = cohorts.flatMap((c) => c.months.filter((m) => m.month_offset >= 1)).length;
    const chart = CHART_CATALOG.find((c) => c.name === "cohort-heatmap")!;
    const {page, state} = await openHost(site.url, chart);
    expect(state).toBe("drawn");
    expect(cells).toBeGreaterThan(10);
    expect(await page.locator('#chart g[aria-label="cell"] rect').count()).toBe(cells);
    await page.close();
  });

  test("without CORS headers the browser refuses the module: a host must send them", async () => {
    const {page, state} = await openHost(siteWithoutCors.url, CHART_CATALOG[0]!);
    expect(state).toMatch(/^failed: /);
    expect(await page.locator("#chart svg").count()).toBe(0);
    await page.close();
  });

  test.each(CHART_CATALOG.map((c) => [c.name, c] as const))(
    "the iframe page /embed/%s has no sidebar, header or footer and draws its chart",
    async (_, chart) => {
      const page = await browser.newPage({viewport: {width: 700, height: chart.frameHeight}});
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${site.url}/embed/${chart.name}`, {waitUntil: "networkidle"});
      const drawn = page.locator(`[data-embed-chart="${chart.name}"] svg`).first();
      await drawn.waitFor();
      expect(errors).toEqual([]);
      expect(
        await page
          .locator(
            "#observablehq-sidebar, #observablehq-header, #observablehq-footer, #observablehq-toc, #observablehq-search"
          )
          .count()
      ).toBe(0);
      expect(await page.locator("#observablehq-main h1").textContent()).toBe(chart.title);
      expect(await page.locator(".observablehq--error").count()).toBe(0);
      // The chart fits the frame's width: no horizontal scrolling inside a wiki.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(700);
      await page.close();
    }
  );

  test("an iframe of /embed/cohort-heatmap in the other site's page shows the chart and no sidebar", async () => {
    const chart = CHART_CATALOG.find((c) => c.name === "cohort-heatmap")!;
    writeFileSync(
      join(hostDir, "frame.html"),
      `<!DOCTYPE html><meta charset="utf-8"><body><h1>Our wiki</h1>
<iframe src="${site.url}/embed/${chart.name}" width="700" height="${chart.frameHeight}" style="border: 0" title="${chart.title}"></iframe>`
    );
    const page = await browser.newPage();
    await page.goto(`${host.url}/frame`, {waitUntil: "networkidle"});
    const frame = page.frameLocator("iframe");
    await frame.locator(`[data-embed-chart="${chart.name}"] svg`).first().waitFor();
    expect(await frame.locator("#observablehq-sidebar").count()).toBe(0);
    expect(await frame.locator("#observablehq-main h1").textContent()).toBe(chart.title);
    await page.close();
  });
});
