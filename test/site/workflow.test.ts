// The analyst's workflow on a copy of the synthetic data (scale 0.02: every page's models need some repeat
// buyers, which the hand-made dataset lacks): a changed CSV reaches the built site (Framework alone would
// serve its cached loader output), and `npm run dev` serves the site and re-renders an edited page. Both use
// Framework's cache in src/.observablehq, so they run one after the other in this file.
import {spawn} from "node:child_process";
import {appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {csvParse} from "d3-dsv";
import {generateOlist} from "../../loaders/synth/generate.js";
import {launchChromium} from "./browser.js";
import {buildSite, builtJson, ROOT} from "./build.js";
import {haveChromium} from "./chromium.js";

const work = mkdtempSync(join(tmpdir(), "olist-workflow-"));
const dataDir = join(work, "data");
await generateOlist({scale: 0.02, seed: 11, outDir: dataDir});
const ordersFile = join(dataDir, "olist_orders_dataset.csv");
const env = {
  OLIST_DATA_DIR: dataDir,
  OLIST_CACHE_DIR: join(work, "cache"),
  SITE_OUTPUT: join(work, "dist"),
  ANALYSIS_DATE: ""
};

describe("npm run build", () => {
  test("a changed CSV is not served stale", () => {
    const orders = csvParse(readFileSync(ordersFile, "utf8"));
    buildSite(env);
    expect(builtJson(env.SITE_OUTPUT, "kpis")).toMatchObject({orders: orders.length});
    // One more order of an existing customer, well before the last purchase.
    appendFileSync(ordersFile, `neworder1,${orders[0].customer_id},delivered,2018-05-01 10:00:00,,,,\n`);
    buildSite(env);
    expect(builtJson(env.SITE_OUTPUT, "kpis")).toMatchObject({orders: orders.length + 1});
  }, 600_000);
});

describe.skipIf(!haveChromium)("npm run dev", () => {
  test("serves the site and re-renders a page when it is edited", async () => {
    const port = 4100 + Math.floor(Math.random() * 800);
    const name = `dev-check-${process.pid}`;
    const page = join(ROOT, "src", `${name}.md`);
    writeFileSync(page, "# Before the edit\n");
    const dev = spawn("npm", ["run", "dev", "--", "--no-open", "--port", String(port)], {cwd: ROOT, env: {...process.env, ...env}, detached: true});
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
