// The analyst's workflow on a copy of the synthetic data (scale 0.02: every page's models need some repeat
// buyers, which the hand-made dataset lacks): two builds of the same input publish identical files, a changed
// CSV reaches the built site (Framework alone would serve its cached loader output), and `npm run dev` re-renders an edited page, and re-runs the affected loaders
// after an edit to loader code or to a CSV (loaders/dev/run.ts). Both use Framework's cache in src/.observablehq,
// so they run one after the other in this file.
import {spawn} from "node:child_process";
import {appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
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
function isEqual(a: string | Buffer, b: string | Buffer): boolean {
  return typeof a === "string" ? a === b : Buffer.isBuffer(b) && a.equals(b);
}

// The later tests continue from the second build's caches, so only the first two builds start from nothing.
const env = {
  OLIST_DATA_DIR: dataDir,
  OLIST_CACHE_DIR: join(work, "cache-second"),
  SITE_OUTPUT: join(work, "dist"),
  ANALYSIS_DATE: ""
};

/** Keys whose values are clock readings, allowed to differ between two builds of the same input. */
const CLOCK_KEYS = new Set(["timings", "fit_seconds", "ingested_at"]);

/** The published data files of a build, by name without Framework's content hash, clock readings removed. */
function publishedFiles(output: string): Map<string, string | Buffer> {
  const dir = join(output, "_file", "data");
  const files = new Map<string, string | Buffer>();
  for (const file of readdirSync(dir, {recursive: true, encoding: "utf8"})) {
    const name = file.replace(/\.[0-9a-f]{8}(\.[^./]+)$/, "$1");
    if (name === file) continue; // a folder
    const bytes = readFileSync(join(dir, file));
    files.set(
      name,
      name.endsWith(".json")
        ? JSON.stringify(JSON.parse(bytes.toString("utf8"), (key, value) => (CLOCK_KEYS.has(key) ? undefined : value)))
        : bytes
    );
  }
  return files;
}

describe("npm run build", () => {
  test("two builds of the same input publish identical files", () => {
    buildSite({...env, OLIST_CACHE_DIR: join(work, "cache-first")});
    const first = publishedFiles(env.SITE_OUTPUT);
    // Nothing reused: a new warehouse and model cache, and every loader output recomputed.
    rmSync(join(ROOT, "src", ".observablehq", "cache", "loader-stamps.json"), {force: true});
    buildSite(env);
    const second = publishedFiles(env.SITE_OUTPUT);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    expect(first.size).toBeGreaterThan(20);
    const differing = [...first]
      .filter(([name, content]) => !isEqual(content, second.get(name)!))
      .map(([name]) => name);
    expect(differing).toEqual([]);
  }, 600_000);

  test("a changed CSV is not served stale", () => {
    const orders = csvParse(readFileSync(ordersFile, "utf8"));
    if (!existsSync(env.SITE_OUTPUT)) buildSite(env); // the previous test's second build, unless it failed early
    expect(builtJson(env.SITE_OUTPUT, "kpis")).toMatchObject({orders: orders.length});
    // One more order of an existing customer, well before the last purchase.
    appendFileSync(ordersFile, `neworder1,${orders[0].customer_id},delivered,2018-05-01 10:00:00,,,,\n`);
    buildSite(env);
    expect(builtJson(env.SITE_OUTPUT, "kpis")).toMatchObject({orders: orders.length + 1});
  }, 600_000);
});

describe.skipIf(!haveChromium)("npm run dev", () => {
  test("re-renders an edited page, re-runs loaders after code or CSV edits", async () => {
    const port = 4100 + Math.floor(Math.random() * 800);
    const name = `dev-check-${process.pid}`;
    const page = join(ROOT, "src", `${name}.md`);
    const loader = join(ROOT, "src", "data", `${name}.json.ts`);
    const module = join(ROOT, "loaders", `${name}.ts`);
    writeFileSync(page, "# Before the edit\n");
    const dev = spawn("npm", ["run", "dev", "--", "--no-open", "--port", String(port)], {
      cwd: ROOT,
      env: {...process.env, ...env},
      detached: true
    });
    let log = "";
    dev.stdout.on("data", (chunk) => (log += chunk));
    dev.stderr.on("data", (chunk) => (log += chunk));
    const browser = await launchChromium();
    try {
      await expect.poll(() => log, {timeout: 240_000}).toContain(`http://127.0.0.1:${port}/`);
      const tab = await browser.newPage();
      // Edits reach the page over Framework's websocket, once the server has welcomed it.
      const welcomed = new Promise<void>((done) =>
        tab.on("console", (m) => m.text().includes("type: welcome") && done())
      );
      await tab.goto(`http://127.0.0.1:${port}/${name}`);
      await welcomed;
      expect(await tab.locator("h1").first().textContent()).toBe("Before the edit");
      writeFileSync(page, "# After the edit\n");
      await expect.poll(() => tab.locator("h1").first().textContent(), {timeout: 20_000}).toBe("After the edit");

      // An edit to loader code (here a module under loaders/ that a loader imports) re-runs that loader, which
      // Framework alone would not notice, and the open page shows the new output.
      writeFileSync(module, `export const value = "first";\n`);
      writeFileSync(
        loader,
        `import {value} from "../../loaders/${name}.js";\nprocess.stdout.write(JSON.stringify({value}));\n`
      );
      writeFileSync(
        page,
        `# Loader check\n\n\`\`\`js\nconst check = FileAttachment("data/${name}.json").json();\n\`\`\`\n\n<p id="value">\${check.value}</p>\n`
      );
      await expect
        .poll(
          () =>
            tab
              .locator("#value")
              .textContent()
              .catch(() => null),
          {timeout: 30_000}
        )
        .toBe("first");
      writeFileSync(module, `export const value = "second";\n`);
      await expect.poll(() => tab.locator("#value").textContent(), {timeout: 60_000}).toBe("second");

      // An edited CSV rebuilds the warehouse and re-runs the loaders that read it; the open overview updates.
      await tab.goto(`http://127.0.0.1:${port}/`);
      const orders = tab.locator('[data-kpi="orders"] .kpi-value');
      await orders.waitFor({timeout: 60_000});
      const before = Number((await orders.textContent())!.replace(/\D/g, ""));
      const customer = csvParse(readFileSync(ordersFile, "utf8"))[0]!.customer_id;
      appendFileSync(ordersFile, `neworder2,${customer},delivered,2018-05-02 10:00:00,,,,\n`);
      await expect
        .poll(async () => Number((await orders.textContent())!.replace(/\D/g, "")), {timeout: 90_000})
        .toBe(before + 1);
    } finally {
      await browser.close();
      process.kill(-dev.pid!, "SIGTERM");
      for (const file of [page, loader, module]) rmSync(file, {force: true});
    }
  }, 480_000);
});
