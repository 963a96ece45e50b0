// The templated pages in Chromium: a page per state and per category in the built site, each showing the KPI
// values of states.json / categories.json with their changes and sentences, with no console or cell error; the
// index pages link to every one.
import type {Page} from "playwright-core";
import {describe, expect, inject, test} from "vitest";
import {
  sliceCards,
  type CategorySlice,
  type SliceFile,
  type SliceKpis,
  type SliceWithChanges,
  type StateSlice
} from "../../lib/contracts/slices.js";
import {cardChangeText} from "../../lib/kpi-change.js";
import {useSiteInBrowser} from "./browser.js";
import {builtJson, builtPages} from "./build.js";
import {haveChromium} from "./chromium.js";

const siteDir = inject("siteDir");
const states = builtJson<SliceFile<StateSlice>>(siteDir, "states");
const categories = builtJson<SliceFile<CategorySlice>>(siteDir, "categories");

test("one page per state and per category in the data", () => {
  expect(states.slices.length).toBeGreaterThan(20); // synthetic data draws customers from Brazil's 27 states
  expect(categories.slices.length).toBeGreaterThan(20);
  const pages = builtPages(siteDir);
  expect(pages.filter((p) => p.startsWith("states/"))).toEqual(states.slices.map((s) => `states/${s.slug}`).sort());
  expect(pages.filter((p) => p.startsWith("categories/"))).toEqual(
    categories.slices.map((c) => `categories/${c.slug}`).sort()
  );
});

describe.skipIf(!haveChromium)("templated pages in Chromium", () => {
  const site = useSiteInBrowser(siteDir);

  /** Opens a page, collecting console and page errors. */
  async function open(path: string): Promise<{page: Page; problems: string[]}> {
    const page = await site.browser.newPage();
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${site.url}/${path}`, {waitUntil: "networkidle"});
    await page.waitForSelector("[data-kpi]");
    return {page, problems};
  }

  async function expectCards(page: Page, slice: SliceWithChanges, file: SliceFile<SliceKpis>) {
    const basis = file.revenue_basis;
    expect(await page.locator("p.what-changed").textContent()).toBe(slice.what_changed.join(" "));
    for (const card of sliceCards(basis)) {
      const value = slice[card.field];
      expect(await page.locator(`[data-kpi="${card.field}"] .kpi-value`).textContent(), card.field).toBe(
        value == null ? "–" : card.format(value)
      );
      // The change lines: the figure over the recent months, each change with its tone, and a sparkline.
      const expected = cardChangeText(card, slice.changes[card.field], file.comparison);
      const box = page.locator(`[data-kpi="${card.field}"] .kpi-change`);
      expect(await box.locator(".kpi-period").textContent(), card.field).toBe(expected.period);
      for (const side of expected.sides) {
        const line = box.locator(`[data-side="${side.side}"]`);
        expect(await line.getAttribute("data-tone"), `${card.field} ${side.side}`).toBe(side.tone);
        expect(await line.textContent()).toBe(
          side.change === null
            ? side.against.startsWith("vs ")
              ? `– ${side.against}`
              : side.against
            : `${side.change} ${side.against}`
        );
      }
      expect(await box.locator("svg.kpi-sparkline").count()).toBe(1);
    }
    // Independently of our formatters, so that a formatting bug cannot hide behind them.
    expect(await page.locator('[data-kpi="orders"] .kpi-value').textContent()).toBe(
      slice.orders.toLocaleString("en-US")
    );
    expect(await page.locator('[data-kpi="repeat_customer_rate"] .kpi-value').textContent()).toBe(
      `${(slice.repeat_customer_rate! * 100).toFixed(1)}%`
    );
  }

  test("/states/SP shows SP's KPIs, its trend and top lists", async () => {
    const sp = states.slices.find((s) => s.slug === "SP")!;
    const {page, problems} = await open("states/SP");
    expect(await page.locator("#observablehq-main h1").textContent()).toBe("Customers in SP");
    await expectCards(page, sp, states);
    expect(await page.locator('[data-kpi="revenue"] .kpi-value').textContent()).toBe(
      `R$${(sp.revenue / 1000).toFixed(1).replace(/\.0$/, "")}K`
    );
    expect(await page.locator("svg").count()).toBeGreaterThanOrEqual(3); // trend, top categories, top cities
    // The top city is drawn as text (city names come from the data).
    expect(await page.locator("svg text", {hasText: sp.top_cities[0].city}).count()).toBeGreaterThan(0);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("a category page shows that category's KPIs, with item revenue", async () => {
    const [first] = categories.slices;
    const {page, problems} = await open(`categories/${first.slug}`);
    expect(await page.locator("#observablehq-main h1").textContent()).toBe(`Category ${first.name}`);
    await expectCards(page, first, categories);
    expect(await page.locator('[data-kpi="revenue"] h2').textContent()).toBe("Item revenue");
    expect(await page.locator("table").count()).toBeGreaterThanOrEqual(2); // top products, top sellers
    expect(await page.locator("table", {hasText: first.top_sellers[0].seller_id}).count()).toBe(1);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("the index pages link to every templated page", async () => {
    for (const [index, file] of [
      ["states", states],
      ["categories", categories]
    ] as const) {
      const page = await site.browser.newPage();
      await page.goto(`${site.url}/${index}`, {waitUntil: "networkidle"});
      await page.waitForSelector(`a[href^="./${index}/"]`);
      // Inputs.table adds rows as it scrolls: scroll it to the end until every row is there.
      const table = page.locator('#observablehq-main form[class*="-table"]');
      const rows = table.locator(`a[href^="./${index}/"]`);
      while ((await rows.count()) < file.slices.length) {
        const shown = await rows.count();
        await table.evaluate((form) => form.scrollTo(0, form.scrollHeight));
        await expect.poll(() => rows.count(), {timeout: 10_000}).toBeGreaterThan(shown);
      }
      const links = await rows.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(links.map((href) => new URL(href).pathname)).toEqual(file.slices.map((s) => `/${index}/${s.slug}`));
      // Follow one link: it lands on that slice's page.
      const last = file.slices.at(-1)!;
      await page.locator(`a[href="./${index}/${last.slug}"]`).click();
      await page.waitForSelector("[data-kpi]");
      expect(await page.locator('[data-kpi="orders"] .kpi-value').textContent()).toBe(
        last.orders.toLocaleString("en-US")
      );
      await page.close();
    }
  });
});
