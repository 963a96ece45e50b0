// Which loaders `npm run dev` re-runs after an edit: on a hand-made graph, then on the project's own code.
import {describe, expect, test} from "vitest";
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {
  affectedLoaders,
  codeKey,
  dependencies,
  isLoader,
  readGraph,
  warehouseLoaders,
  type DependencyGraph
} from "../loaders/dev/graph.js";

const graph = (imports: Record<string, string[]>, queries: Record<string, string[]> = {}): DependencyGraph => ({
  imports: new Map(Object.entries(imports).map(([k, v]) => [k, new Set(v)])),
  queries: new Map(Object.entries(queries).map(([k, v]) => [k, new Set(v)]))
});

describe("affectedLoaders on a hand-made graph", () => {
  // a.json.ts → loaders/a.ts → lib/x.ts; b.json.ts → loaders/b.ts (reads b.sql) → lib/y.ts; c.csv.ts → lib/x.ts
  const g = graph(
    {
      "src/data/a.json.ts": ["loaders/a.ts"],
      "src/data/b.json.ts": ["loaders/b.ts"],
      "src/charts/[c].csv.ts": ["lib/x.ts"],
      "loaders/a.ts": ["lib/x.ts"],
      "loaders/b.ts": ["lib/y.ts"],
      "lib/x.ts": [],
      "lib/y.ts": []
    },
    {"loaders/b.ts": ["loaders/sql/b.sql"]}
  );

  test("follows imports transitively to every loader", () => {
    expect(affectedLoaders(g, "lib/x.ts")).toEqual(["src/charts/[c].csv.ts", "src/data/a.json.ts"]);
    expect(affectedLoaders(g, "lib/y.ts")).toEqual(["src/data/b.json.ts"]);
    expect(affectedLoaders(g, "loaders/a.ts")).toEqual(["src/data/a.json.ts"]);
  });

  test("an SQL file affects the modules that name it", () => {
    expect(affectedLoaders(g, "loaders/sql/b.sql")).toEqual(["src/data/b.json.ts"]);
    expect(affectedLoaders(g, "loaders/sql/unused.sql")).toEqual([]);
  });

  test("pages' src/lib path names the same file as lib/", () => {
    expect(affectedLoaders(g, "src/lib/x.ts")).toEqual(affectedLoaders(g, "lib/x.ts"));
  });
});

test("loader files are the double-extension modules under src/", () => {
  expect(
    [
      "src/data/kpis.json.ts",
      "src/charts/[chart].svg.ts",
      "src/components/kpi-cards.ts",
      "loaders/kpis.ts",
      "src/.observablehq/x.json.ts"
    ].filter(isLoader)
  ).toEqual(["src/data/kpis.json.ts", "src/charts/[chart].svg.ts"]);
});

describe("on this project's code", () => {
  const g = readGraph();

  test("an edit to the KPI code re-runs the KPI loaders, not the churn model", () => {
    for (const edited of ["loaders/kpis.ts", "loaders/sql/kpis.sql"]) {
      const loaders = affectedLoaders(g, edited);
      expect(loaders).toContain("src/data/kpis.json.ts");
      expect(loaders).not.toContain("src/data/churn-model.json.ts");
    }
  });

  test("an edit to TreeSHAP re-runs the churn loaders and the chart files (one chart shows churn risk), not the others", () => {
    const loaders = affectedLoaders(g, "lib/ml/treeshap.ts");
    expect(loaders).toContain("src/data/churn-scores.parquet.ts");
    expect(loaders).toContain("src/charts/[chart].svg.ts");
    expect(loaders.filter((l) => !l.includes("churn") && !l.startsWith("src/charts/"))).toEqual([]);
  });

  test("every data loader that opens the warehouse re-runs after a CSV change", () => {
    expect(warehouseLoaders(g)).toEqual(
      expect.arrayContaining(["src/data/kpis.json.ts", "src/data/data-quality.json.ts", "src/data/cohorts.json.ts"])
    );
  });
});

describe("dependencies and codeKey on a small project tree", () => {
  // loaders/a.ts imports lib/x.ts and reads sql("a") and every query of `area/${name}`; loaders/b.ts reads nothing.
  const root = mkdtempSync(join(tmpdir(), "graph-"));
  const files: Record<string, string> = {
    "src/data/a.json.ts": `import {a} from "../../loaders/a.js";\nprocess.stdout.write(a());`,
    "src/data/b.json.ts": `import {b} from "../../loaders/b.js";`,
    "loaders/a.ts": 'import {x} from "../lib/x.js";\nconst q = [sql("a"), sql(`area/${name}`)];',
    "loaders/b.ts": `export const b = "b";`,
    "lib/x.ts": `export const x = 1;`,
    "loaders/sql/a.sql": "SELECT 1",
    "loaders/sql/area/one.sql": "SELECT 1",
    "loaders/sql/area/two.sql": "SELECT 2",
    "loaders/sql/other.sql": "SELECT 3"
  };
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), {recursive: true});
    writeFileSync(join(root, path), text);
  };
  for (const [path, text] of Object.entries(files)) write(path, text);

  test("imports transitively, named queries and a folder of queries named by a template prefix", () => {
    expect(dependencies(readGraph(root), ["src/data/a.json.ts"])).toEqual([
      "lib/x.ts",
      "loaders/a.ts",
      "loaders/sql/a.sql",
      "loaders/sql/area/one.sql",
      "loaders/sql/area/two.sql",
      "src/data/a.json.ts"
    ]);
    expect(dependencies(readGraph(root), ["src/data/b.json.ts"])).toEqual(["loaders/b.ts", "src/data/b.json.ts"]);
  });

  test("the key changes with a file in the closure and not with any other", () => {
    const key = () => codeKey(["src/data/a.json.ts"], readGraph(root), root);
    const before = key();
    write("loaders/sql/other.sql", "SELECT 4");
    write("loaders/b.ts", `export const b = "c";`);
    expect(key()).toBe(before);
    write("loaders/sql/area/two.sql", "SELECT 22");
    const afterQuery = key();
    expect(afterQuery).not.toBe(before);
    write("lib/x.ts", `export const x = 2;`);
    expect(key()).not.toBe(afterQuery);
  });
});
