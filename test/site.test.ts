// The built site, end to end: `npm run build` on the hand-made dataset, then every page in real Chromium.
// Also proves that a changed CSV reaches the built site (Framework alone would serve the cached output).
import {spawn, spawnSync} from "node:child_process";
import {appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {KPI_CARDS} from "../src/components/kpi-cards.js";
import {CHROMIUM, launchChromium} from "./browser.js";
import {tinyOlist, writeDataset} from "./fixtures/tiny-olist.js";
import {serveStatic} from "./static-server.js";

const ROOT = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "olist-site-"));
const output = join(work, "dist");
const env = {
  ...process.env,
  OLIST_DATA_DIR: writeDataset(tinyOlist()),
  OLIST_CACHE_DIR: join(work, "cache"),
  SITE_OUTPUT: output,
  ANALYSIS_DATE: ""
};

function build(): void {
  rmSync(output, {recursive: true, force: true}); // Framework clears only output folders inside the project
  const run = spawnSync("npm", ["run", "build"], {cwd: ROOT, env, encoding: "utf8", timeout: 240_000});
  if (run.status !== 0) throw new Error(`npm run build failed (${run.status}):\n${run.stderr.slice(-4000)}`);
}

/** A loader's output as Framework copied it into the site: dist/_file/data/NAME.HASH.json. */
function builtJson(name: string): Record<string, unknown> {
  const dir = join(output, "_file", "data");
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".json"));
  if (!file) throw new Error(`no ${name}.*.json in ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

const pages = () => readdirSync(output).filter((f) => f.endsWith(".html") && f !== "404.html").map((f) => f.replace(/\.html$/, ""));

beforeAll(() => build(), 300_000);

describe("npm run build", () => {
  test("builds every page and the public KPI file", () => {
    expect(pages().sort()).toEqual(["data-quality", "index"]);
    const kpis = builtJson("kpis");
    expect(kpis).toMatchObject({data_source: env.OLIST_DATA_DIR.split("/").pop(), orders: 8, customers: 5, revenue_payments: 794});
  });

  test("a changed CSV is not served stale", () => {
    expect(builtJson("kpis")).toMatchObject({orders: 8});
    appendFileSync(join(env.OLIST_DATA_DIR, "olist_orders_dataset.csv"), "o100,c1,delivered,2018-05-01 10:00:00,,,,\n");
    build();
    expect(builtJson("kpis")).toMatchObject({orders: 9});
  }, 300_000);
});

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs Debian's chromium`);

describe.skipIf(!haveChromium)("every page in Chromium", () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    browser = await launchChromium();
    site = await serveStatic(output);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  test("no console error and no request to another host, on any page", async () => {
    for (const name of pages()) {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && problems.push(`${name}: console error: ${m.text()}`));
      page.on("pageerror", (e) => problems.push(`${name}: page error: ${e.message}`));
      page.on("request", (r) => {
        if (!r.url().startsWith(site.url) && !r.url().startsWith("data:")) problems.push(`${name}: off-machine request ${r.url()}`);
      });
      await page.goto(`${site.url}/${name === "index" ? "" : name}`, {waitUntil: "networkidle"});
      await page.waitForSelector("#observablehq-main h1");
      expect(await page.locator(".observablehq--error").count(), `${name} shows a cell error`).toBe(0);
      await page.close();
      expect(problems).toEqual([]);
    }
  }, 120_000);

  test("the KPI cards show the values of kpis.json", async () => {
    const kpis = builtJson("kpis") as Record<string, number>;
    const page = await browser.newPage();
    await page.goto(site.url, {waitUntil: "networkidle"});
    await page.waitForSelector("[data-kpi]");
    for (const card of KPI_CARDS) {
      const shown = await page.locator(`[data-kpi="${card.field}"] .kpi-value`).textContent();
      expect(shown, card.field).toBe(card.format(kpis[card.field]));
    }
    // Spot-check against hand-computed figures too, so a formatting bug cannot hide behind the same formatter.
    expect(await page.locator('[data-kpi="orders"] .kpi-value').textContent()).toBe("9");
    expect(await page.locator('[data-kpi="aov"] .kpi-value').textContent()).toBe("R$99.25");
    expect(await page.locator("svg").count()).toBeGreaterThanOrEqual(3);
    await page.close();
  }, 60_000);
});

describe.skipIf(!haveChromium)("npm run dev", () => {
  test("serves the site and re-renders a page when it is edited", async () => {
    const port = 4100 + Math.floor(Math.random() * 800);
    const name = `dev-check-${process.pid}`;
    const page = join(ROOT, "src", `${name}.md`);
    writeFileSync(page, "# Before the edit\n");
    const dev = spawn("npm", ["run", "dev", "--", "--no-open", "--port", String(port)], {cwd: ROOT, env, detached: true});
    let log = "";
    dev.stdout.on("data", (chunk) => (log += chunk));
    dev.stderr.on("data", (chunk) => (log += chunk));
    const browser = await launchChromium();
    try {
      await expect.poll(() => log, {timeout: 60_000}).toContain(`http://127.0.0.1:${port}/`);
      const tab = await browser.newPage();
      // Edits reach the page over Framework's websocket, once the server has welcomed it.
      const welcomed = new Promise<void>((done) => tab.on("console", (m) => m.text().includes("type: welcome") && done()));
      await tab.goto(`http://127.0.0.1:${port}/${name}`);
      await welcomed;
      expect(await tab.locator("h1").first().textContent()).toBe("Before the edit");
      writeFileSync(page, "# After the edit\n");
      await expect.poll(() => tab.locator("h1").first().textContent(), {timeout: 20_000}).toBe("After the edit");
      // The overview renders in preview too (loaders run on demand).
      await tab.goto(`http://127.0.0.1:${port}/`);
      await tab.waitForSelector('[data-kpi="orders"] .kpi-value', {timeout: 60_000});
    } finally {
      await browser.close();
      process.kill(-dev.pid!, "SIGTERM");
      rmSync(page, {force: true});
    }
  }, 120_000);
});
