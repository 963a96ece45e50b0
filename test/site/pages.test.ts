// Every page of the built site (synthetic data, scale 0.02) in real Chromium: no console error, no request to
// another host, no cell error; and the overview's KPI cards show the values of kpis.json.
import {describe, expect, inject, test} from "vitest";
import config from "../../observablehq.config.js";
import type {SliceFile, SliceKpis} from "../../lib/contracts/slices.js";
import {CHART_CATALOG} from "../../lib/contracts/charts.js";
import {KPI_CARDS, type Kpis} from "../../lib/contracts/kpis.js";
import {cardChangeText, TONE_STYLE} from "../../lib/kpi-change.js";
import {useSiteInBrowser} from "./browser.js";
import {builtJson, builtPages} from "./build.js";
import {haveChromium} from "./chromium.js";

const siteDir = inject("siteDir");
/** "#1a7f37" → "rgb(26, 127, 55)", as getComputedStyle gives a colour. */
const hexToRgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
/** The templated pages: one per state and per category in the loaders' output (test/site/slices.test.ts checks them). */
const templated = (["states", "categories"] as const).flatMap((dir) =>
  builtJson<SliceFile<SliceKpis>>(siteDir, dir).slices.map((s) => `${dir}/${s.slug}`)
);
const firstOf = (dir: string) => templated.find((p) => p.startsWith(`${dir}/`));
/** The iframe variants of the key charts (test/site/embed.test.ts checks them all). */
const embeds = CHART_CATALOG.map((c) => `embed/${c.name}`);

test("every page in the sidebar, every templated page and every chart's iframe page is built, and nothing else", () => {
  const routes = config.pages.map((p) => (p.path === "/" ? "index" : p.path.replace(/^\//, "")));
  expect(builtPages(siteDir)).toEqual([...routes, ...templated, ...embeds].sort());
});

describe.skipIf(!haveChromium)("every page in Chromium", () => {
  const site = useSiteInBrowser(siteDir);

  test("no console error, no cell error and no request to another host, on any page", async () => {
    // The templated pages share their code: the first state, the first category and the first embed stand for the rest.
    const standIns = [firstOf("states"), firstOf("categories"), embeds[0]];
    for (const name of builtPages(siteDir).filter(
      (p) => (!templated.includes(p) && !embeds.includes(p)) || standIns.includes(p)
    )) {
      const page = await site.browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && problems.push(`${name}: console error: ${m.text()}`));
      page.on("pageerror", (e) => problems.push(`${name}: page error: ${e.message}`));
      page.on("request", (r) => {
        if (!r.url().startsWith(site.url) && !r.url().startsWith("data:"))
          problems.push(`${name}: off-machine request ${r.url()}`);
      });
      await page.goto(`${site.url}/${name === "index" ? "" : name}`, {waitUntil: "networkidle"});
      await page.waitForSelector("#observablehq-main h1");
      expect(await page.locator(".observablehq--error").count(), `${name} shows a cell error`).toBe(0);
      await page.close();
      expect(problems).toEqual([]);
    }
  }, 180_000);

  test("the KPI cards show the values of kpis.json", async () => {
    const kpis = builtJson<Record<string, number>>(siteDir, "kpis");
    const page = await site.open("/");
    await page.waitForSelector("[data-kpi]");
    for (const card of KPI_CARDS) {
      const shown = await page.locator(`[data-kpi="${card.field}"] .kpi-value`).textContent();
      expect(shown, card.field).toBe(card.format(kpis[card.field]));
    }
    // Independently of our formatter, so a formatting bug cannot hide behind it.
    expect(await page.locator('[data-kpi="orders"] .kpi-value').textContent()).toBe(
      kpis.orders.toLocaleString("en-US")
    );
    expect(await page.locator('[data-kpi="repeat_customer_rate"] .kpi-value').textContent()).toBe(
      `${(kpis.repeat_customer_rate * 100).toFixed(1)}%`
    );
    expect(await page.locator("svg").count()).toBeGreaterThanOrEqual(3);
    await page.close();
  }, 60_000);

  test("the KPI cards show each change against the months before and a year earlier, coloured by its tone", async () => {
    const kpis = builtJson<Kpis>(siteDir, "kpis");
    expect(kpis.comparison.recent).not.toBeNull();
    const page = await site.open("/");
    await page.waitForSelector("[data-kpi] .kpi-change");
    expect(await page.locator("p.what-changed").textContent()).toBe(kpis.what_changed.join(" "));
    const colours = Object.fromEntries(Object.entries(TONE_STYLE).map(([tone, s]) => [tone, hexToRgb(s.background)]));
    for (const card of KPI_CARDS) {
      const box = page.locator(`[data-kpi="${card.field}"] .kpi-change`);
      const expected = cardChangeText(card, kpis.changes[card.field], kpis.comparison);
      expect(await box.locator(".kpi-period").textContent(), card.field).toBe(expected.period);
      for (const side of expected.sides) {
        const line = box.locator(`[data-side="${side.side}"]`);
        expect(await line.getAttribute("data-tone"), `${card.field} ${side.side}`).toBe(side.tone);
        if (side.change === null) continue;
        const pill = line.locator(".kpi-delta");
        expect(await pill.textContent()).toBe(side.change);
        expect(await pill.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(colours[side.tone ?? "flat"]);
      }
      expect(await box.locator("svg.kpi-sparkline path").count(), `${card.field} sparkline`).toBe(1);
    }
    // Independently of our formatter and tone rule: churn going up is red, revenue going down is red.
    const churn = kpis.changes.churn_rate;
    if (churn.tone_vs_previous !== "few_orders" && Math.abs(churn.vs_previous!) >= 0.0005) {
      const pill = page.locator('[data-kpi="churn_rate"] [data-side="previous"] .kpi-delta');
      expect(await pill.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
        churn.vs_previous! > 0 ? "rgb(198, 40, 40)" : "rgb(26, 127, 55)"
      );
      expect(await pill.textContent()).toBe(
        `${churn.vs_previous! > 0 ? "▲" : "▼"} ${(Math.abs(churn.vs_previous!) * 100).toFixed(1)} pts`
      );
    }
    await page.close();
  }, 60_000);

  test("the banner says which data the site shows", async () => {
    const page = await site.open("/");
    const banner = page.locator(".banner");
    expect(await banner.getAttribute("data-source")).toBe("synthetic");
    expect(await banner.textContent()).toContain("Synthetic data");
    expect(await page.locator("#observablehq-footer").textContent()).toContain(
      "synthetic Olist-like data (scale 0.02, seed 7)"
    );
    await page.close();
  }, 60_000);
});
