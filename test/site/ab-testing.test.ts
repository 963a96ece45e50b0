// The A/B testing page in Chromium: results shown for typed inputs equal lib/ab called here with the same inputs;
// invalid input shows the library's message next to its field; the URL keeps the inputs and restores them.
import type {Page} from "playwright-core";
import {describe, expect, inject, test} from "vitest";
import {
  AbInputError,
  bayesProportions,
  peekingSimulation,
  sampleSizeProportions,
  twoProportionZTest,
  verdict,
  welchTTestFromValues
} from "../../lib/ab/index.js";
import {useSiteInBrowser} from "./browser.js";
import {builtJson} from "./build.js";
import {haveChromium} from "./chromium.js";

const siteDir = inject("siteDir");

interface AbDefaults {
  repeat: {rate: number | null; window_days: number};
  traffic: {new_customers: number; new_customers_per_day: number};
}

const field = (page: Page, form: string, key: string) =>
  page.locator(`[data-form="${form}"] [data-field="${key}"] input, [data-form="${form}"] [data-field="${key}"] select`);
const message = (page: Page, form: string, key: string) =>
  page.locator(`[data-form="${form}"] [data-field="${key}"] .ab-error`);
const shown = (page: Page, name: string) => page.locator(`[data-ab="${name}"]`).first().textContent();
const en = (n: number) => n.toLocaleString("en-US");

function thrown(run: () => unknown): AbInputError {
  try {
    run();
  } catch (e) {
    if (e instanceof AbInputError) return e;
    throw e;
  }
  throw new Error("expected an AbInputError");
}

describe.skipIf(!haveChromium)("A/B testing page in Chromium", () => {
  const site = useSiteInBrowser(siteDir);
  const defaults = builtJson<AbDefaults>(siteDir, "ab-defaults");

  async function open(query = ""): Promise<Page> {
    const page = await site.open(`/ab-testing${query}`);
    await page.waitForSelector('[data-ab="plan-per-arm"]');
    return page;
  }

  test("the first screen answers from the data: customers per group and days at current traffic", async () => {
    const page = await open();
    const baseline = Number(defaults.repeat.rate!.toFixed(4));
    expect(defaults.repeat.rate).toBeGreaterThan(0);
    expect(await field(page, "plan", "baseline").inputValue()).toBe(String(baseline));
    expect(await field(page, "duration", "dailyTraffic").inputValue()).toBe(
      String(defaults.traffic.new_customers_per_day)
    );
    const {perArm} = sampleSizeProportions({baseline, mde: 0.1, mdeType: "relative"});
    expect(await shown(page, "plan-per-arm")).toBe(en(perArm));
    expect(await shown(page, "headline-per-arm")).toBe(en(perArm));
    // Duration by hand: both groups' customers over the daily number of new customers, rounded up.
    const days = Math.ceil((2 * perArm) / defaults.traffic.new_customers_per_day);
    expect(await shown(page, "duration-days")).toBe(en(days));
    expect(await shown(page, "duration-total")).toBe(en(days + defaults.repeat.window_days));
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(await page.locator("#observablehq-main").textContent()).not.toContain("NaN");
    await page.close();
  }, 60_000);

  test("typed planner inputs give the library's sample size, and the URL keeps them", async () => {
    const page = await open();
    await field(page, "plan", "mdeType").selectOption("absolute");
    await field(page, "plan", "baseline").fill("0.05");
    await field(page, "plan", "mde").fill("0.02");
    await field(page, "plan", "power").fill("0.9");
    await field(page, "plan", "method").selectOption("pooled");
    const expected = sampleSizeProportions({
      baseline: 0.05,
      mde: 0.02,
      mdeType: "absolute",
      power: 0.9,
      method: "pooled"
    });
    await expect.poll(() => shown(page, "plan-per-arm")).toBe(en(expected.perArm));
    expect(await page.locator('[data-ab="plan-total"]').textContent()).toBe(en(expected.total));
    const url = new URL(page.url());
    expect(url.pathname).toBe("/ab-testing");
    expect(url.searchParams.get("plan.baseline")).toBe("0.05");
    expect(url.searchParams.get("plan.mde")).toBe("0.02");
    expect(url.searchParams.get("plan.mdeType")).toBe("absolute");
    expect(url.searchParams.get("plan.method")).toBe("pooled");
    await page.close();
  }, 60_000);

  test("opening the page with a query string restores the inputs and their results", async () => {
    const page = await open(
      "?plan.baseline=0.1&plan.mde=0.2&plan.mdeType=relative&plan.alpha=0.01&plan.variants=2" +
        "&test.control.visitors=5000&test.control.conversions=500&test.treatment.visitors=5000&test.treatment.conversions=570"
    );
    expect(await field(page, "plan", "baseline").inputValue()).toBe("0.1");
    expect(await field(page, "plan", "alpha").inputValue()).toBe("0.01");
    expect(await field(page, "test", "treatment.conversions").inputValue()).toBe("570");
    // Two variants: Bonferroni halves alpha per comparison and there are three groups.
    const plan = sampleSizeProportions({
      baseline: 0.1,
      mde: 0.2,
      mdeType: "relative",
      alpha: 0.01,
      variants: 2,
      correction: "bonferroni"
    });
    expect(plan.total).toBe(3 * plan.perArm);
    expect(await shown(page, "plan-per-arm")).toBe(en(plan.perArm));
    expect(await shown(page, "plan-total")).toBe(en(plan.total));
    const control = {visitors: 5000, conversions: 500};
    const treatment = {visitors: 5000, conversions: 570};
    expect(await shown(page, "test-frequentist")).toBe(`${verdict(twoProportionZTest({control, treatment}))}.`);
    const bayes = bayesProportions({control, treatment});
    expect(await shown(page, "test-bayesian")).toBe(`${verdict(bayes)}.`);
    expect(await shown(page, "test-prob")).toBe(bayes.probBBeatsA.toFixed(4));
    // By hand: 10% vs 11.4%, pooled rate 10.7%, SE √(0.107·0.893·2/5000) = 0.0061823, z = 0.014/SE = 2.2645,
    // two-sided p = 2·(1 − Φ(2.2645)) = 0.02354 (scipy.stats.norm.sf(2.2645)·2).
    expect(await shown(page, "test-p")).toBe("0.0235");
    await page.close();
  }, 60_000);

  test("the analyser checks the split before any result, and takes a one-sided hypothesis from the URL", async () => {
    // 5,000 vs 4,700 customers planned 50/50: χ² = (150² + 150²)/4,850 = 9.278, 1 df, p = 2·(1 − Φ(√9.278)) = 0.00232:
    // off, but not below Eppo's 0.001 flag. Planned 52/48 the same counts fit well.
    const query = (share: number, alternative: string, control = 5000, treatment = 4700) =>
      `?test.control.visitors=${control}&test.control.conversions=500&test.treatment.visitors=${treatment}` +
      `&test.treatment.conversions=540&test.share=${share}&test.alternative=${alternative}`;
    let page = await open(query(0.5, "greater"));
    const srm = page.locator('[data-ab="srm"]');
    await srm.waitFor();
    expect(Number(await srm.getAttribute("data-srm-p"))).toBeCloseTo(0.00232, 5);
    expect(await srm.textContent()).toContain("no sign of a sample-ratio mismatch");
    expect(await field(page, "test", "alternative").inputValue()).toBe("greater");
    // One-sided: 10% vs 11.49%, the p-value is the upper tail only, half the two-sided one.
    const control = {visitors: 5000, conversions: 500};
    const treatment = {visitors: 4700, conversions: 540};
    const oneSided = twoProportionZTest({control, treatment, alternative: "greater"});
    const twoSided = twoProportionZTest({control, treatment});
    expect(oneSided.pValue).toBeCloseTo(twoSided.pValue / 2, 12);
    expect(oneSided.ciDiff.upper).toBe(Infinity);
    expect(await shown(page, "test-p")).toBe(oneSided.pValue.toPrecision(3));
    expect(await shown(page, "test-frequentist")).toBe(`${verdict(oneSided)}.`);
    await page.close();

    // 5,000 vs 4,500: χ² = 2·250²/4,750 = 26.3, p ≈ 2.9e-7 < 0.001: the warning comes first, in a card of its own.
    page = await open(query(0.5, "two-sided", 5000, 4500));
    const warning = page.locator('[data-ab="srm"][role="alert"]');
    await warning.waitFor();
    expect(await warning.textContent()).toContain("Sample-ratio mismatch: do not trust this test");
    const before = await page.evaluate(() => {
      const w = document.querySelector('[data-ab="srm"]')!;
      const result = document.querySelector('[data-ab="test-frequentist"]')!;
      return Boolean(w.compareDocumentPosition(result) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(before).toBe(true);
    await page.close();

    // A share outside (0, 1) is named next to its field.
    page = await open(query(1.2, "two-sided"));
    await expect
      .poll(() => message(page, "test", "share").textContent())
      .toMatch(/^share \(1\.2\) must be between 0 and 1/);
    await page.close();
  }, 90_000);

  test("an invalid input shows the library's message next to its field, never NaN or a chart", async () => {
    const page = await open();
    await field(page, "plan", "baseline").fill("1.5");
    const expected = thrown(() => sampleSizeProportions({baseline: 1.5, mde: 0.1, mdeType: "relative"}));
    expect(expected.field).toBe("baseline");
    await expect.poll(() => message(page, "plan", "baseline").textContent()).toBe(expected.message);
    expect(expected.message).toBe("baseline (1.5) must be between 0 and 1 (exclusive)");
    expect(await page.locator('[data-ab="plan-per-arm"]').count()).toBe(0);
    expect(await page.locator(".ab-blocked").count()).toBeGreaterThan(0);
    expect(await page.locator("#observablehq-main").textContent()).not.toContain("NaN");
    expect(new URL(page.url()).searchParams.get("plan.baseline")).toBe("1.5");

    await field(page, "plan", "baseline").fill("abc");
    await expect.poll(() => message(page, "plan", "baseline").textContent()).toBe('Enter a number (got "abc")');

    // Conversions above visitors in the analyser: the message sits next to the conversions field.
    await field(page, "test", "control.conversions").fill("99999");
    const visitors = Number(await field(page, "test", "control.visitors").inputValue());
    const analyser = thrown(() =>
      twoProportionZTest({control: {conversions: 99999, visitors}, treatment: {conversions: 1, visitors: 10}})
    );
    expect(analyser.field).toBe("control.conversions");
    await expect.poll(() => message(page, "test", "control.conversions").textContent()).toBe(analyser.message);
    expect(await page.locator('[data-ab="test-frequentist"]').count()).toBe(0);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    await page.close();
  }, 60_000);

  test("a CSV of per-user values drives Welch's test; a bad file shows its message", async () => {
    const page = await open();
    const a = [12, 0, 35.5, 8, 20, 0, 14];
    const b = [18, 22, 0, 40, 31.25, 9];
    const csv = ["group,value", ...a.map((v) => `A,${v}`), ...b.map((v) => `B,${v}`)].join("\n");
    await page
      .locator('input[type="file"]')
      .setInputFiles({name: "users.csv", mimeType: "text/csv", buffer: Buffer.from(csv)});
    await page.waitForSelector('[data-ab="upload-ok"]');
    const welch = welchTTestFromValues({control: a, treatment: b});
    await expect.poll(() => shown(page, "revenue-frequentist")).toBe(`${verdict(welch, {scale: 1, unit: "R$"})}.`);
    expect(await shown(page, "revenue-p")).toBe(welch.pValue.toPrecision(3));
    // Welch by hand (Python's statistics module): means 12.786 and 20.042, variances 153.32 and 211.11,
    // SE √(153.32/7 + 211.11/6) = 7.5557 → t = 7.2560/7.5557 = 0.9603 on 9.95 df.
    expect(welch.t).toBeCloseTo(0.9603, 4);
    expect(welch.df).toBeCloseTo(9.9496, 3);

    await page
      .locator('input[type="file"]')
      .setInputFiles({name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("group,amount\nA,1\nB,2\n")});
    await expect.poll(() => shown(page, "upload-error")).toBe('The file needs a "value" column (found: group, amount)');
    await page.locator('input[type="file"]').setInputFiles({
      name: "bad2.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("group,value\nA,1\nA,2\nB,x\nB,3\n")
    });
    await expect.poll(() => shown(page, "upload-error")).toBe('Line 4: value must be a number (got "x")');
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    await page.close();
  }, 60_000);

  test("the peeking simulation shows the library's false-positive rates for the same inputs", async () => {
    const page = await open("?peeking.days=10&peeking.usersPerDay=50&peeking.rate=0.1&peeking.simulations=200");
    const r = peekingSimulation({days: 10, usersPerDay: 50, rate: 0.1, simulations: 200, seed: 1});
    const sentence = (await shown(page, "peeking-sentence"))!.replace(/\s+/g, " ");
    // The page shows shares under 10% with two decimals, others with one.
    const pctShown = (v: number) => `${(v * 100).toFixed(v < 0.1 ? 2 : 1)}%`;
    expect(sentence).toContain(`declared a winner in ${pctShown(r.peekingFalsePositiveRate)} of them`);
    expect(sentence).toContain(`A single look at the end: ${pctShown(r.fixedHorizonFalsePositiveRate)}`);
    expect(sentence).toContain(`the sequential monitor above: ${pctShown(r.sequentialFalsePositiveRate)}`);
    expect(r.peekingFalsePositiveRate).toBeGreaterThan(r.fixedHorizonFalsePositiveRate);
    await page.close();
  }, 60_000);
});
