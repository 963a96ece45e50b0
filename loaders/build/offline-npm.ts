/**
 * Fill Observable Framework's npm cache (<root>/.observablehq/cache/_npm/) from node_modules, so that
 * `observable build` / `observable preview` need no network (no jsDelivr, no npm registry).
 *
 *   npx tsx loaders/build/offline-npm.ts [root]     (root defaults to "src"; packages are looked up
 *                                                   from the current directory's node_modules)
 *
 * How Framework uses the cache (node_modules/@observablehq/framework/dist/npm.js):
 * - `npm:NAME[/+esm]` is served from `_npm/NAME@VERSION/_esm.js`; a file that already exists is never fetched.
 * - A version range (or none) is resolved against the cached folder names (highest matching wins) before
 *   asking the registry, so a folder per name is enough to stay offline, even for libraries never used.
 * - `_npm/` files may import each other by relative path (`../d3@7.9.2/_esm.js`); Framework follows those
 *   and copies them into dist/ just like jsDelivr's `/npm/...` imports.
 * - @observablehq/inputs, @observablehq/duckdb, ... are built-in stdlib modules (dist/resolvers.js `builtins`)
 *   bundled from Framework's own files, but they import htl, isoformat, @duckdb/duckdb-wasm, apache-arrow
 *   and d3-dsv through `npm:`, which is why those are here.
 */
import {createHash} from "node:crypto";
import {existsSync, readFileSync} from "node:fs";
import {copyFile, mkdir, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {basename, dirname, join, posix, relative, resolve} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {build, type Plugin} from "esbuild";

/** Libraries bundled into their own cache entry: everything Framework (or another entry) imports as `npm:`. */
const PACKAGES = [
  "d3",
  "d3-dsv", // FileAttachment.csv()/.tsv(); d3 re-exports it from this entry
  "@observablehq/plot",
  "htl", // html/svg, and Inputs
  "isoformat", // implicit dependency of Inputs; also imported by Plot
  "apache-arrow", // FileAttachment.arrow()/.parquet(), DuckDB results
  "parquet-wasm", // FileAttachment.parquet()
  "@duckdb/duckdb-wasm" // DuckDBClient, sql front matter
] as const;

/** Non-JS files Framework links to by path (dist/libraries.js getImplicitDownloads, client/stdlib/*.js). */
const EXTRA_FILES: Record<string, string[]> = {
  "parquet-wasm": ["esm/parquet_wasm_bg.wasm"],
  "@duckdb/duckdb-wasm": [
    "dist/duckdb-mvp.wasm",
    "dist/duckdb-eh.wasm",
    "dist/duckdb-browser-mvp.worker.js",
    "dist/duckdb-browser-eh.worker.js"
  ]
};

/**
 * Names Framework's client bundle (recommendedLibraries.js, sampleDatasets.js) resolves to a version on every
 * build even when no page uses them. An empty folder is enough to answer "which version?" offline; a page
 * that really imports one of them would still need it added to PACKAGES (and installed).
 */
const PLACEHOLDERS = [
  "react",
  "react-dom",
  "lodash",
  "arquero",
  "echarts",
  "leaflet",
  "mapbox-gl",
  "topojson-client",
  "@observablehq/sample-datasets"
];
const PLACEHOLDER_VERSION = "0.0.0-offline";

/**
 * Framework's own dependency overrides (dist/npm.js getDependencyResolver): DuckDB-wasm's apache-arrow is
 * resolved as "latest", i.e. the one Arrow the pages use, not the nested copy npm installs for duckdb-wasm
 * (^17). One Arrow module means Arrow tables cross between DuckDB and page code without instanceof trouble.
 */
const USE_TOP_LEVEL: Record<string, string[]> = {"@duckdb/duckdb-wasm": ["apache-arrow"]};

interface Pkg {
  name: string;
  version: string;
  dir: string;
}

export interface FillResult {
  skipped: boolean;
  entries: string[]; // cache folders, relative to _npm/ (e.g. "d3@7.9.2", "react@0.0.0-offline")
  ms: number;
}

/** Node-style lookup of node_modules/NAME walking up from `fromDir`; throws a readable error if absent. */
function findPackage(name: string, fromDir: string): Pkg {
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    const pkgDir = join(dir, "node_modules", name);
    if (existsSync(join(pkgDir, "package.json"))) {
      const {version} = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf-8")) as {version: string};
      return {name, version, dir: pkgDir};
    }
    if (dirname(dir) === dir) {
      throw new Error(`package "${name}" is not installed (no node_modules/${name} above ${fromDir}); run npm ci`);
    }
  }
}

/** "@scope/name/sub/path" → "@scope/name"; "d3/x" → "d3"; relative or absolute paths → undefined. */
function packageName(specifier: string): string | undefined {
  if (/^[./]/.test(specifier) || /^\w+:/.test(specifier)) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The DuckDB-wasm version Framework pins (it always asks for exactly this one, ignoring the cache). */
function frameworkDuckDBVersion(frameworkDir: string): string {
  const source = readFileSync(join(frameworkDir, "dist", "duckdb.js"), "utf-8");
  const match = /DUCKDB_WASM_VERSION = "([^"]+)"/.exec(source);
  if (!match) throw new Error("cannot find DUCKDB_WASM_VERSION in @observablehq/framework/dist/duckdb.js");
  return match[1];
}

const entryOf = (pkg: Pkg) => `${pkg.name}@${pkg.version}`;

export async function fillNpmCache({root = "src", from = process.cwd()} = {}): Promise<FillResult> {
  const start = performance.now();
  const cacheDir = join(resolve(root), ".observablehq", "cache");
  const npmDir = join(cacheDir, "_npm");
  // Outside _npm/: Framework parses every name in _npm/ as NAME@VERSION and would choke on a stray file.
  const manifestPath = join(cacheDir, "offline-npm.json");

  const framework = findPackage("@observablehq/framework", from);
  const duckdbVersion = frameworkDuckDBVersion(framework.dir);
  const topLevel = new Map(PACKAGES.map((name) => [name as string, findPackage(name, from)]));
  const duckdb = topLevel.get("@duckdb/duckdb-wasm")!;
  if (duckdb.version !== duckdbVersion) {
    throw new Error(
      `node_modules has @duckdb/duckdb-wasm ${duckdb.version}, but Framework ${framework.version} loads exactly ` +
        `${duckdbVersion}; pin "@duckdb/duckdb-wasm": "${duckdbVersion}" (no caret) in package.json`
    );
  }

  // Fast path: same Framework, same package versions, same script, and every output still on disk.
  const self = readFileSync(fileURLToPath(import.meta.url));
  const key = createHash("sha256")
    .update(self)
    .update(JSON.stringify([entryOf(framework), [...topLevel.values()].map(entryOf), PLACEHOLDERS]))
    .digest("hex");
  const old = existsSync(manifestPath)
    ? (JSON.parse(await readFile(manifestPath, "utf-8")) as {key: string; entries: string[]; files: string[]})
    : undefined;
  if (old?.key === key && [...old.entries, ...old.files].every((f) => existsSync(join(npmDir, f)))) {
    return {skipped: true, entries: old.entries, ms: performance.now() - start};
  }
  // Drop what a previous run wrote, so an older version left behind can't win Framework's "highest version".
  for (const entry of old?.entries ?? []) await rm(join(npmDir, entry), {recursive: true, force: true});

  const files: string[] = [];
  const done = new Map<string, Promise<void>>(); // NAME@VERSION → bundling in progress or finished

  /** Bundle one package (once) to _npm/NAME@VERSION/_esm.js, other PACKAGES left as relative imports. */
  function bundle(pkg: Pkg): void {
    if (!done.has(entryOf(pkg))) done.set(entryOf(pkg), doBundle(pkg));
  }

  async function doBundle(pkg: Pkg): Promise<void> {
    const entry = entryOf(pkg);
    const outfile = join(npmDir, entry, "_esm.js");
    const shareDependencies: Plugin = {
      name: "offline-npm-share",
      setup(b) {
        // The entry point is the package's own browser ESM entry, resolved like `import "NAME"` from its
        // node_modules (exports + browser conditions), not a file path relative to the working directory.
        b.onResolve({filter: /.*/}, async (args) => {
          if (args.kind !== "entry-point") return undefined;
          const resolveDir = pkg.dir.slice(0, pkg.dir.lastIndexOf("node_modules"));
          const result = await b.resolve(pkg.name, {kind: "import-statement", resolveDir});
          return result.errors.length ? {errors: result.errors} : {path: result.path};
        });
        b.onResolve({filter: /^[^./]/}, (args) => {
          const name = packageName(args.path);
          // Only whole-package imports of another shared package; deep imports stay inlined.
          if (!name || name !== args.path || name === pkg.name || !topLevel.has(name)) return undefined;
          const dep = USE_TOP_LEVEL[pkg.name]?.includes(name)
            ? topLevel.get(name)!
            : findPackage(name, args.resolveDir);
          bundle(dep); // usually the top-level copy, already under way; a nested other version gets its own entry
          const target = join(npmDir, entryOf(dep), "_esm.js");
          return {path: relative(dirname(outfile), target), external: true};
        });
      }
    };
    await build({
      entryPoints: [pkg.name], // resolved by the plugin's entry-point hook
      outfile,
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      keepNames: true, // the Inspector displays class names (e.g. an Arrow Table), as with jsDelivr's builds
      legalComments: "none",
      define: {"process.env.NODE_ENV": '"production"'},
      logLevel: "error",
      plugins: [shareDependencies]
    });
    files.push(posix.join(entry, "_esm.js"));
    for (const file of EXTRA_FILES[pkg.name] ?? []) {
      await mkdir(dirname(join(npmDir, entry, file)), {recursive: true});
      await copyFile(join(pkg.dir, file), join(npmDir, entry, file));
      files.push(posix.join(entry, file));
    }
  }

  for (const pkg of topLevel.values()) bundle(pkg);
  // Bundling can discover more entries (nested versions), so wait until no new ones appear.
  for (let n = 0; n !== done.size;) ((n = done.size), await Promise.all(done.values()));
  const placeholders = PLACEHOLDERS.filter((name) => !topLevel.has(name)).map(
    (name) => `${name}@${PLACEHOLDER_VERSION}`
  );
  for (const entry of placeholders) await mkdir(join(npmDir, entry), {recursive: true});

  // Framework answers "which version?" with the highest cached folder, and creates that folder before it
  // downloads; a build that reached the registry but not jsDelivr leaves an empty, newer NAME@VERSION behind
  // that would shadow ours. Remove such empty folders for the names we provide.
  for (const name of topLevel.keys()) {
    const parent = dirname(join(npmDir, name));
    for (const entry of await readdir(parent)) {
      const folder = join(parent, entry);
      if (entry.startsWith(`${basename(name)}@`) && !done.has(relative(npmDir, folder))) {
        if ((await readdir(folder)).length === 0) await rm(folder, {recursive: true});
      }
    }
  }

  const entries = [...done.keys(), ...placeholders].sort();
  await writeFile(manifestPath, JSON.stringify({key, entries, files: files.sort()}, null, 2) + "\n");
  return {skipped: false, entries, ms: performance.now() - start};
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = process.argv[2] ?? "src";
  try {
    const {skipped, entries, ms} = await fillNpmCache({root});
    const where = join(root, ".observablehq", "cache", "_npm");
    console.error(
      `offline-npm: ${skipped ? "up to date" : "filled"} ${where}: ${entries.join(", ")} (${Math.round(ms)} ms)`
    );
  } catch (error) {
    console.error(`offline-npm: FAILED: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
