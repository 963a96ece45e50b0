// The Cohorts page in Chromium (synthetic data, scale 0.02): the heatmap draws a cell per cohort and month,
// the filters re-compute the selected people from the cube, and the payback shown is lib/cohorts.ts's.
import type {Page} from "playwright-core";
import {beforeAll, describe, expect, inject, test} from "vitest";
import {
  cohortsFromCube,
  lastDayOfMonth,
  monthsBetween,
  paybackMonth,
  pooledCurve,
  type CohortCube
} from "../../lib/cohorts.js";
import type {CohortsReport} from "../../loaders/cohorts.js";
import {useSiteInBrowser} from "./browser.js";
import {builtJson} from "./build.js";
import {haveChromium} from "./chromium.js";

const siteDir = inject("siteDir");

/** People whose first order matches, summed straight from the cube's month-0 cells (not through lib/cohorts). */
function peopleInCube(cube: CohortCube, state: string | null, category: string | null): number {
  const c = cube.cells;
  let people = 0;
  for (let i = 0; i < c.buyers.length; i++) {
    if (c.month_offset[i] !== 0) continue;
    if (state !== null && cube.states[c.state[i]] !== state) continue;
    if (category !== null && cube.categories[c.category[i]] !== category) continue;
    people += c.buyers[i];
  }
  return people;
}

test("the public cohorts.json holds every cohort with its flags", () => {
  const report = builtJson<CohortsReport>(siteDir, "cohorts");
  const cube = builtJson<CohortCube>(siteDir, "cohort-cube");
  expect(report.analysis_date).toBe(cube.analysis_date);
  expect(report.cohorts.reduce((n, c) => n + c.people, 0)).toBe(peopleInCube(cube, null, null));
  const analysisMonth = report.analysis_date.slice(0, 7);
  for (const c of report.cohorts) {
    expect(c.months.length, c.cohort).toBe(monthsBetween(c.cohort, analysisMonth) + 1);
    expect(c.small, c.cohort).toBe(c.people < report.min_cohort_size);
  }
  // A month that had not ended by the analysis date, or that is sparse, is never observable; the others are.
  for (const c of report.cohorts) {
    for (const m of c.months) {
      const ended = lastDayOfMonth(m.month) <= report.analysis_date;
      expect(m.observable, `${c.cohort} ${m.month}`).toBe(ended && !report.sparse_months.includes(m.month));
    }
  }
  expect(report.cohorts[0].months.at(-1)!.month).toBe(analysisMonth);
});

describe.skipIf(!haveChromium)("the Cohorts page in Chromium", () => {
  const site = useSiteInBrowser(siteDir);
  let page: Page;
  let cube: CohortCube;
  beforeAll(async () => {
    cube = builtJson<CohortCube>(siteDir, "cohort-cube");
    page = await site.open("/cohorts");
    await page.waitForSelector("[data-cohort-heatmap] svg");
  });

  const shownPeople = async () =>
    Number(await page.locator("[data-selected-people]").getAttribute("data-selected-people"));
  const waitForPeople = (value: number) =>
    page.waitForFunction(
      (v) => document.querySelector("[data-selected-people]")?.getAttribute("data-selected-people") === String(v),
      value
    );

  test("the heatmap has a cell for every cohort and month after the first, and shows the sizes", async () => {
    const analysisMonth = cube.analysis_date.slice(0, 7);
    const expected = cube.cohorts.reduce((n, cohort) => n + monthsBetween(cohort, analysisMonth), 0);
    const cells = page.locator('[data-cohort-heatmap] svg [aria-label="cell"] rect');
    expect(await cells.count()).toBe(expected);
    const labels = await page
      .locator('[data-cohort-heatmap] svg [aria-label="y-axis tick label"] text')
      .allTextContents();
    expect(labels.length).toBe(cube.cohorts.length);
    const first = cube.cohorts[0];
    expect(labels[0].replace(/\s+/g, " ")).toBe(
      `${first} ${peopleInCube({...cube, cells: onlyCohort(cube, 0)}, null, null).toLocaleString("en-US")}`
    );
    expect(await shownPeople()).toBe(peopleInCube(cube, null, null));
  });

  test("choosing a state, then a category, changes the shown size to the cube's", async () => {
    const state = biggest(cube, "state");
    await page.getByLabel("State", {exact: true}).selectOption({label: state});
    const forState = peopleInCube(cube, state, null);
    await waitForPeople(forState);
    expect(await shownPeople()).toBe(forState);
    expect(forState).toBeLessThan(peopleInCube(cube, null, null));
    expect(await page.locator("[data-selected-people]").textContent()).toBe(forState.toLocaleString("en-US"));

    const category = biggest(cube, "category");
    await page.getByLabel("First category", {exact: true}).selectOption({label: category});
    const both = peopleInCube(cube, state, category);
    await waitForPeople(both);
    expect(both).toBeLessThan(forState);
  });

  test("the payback shown for given inputs is lib/cohorts.ts's on the filtered cohorts", async () => {
    const state = biggest(cube, "state");
    await page.getByLabel("First category", {exact: true}).selectOption({label: "All categories"});
    await waitForPeople(peopleInCube(cube, state, null));
    const pooled = pooledCurve(cohortsFromCube(cube, {state}));
    // An acquisition cost just above the month-0 margin, so that the answer is not "within the first month".
    const grossMargin = 0.35;
    const acquisitionCost = Math.ceil(grossMargin * pooled[0].cumulative_revenue_per_customer + 0.5);
    await page.getByLabel("Acquisition cost per customer (R$)").fill(String(acquisitionCost));
    await page.getByLabel("Gross margin (%)", {exact: true}).fill("35");
    const expected = paybackMonth(pooled, {acquisitionCost, grossMargin});
    expect(expected).not.toBe(0);
    await page.waitForFunction(
      ([cost, value]) =>
        document.querySelector(".payback-result")?.textContent?.includes(`R$${cost}.00`) &&
        document.querySelector("[data-payback-month]")?.getAttribute("data-payback-month") === value,
      [acquisitionCost, String(expected ?? "none")] as const
    );
    expect(await page.locator("[data-payback-month]").getAttribute("data-payback-month")).toBe(
      String(expected ?? "none")
    );
    expect(await page.locator(".payback-result").textContent()).toContain("35% gross margin");
  });
});

/** The cube's cells of one cohort only. */
function onlyCohort(cube: CohortCube, cohort: number): CohortCube["cells"] {
  const keep = cube.cells.cohort.map((c, i) => (c === cohort ? i : -1)).filter((i) => i >= 0);
  const take = (column: number[]) => keep.map((i) => column[i]);
  const c = cube.cells;
  return {
    cohort: take(c.cohort),
    state: take(c.state),
    category: take(c.category),
    payment_type: take(c.payment_type),
    month_offset: take(c.month_offset),
    buyers: take(c.buyers),
    revenue: take(c.revenue)
  };
}

/** The value of a dimension with the most people. */
function biggest(cube: CohortCube, dimension: "state" | "category"): string {
  const list = dimension === "state" ? cube.states : cube.categories;
  const people = list.map(() => 0);
  cube.cells[dimension].forEach((v, i) => {
    if (cube.cells.month_offset[i] === 0) people[v] += cube.cells.buyers[i];
  });
  return list[people.indexOf(Math.max(...people))];
}
