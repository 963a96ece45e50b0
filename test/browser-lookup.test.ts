// The page-side reader of lookup packs (src/browser/lookup.ts) in real Chromium against a static server that
// answers Range requests, as static hosts do: a person is found by reading the header, one offset pair and one
// shard — a few kilobytes of a pack that is far larger — and a host that ignores Range still works.
import {mkdtempSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {build} from "esbuild";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, expect, test} from "vitest";
import {writeLookupPack} from "../loaders/lookup.js";
import {serveStatic, type StaticSite} from "../loaders/report/static-server.js";
import {launchChromium} from "../loaders/report/chromium.js";
import {useTempCache} from "./helpers.js";

const people = Array.from({length: 20_000}, (_, i) => ({
  customer_unique_id: `c${(i * 2654435761) % 4294967296}`,
  score: i,
  note: `ação ${i} "quoted" <b>not html</b>`
}));

let dir: string;
let site: StaticSite;
let browser: Browser;
let packBytes: number;
beforeAll(async () => {
  useTempCache();
  dir = mkdtempSync(join(tmpdir(), "lookup-site-"));
  await writeLookupPack(join(dir, "people.pack"), [people.slice(0, 7000), people.slice(7000)], {
    key: "customer_unique_id",
    columns: ["customer_unique_id", "score", "note"],
    description: "browser test",
    targetShardBytes: 40_000
  });
  packBytes = statSync(join(dir, "people.pack")).size;
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, "../src/browser/lookup.ts")],
    bundle: true,
    format: "esm",
    write: false
  });
  writeFileSync(join(dir, "lookup.js"), bundle.outputFiles[0]!.text);
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>lookup</title>");
  site = await serveStatic(dir);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function lookUp(base: string, keys: string[]) {
  const page = await browser.newPage();
  // Bodies are read while the page runs and awaited before it closes: a large body may still be arriving when
  // the lookup returns (a host without Range support sends the whole pack).
  const bodies: Promise<Buffer>[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith(".pack")) bodies.push(response.body());
  });
  await page.goto(`${base}/index.html`);
  // a string, so that vitest does not rewrite the browser's import()
  const rows = await page.evaluate(`(async () => {
    const {openLookup} = await import("./lookup.js");
    const pack = await openLookup("./people.pack");
    return Promise.all(${JSON.stringify(keys)}.map((k) => pack.get(k)));
  })()`);
  const bytes = (await Promise.all(bodies)).reduce((sum, body) => sum + body.length, 0);
  await page.close();
  return {rows, bytes};
}

test("two people found with a few KB of a pack of ~200 KB", async () => {
  const keys = [people[0]!.customer_unique_id, people[12_345]!.customer_unique_id, "nobody"];
  const {rows, bytes} = await lookUp(site.url, keys);
  expect(rows).toEqual([people[0], people[12_345], null]);
  expect(packBytes).toBeGreaterThan(100_000);
  // header (≤ 4 KB) + 2 × (16 bytes of offsets + one shard of ≤ 40 KB raw, gzip'd)
  expect(bytes).toBeLessThan(4096 + 2 * (16 + 20_000));
});

test("a host without Range support sends the whole pack once, and the lookup still works", async () => {
  const {readFileSync} = await import("node:fs");
  const server: Server = createServer((req, res) => {
    const file = req.url?.endsWith(".pack") ? "people.pack" : req.url?.endsWith(".js") ? "lookup.js" : "index.html";
    const type = file.endsWith(".js")
      ? "text/javascript"
      : file.endsWith(".html")
        ? "text/html"
        : "application/octet-stream";
    res.writeHead(200, {"content-type": type});
    res.end(readFileSync(join(dir, file)));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const {port} = server.address() as {port: number};
  try {
    const {rows, bytes} = await lookUp(`http://127.0.0.1:${port}`, [people[42]!.customer_unique_id]);
    expect(rows).toEqual([people[42]]);
    expect(bytes).toBe(packBytes);
  } finally {
    await new Promise((done) => server.close(done));
  }
});
