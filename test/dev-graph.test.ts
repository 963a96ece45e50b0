// Which loaders `npm run dev` re-runs after an edit: on a hand-made graph, then on the project's own code.
import {describe, expect, test} from "vitest";
import {affectedLoaders, isLoader, readGraph, warehouseLoaders, type DependencyGraph} from "../loaders/dev/graph.js";

const graph = (imports: Record<string, string[]>, literals: Record<string, string[]> = {}): DependencyGraph => ({
  imports: new Map(Object.entries(imports).map(([k, v]) => [k, new Set(v)])),
  literals: new Map(Object.entries(literals).map(([k, v]) => [k, new Set(v)]))
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
    {"loaders/b.ts": ["b", "node:fs"], "loaders/a.ts": ["node:path"]}
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
