// The build's loader runner (loaders/build/run-loaders.ts): which outputs are stale, how they are shared between
// workers, and what a failing loader leaves behind — its name and error, and no output a later build would serve.
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {PROJECT_ROOT} from "../loaders/config.js";
import {readGraph, type DependencyGraph} from "../loaders/dev/graph.js";
import {cachePath, loaderTargets, type LoaderTarget} from "../loaders/build/loader-targets.js";
import {
  forgetStamps,
  LoaderError,
  readStamps,
  runLoaders,
  schedule,
  targetStamp
} from "../loaders/build/run-loaders.js";

const graph = (imports: Record<string, string[]>): DependencyGraph => ({
  imports: new Map(Object.entries(imports).map(([k, v]) => [k, new Set(v)])),
  queries: new Map()
});

test("every data loader and every chart file of the catalog is a target", () => {
  const targets = loaderTargets();
  expect(targets).toContainEqual({target: "data/kpis.json", loader: "src/data/kpis.json.ts", params: {}});
  expect(targets).toContainEqual({
    target: "charts/revenue-trend.png",
    loader: "src/charts/[chart].png.ts",
    params: {chart: "revenue-trend"}
  });
  expect(new Set(targets.map((t) => t.target)).size).toBe(targets.length);
});

describe("stamps", () => {
  const data = {source: "synthetic", fingerprint: "f1", analysisDate: "2018-08-31"};
  const kpis = {target: "data/kpis.json", loader: "src/data/kpis.json.ts", params: {}};
  const churn = {target: "data/churn-model.json", loader: "src/data/churn-model.json.ts", params: {}};
  const g = readGraph();

  test("change with the data and the analysis date", () => {
    const stamp = targetStamp(kpis, g, data);
    expect(targetStamp(kpis, g, {...data, fingerprint: "f2"})).not.toBe(stamp);
    expect(targetStamp(kpis, g, {...data, analysisDate: "2018-09-01"})).not.toBe(stamp);
    expect(targetStamp(kpis, g, data)).toBe(stamp);
  });

  test("change with a file in the loader's closure, not with a file outside it", () => {
    // the same graph with one file's contents swapped: simulate by hashing two graphs that differ in imports
    const before = {kpis: targetStamp(kpis, g, data), churn: targetStamp(churn, g, data)};
    const withExtra = readGraph();
    withExtra.imports.get("loaders/kpis.ts")!.add("lib/ml/treeshap.ts");
    expect(targetStamp(kpis, withExtra, data)).not.toBe(before.kpis);
    expect(targetStamp(churn, withExtra, data)).toBe(before.churn);
  });
});

test("outputs sharing a cached run go to one worker; the rest balance by last time", () => {
  const g = graph({
    "src/data/a.json.ts": ["loaders/churn/run.ts"],
    "src/data/b.json.ts": ["loaders/churn/run.ts"],
    "src/data/c.json.ts": ["loaders/kpis.ts"],
    "src/data/d.json.ts": ["loaders/kpis.ts"],
    "src/data/e.json.ts": ["loaders/kpis.ts"],
    "loaders/churn/run.ts": ["loaders/lock.ts"],
    "loaders/kpis.ts": []
  });
  const t = (name: string): LoaderTarget => ({
    target: `data/${name}.json`,
    loader: `src/data/${name}.json.ts`,
    params: {}
  });
  const seconds: Record<string, number> = {a: 20, b: 1, c: 8, d: 7, e: 6};
  const queues = schedule(["a", "b", "c", "d", "e"].map(t), 2, (x) => seconds[x.target.slice(5, 6)]!, g);
  // a + b (21 s, one group) on one worker; c, d, e (21 s) on the other, longest first
  expect(queues.map((q) => q.map((x) => x.target.slice(5, 6)).join(""))).toEqual(["ab", "cde"]);
});

describe("a loader that fails", () => {
  const dir = join(PROJECT_ROOT, ".cache", `run-loaders-test-${process.pid}`);
  const write = (name: string, text: string) => {
    mkdirSync(dir, {recursive: true});
    writeFileSync(join(dir, name), text);
    return `.cache/run-loaders-test-${process.pid}/${name}`;
  };
  const target = (name: string, loader: string): LoaderTarget => ({
    target: `run-loaders-test-${process.pid}/${name}`,
    loader,
    params: {}
  });
  afterAll(() => {
    forgetStamps(Object.keys(readStamps()).filter((t) => t.startsWith(`run-loaders-test-${process.pid}/`)));
    rmSync(dir, {recursive: true, force: true});
    rmSync(dirname(cachePath(target("x", "").target)), {recursive: true, force: true});
  });

  test("stops the run with its name and error, and leaves no output behind", async () => {
    const good = target("good.json", write("good.json.ts", `process.stdout.write(JSON.stringify({ok: true}));`));
    const bad = target(
      "bad.json",
      write("bad.json.ts", `process.stdout.write("{\\"half\\": ");\nthrow new Error("the orders table is empty");`)
    );
    // an output from an earlier build must not survive a failed rebuild
    mkdirSync(dirname(cachePath(bad.target)), {recursive: true});
    writeFileSync(cachePath(bad.target), '{"stale": true}');
    const plan = {stale: [good, bad].map((t) => ({target: t, stamp: `stamp-${t.target}`})), fresh: []};
    const error = await runLoaders(plan, {workers: 1, log: () => {}}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoaderError);
    expect((error as Error).message).toContain(`loader ${bad.loader} (${bad.target}) failed`);
    expect((error as Error).message).toContain("the orders table is empty");
    expect(existsSync(cachePath(bad.target))).toBe(false);
    expect(readStamps()[bad.target]).toBeUndefined();
    // the other loader still ran, and is stamped
    expect(JSON.parse(readFileSync(cachePath(good.target), "utf8"))).toEqual({ok: true});
    expect(readStamps()[good.target]?.stamp).toBe(`stamp-${good.target}`);
  }, 120_000);
});
