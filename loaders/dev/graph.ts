// Which data loaders an edited file affects. Framework re-runs a loader only when the loader file itself changes
// (its issue #204); `npm run dev` uses this to touch exactly the loaders that import an edited file of lib/,
// loaders/ or src/components/ (directly or through other modules), or read an edited .sql file.
import {readFileSync} from "node:fs";
import {basename, dirname, join, relative, resolve} from "node:path";
import {PROJECT_ROOT} from "../config.js";
import {listFiles} from "../fingerprint.js";

/** Directories whose TypeScript a loader can import. */
const CODE_DIRS = ["lib", "loaders", "src"];

/** Framework's loaders: a double extension ending in .ts, e.g. src/data/kpis.json.ts or src/charts/[chart].svg.ts. */
export const isLoader = (path: string) =>
  path.startsWith("src/") && /\.[\w]+\.ts$/.test(path) && !path.includes(".observablehq");

// Static and dynamic imports with a relative specifier: `from "./x.js"`, `import("../y.js")`.
const IMPORT = /(?:\bfrom|\bimport\s*\(?)\s*["'](\.{1,2}\/[^"']+)["']/g;
// Any string literal that could name an SQL file read at run time: sql("kpis"), sqlFile("order_facts").
const LITERAL = /["']([\w.-]+)["']/g;

export interface DependencyGraph {
  /** Project-relative path → the project-relative files it imports. */
  imports: Map<string, Set<string>>;
  /** Project-relative path → the bare names in its string literals (for .sql lookups). */
  literals: Map<string, Set<string>>;
}

/** Resolves a relative import to a project file: our sources import `x.js` for `x.ts`. */
function resolveImport(from: string, specifier: string): string {
  const target = relative(PROJECT_ROOT, resolve(PROJECT_ROOT, dirname(from), specifier));
  return target.replace(/\.js$/, ".ts");
}

export function readGraph(root = PROJECT_ROOT): DependencyGraph {
  const imports = new Map<string, Set<string>>();
  const literals = new Map<string, Set<string>>();
  for (const dir of CODE_DIRS) {
    for (const path of listFiles(join(root, dir), (name) => name.endsWith(".ts"), root)) {
      // src/lib is a symlink to lib: one name per file.
      if (path.startsWith("src/lib/") || path.includes(".observablehq")) continue;
      const text = readFileSync(join(root, path), "utf8");
      imports.set(path, new Set(Array.from(text.matchAll(IMPORT), (m) => canonical(resolveImport(path, m[1]!)))));
      literals.set(path, new Set(Array.from(text.matchAll(LITERAL), (m) => m[1]!)));
    }
  }
  return {imports, literals};
}

/** Pages reach lib/ through the src/lib symlink; the graph names those files by their lib/ path. */
const canonical = (path: string) => (path.startsWith("src/lib/") ? path.slice(4) : path);

/** The loaders whose output may change when `changed` (project-relative) changes, sorted. */
export function affectedLoaders(graph: DependencyGraph, changed: string): string[] {
  changed = canonical(changed);
  const seeds = new Set<string>();
  if (changed.endsWith(".sql")) {
    // SQL files are read by name at run time (sql("kpis") reads kpis.sql): every module naming it depends on it.
    const name = basename(changed, ".sql");
    for (const [path, names] of graph.literals) if (names.has(name) || names.has(`${name}.sql`)) seeds.add(path);
  } else {
    seeds.add(changed);
  }
  // Walk the reverse import graph from the seeds.
  const importers = new Map<string, string[]>();
  for (const [path, targets] of graph.imports) {
    for (const target of targets) importers.set(target, [...(importers.get(target) ?? []), path]);
  }
  const seen = new Set(seeds);
  const queue = [...seeds];
  while (queue.length) {
    for (const importer of importers.get(queue.pop()!) ?? []) {
      if (!seen.has(importer)) (seen.add(importer), queue.push(importer));
    }
  }
  return [...seen].filter(isLoader).sort();
}

/** Loaders that read the warehouse: the ones a changed CSV affects. */
export function warehouseLoaders(graph: DependencyGraph): string[] {
  return affectedLoaders(graph, "loaders/warehouse/warehouse.ts");
}
