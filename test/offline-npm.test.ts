// The offline npm cache filler: right folders and versions where Framework looks, and a fast no-op rerun.
// (The full offline build + browser check of a site is the site build test's job; this stays fast.)
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterAll, describe, expect, it} from "vitest";
import {fillNpmCache} from "../loaders/build/offline-npm.js";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const version = (name: string) =>
  (JSON.parse(readFileSync(join(repo, "node_modules", name, "package.json"), "utf-8")) as {version: string}).version;
const frameworkDuckDB = /DUCKDB_WASM_VERSION = "([^"]+)"/.exec(
  readFileSync(join(repo, "node_modules/@observablehq/framework/dist/duckdb.js"), "utf-8")
)![1];

const tmp = mkdtempSync(join(tmpdir(), "offline-npm-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

describe("offline-npm", () => {
  const root = join(tmp, "src");
  const npm = join(root, ".observablehq/cache/_npm");

  it("fills _npm/ with bundles, wasm/worker files and placeholders", async () => {
    const result = await fillNpmCache({root, from: repo});
    expect(result.skipped).toBe(false);

    expect(version("@duckdb/duckdb-wasm")).toBe(frameworkDuckDB);
    const duckdb = join(npm, `@duckdb/duckdb-wasm@${frameworkDuckDB}`);
    for (const file of ["_esm.js", "dist/duckdb-mvp.wasm", "dist/duckdb-eh.wasm"]) {
      expect(existsSync(join(duckdb, file)), file).toBe(true);
    }
    expect(existsSync(join(duckdb, "dist/duckdb-browser-mvp.worker.js"))).toBe(true);
    expect(existsSync(join(duckdb, "dist/duckdb-browser-eh.worker.js"))).toBe(true);
    expect(existsSync(join(npm, `parquet-wasm@${version("parquet-wasm")}/esm/parquet_wasm_bg.wasm`))).toBe(true);
    for (const name of ["d3", "d3-dsv", "@observablehq/plot", "htl", "isoformat", "apache-arrow", "parquet-wasm"]) {
      expect(existsSync(join(npm, `${name}@${version(name)}/_esm.js`)), name).toBe(true);
    }
    for (const name of ["react", "react-dom", "lodash", "arquero", "echarts", "@observablehq/sample-datasets"]) {
      expect(existsSync(join(npm, `${name}@0.0.0-offline`)), name).toBe(true);
    }
    // Shared packages are imported by the relative path Framework would use, not bundled twice; DuckDB-wasm
    // shares the page's Arrow (Framework resolves its apache-arrow as "latest"), not its nested ^17 copy.
    const plot = readFileSync(join(npm, `@observablehq/plot@${version("@observablehq/plot")}/_esm.js`), "utf-8");
    expect(plot).toContain(`"../../d3@${version("d3")}/_esm.js"`);
    const duckdbEsm = readFileSync(join(duckdb, "_esm.js"), "utf-8");
    expect(duckdbEsm).toContain(`"../../apache-arrow@${version("apache-arrow")}/_esm.js"`);
    expect(readdirSync(npm).filter((n) => n.startsWith("apache-arrow@"))).toEqual([
      `apache-arrow@${version("apache-arrow")}`
    ]);
  }, 60_000);

  it("is a no-op the second time, and repairs a deleted file", async () => {
    const again = await fillNpmCache({root, from: repo});
    expect(again.skipped).toBe(true);
    expect(again.ms).toBeLessThan(500);

    rmSync(join(npm, `d3@${version("d3")}`), {recursive: true});
    mkdirSync(join(npm, "htl@99.0.0")); // an empty, newer folder left by an interrupted online build
    expect((await fillNpmCache({root, from: repo})).skipped).toBe(false);
    expect(existsSync(join(npm, `d3@${version("d3")}/_esm.js`))).toBe(true);
    expect(existsSync(join(npm, "htl@99.0.0"))).toBe(false); // it would shadow htl from node_modules
  }, 60_000);

  it("fails clearly when a package is missing or DuckDB-wasm is not Framework's version", async () => {
    const fake = join(tmp, "fake");
    const link = (name: string) => {
      mkdirSync(dirname(join(fake, "node_modules", name)), {recursive: true});
      symlinkSync(join(repo, "node_modules", name), join(fake, "node_modules", name));
    };
    link("@observablehq/framework");
    await expect(fillNpmCache({root: join(tmp, "r1"), from: fake})).rejects.toThrow(/"d3" is not installed/);

    for (const name of ["d3", "d3-dsv", "@observablehq/plot", "htl", "isoformat", "apache-arrow", "parquet-wasm"])
      link(name);
    mkdirSync(join(fake, "node_modules/@duckdb/duckdb-wasm"), {recursive: true});
    writeFileSync(join(fake, "node_modules/@duckdb/duckdb-wasm/package.json"), '{"version": "1.32.0"}');
    await expect(fillNpmCache({root: join(tmp, "r2"), from: fake})).rejects.toThrow(
      new RegExp(`@duckdb/duckdb-wasm 1\\.32\\.0.*exactly ${frameworkDuckDB.replace(/\./g, "\\.")}`)
    );
  });
});
