// The project's import graph: which files a module depends on, and which data loaders an edited file affects.
// One source of truth for every cache of derived results: prepare.ts keys each loader's cached output by it,
// the cached training runs (churn, recommendations) and the warehouse key themselves by it, and `npm run dev`
// uses it to re-run exactly the loaders an edit reaches (Framework re-runs a loader only when the loader file
// itself changes: its issue #204).
import {createHash} from "node:crypto";
import {existsSync, readFileSync, statSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {PROJECT_ROOT} from "../config.js";
import {listFiles} from "../fingerprint.js";

/** Directories whose TypeScript a loader can import. */
const CODE_DIRS = ["lib", "loaders", "src"];
/** Queries are read by name at run time: sql("kpis") reads loaders/sql/kpis.sql, sql("churn/labels") a subfolder. */
const SQL_DIR = "loaders/sql";

/** Framework's loaders: a double extension ending in .ts, e.g. src/data/kpis.json.ts or src/charts/[chart].svg.ts. */
export const isLoader = (path: string) =>
  path.startsWith("src/") && /\.[\w]+\.ts$/.test(path) && !path.includes(".observablehq");

// Static and dynamic imports with a relative specifier: `from "./x.js"`, `import("../y.js")`.
const IMPORT = /(?:\bfrom|\bimport\s*\(?)\s*["'](\.{1,2}\/[^"']+)["']/g;
// String literals that could name a query: "kpis", "churn/labels", or an area folder before a template
// substitution (`warehouse/${table}` names every query in loaders/sql/warehouse/).
const LITERAL = /["'`]([\w.-]+(?:\/[\w.-]*)*)(?=["'`]|\$\{)/g;
// Comments name queries in examples (`sql("kpis")`) without reading them; "://" in a URL is not a comment.
const COMMENTS = /\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm;

export interface DependencyGraph {
  /** Project-relative path → the project-relative files it imports. */
  imports: Map<string, Set<string>>;
  /** Project-relative path → the SQL files its string literals name. */
  queries: Map<string, Set<string>>;
}

/** Resolves a relative import to a project file: our sources import `x.js` for `x.ts`. */
function resolveImport(from: string, specifier: string): string {
  const target = relative(PROJECT_ROOT, resolve(PROJECT_ROOT, dirname(from), specifier));
  return target.replace(/\.js$/, ".ts");
}

/** The SQL files a literal names, if any: NAME.sql, or every query of a folder for "area/". */
function queryFiles(root: string, literal: string): string[] {
  const name = literal.replace(/\.sql$/, "");
  if (name.endsWith("/")) {
    const dir = join(root, SQL_DIR, name);
    return existsSync(dir) && statSync(dir).isDirectory() ? listFiles(dir, (n) => n.endsWith(".sql"), root) : [];
  }
  const file = `${SQL_DIR}/${name}.sql`;
  return existsSync(join(root, file)) ? [file] : [];
}

export function readGraph(root = PROJECT_ROOT): DependencyGraph {
  const imports = new Map<string, Set<string>>();
  const queries = new Map<string, Set<string>>();
  for (const dir of CODE_DIRS) {
    for (const path of listFiles(join(root, dir), (name) => name.endsWith(".ts"), root)) {
      // src/lib is a symlink to lib: one name per file.
      if (path.startsWith("src/lib/") || path.includes(".observablehq")) continue;
      const text = readFileSync(join(root, path), "utf8");
      imports.set(path, new Set(Array.from(text.matchAll(IMPORT), (m) => canonical(resolveImport(path, m[1]!)))));
      const code = text.replace(COMMENTS, "$1");
      queries.set(path, new Set(Array.from(code.matchAll(LITERAL), (m) => queryFiles(root, m[1]!)).flat()));
    }
  }
  return {imports, queries};
}

/** Pages reach lib/ through the src/lib symlink; the graph names those files by their lib/ path. */
const canonical = (path: string) => (path.startsWith("src/lib/") ? path.slice(4) : path);

/** Every project file the entries depend on, themselves included: imports transitively and the SQL they name. */
export function dependencies(graph: DependencyGraph, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map(canonical);
  while (queue.length) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    queue.push(...(graph.imports.get(path) ?? []));
    for (const query of graph.queries.get(path) ?? []) seen.add(query);
  }
  return [...seen].sort();
}

/**
 * A hash of the contents of everything the entries depend on (dependencies()): the cache key of a result
 * computed by that code. Editing any file in the closure changes it; editing anything else does not.
 */
export function codeKey(entries: readonly string[], graph: DependencyGraph = readGraph(), root = PROJECT_ROOT): string {
  const hash = createHash("sha256");
  for (const path of dependencies(graph, entries)) {
    const file = join(root, path);
    hash
      .update(path)
      .update("\0")
      .update(existsSync(file) ? readFileSync(file) : "")
      .update("\0");
  }
  return hash.digest("hex").slice(0, 20);
}

/** The loaders whose output may change when `changed` (project-relative) changes, sorted. */
export function affectedLoaders(graph: DependencyGraph, changed: string): string[] {
  const target = canonical(changed);
  return [...graph.imports.keys()]
    .filter((path) => isLoader(path) && dependencies(graph, [path]).includes(target))
    .sort();
}

/** Loaders that read the warehouse: the ones a changed CSV affects. */
export function warehouseLoaders(graph: DependencyGraph): string[] {
  return affectedLoaders(graph, "loaders/warehouse/warehouse.ts");
}
