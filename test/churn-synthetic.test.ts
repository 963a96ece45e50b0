// The whole churn run on synthetic data (scale 0.02): labels and the oracle against independent computations
// from the generated CSVs, every model and baseline in the metrics, one training per cache key, and batch
// scores equal to single-row scoring of the published (JSON) model; the at-risk list is the top of the batch scores
// and a customer looked up in the churn pack is scored and explained as the batch did (issue 13.5).
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {topContributions} from "../lib/churn/contributions.js";
import {encodeRow} from "../lib/churn/encode.js";
import type {ChurnAtRisk} from "../lib/contracts/churn-at-risk.js";
import type {LookupPack} from "../lib/lookup/pack.js";
import {round} from "../lib/num.js";
import {explainRow, makeExplainer} from "../lib/ml/treeshap.js";
import {rocAuc} from "../lib/ml/metrics.js";
import {validateModel} from "../lib/ml/model.js";
import {predictMargin, predictProbability} from "../lib/ml/score.js";
import {dataSource} from "../loaders/config.js";
import {customerFeatures} from "../loaders/features/customer-features.js";
import {churnAtRisk} from "../loaders/churn/at-risk.js";
import {writeChurnLookupPack} from "../loaders/churn/lookup-pack.js";
import {churnMetrics} from "../loaders/churn/publish.js";
import {openLookupFile} from "../loaders/lookup.js";
import {churnRun, churnScoresFile, type ChurnRun} from "../loaders/churn/run.js";
import {CV_FOLDS, GRID} from "../loaders/churn/train.js";
import {addDays} from "../loaders/churn/window.js";
import {openWarehouse, type Warehouse} from "../loaders/warehouse/warehouse.js";
import {useTempCache} from "./helpers.js";

let warehouse: Warehouse;
let run: ChurnRun;
let dir: string;
const logged: string[] = [];

beforeAll(async () => {
  useTempCache();
  warehouse = await openWarehouse(dataSource({SYNTH_SCALE: "0.02", SYNTH_SEED: "7"}), () => {});
  run = await churnRun(warehouse, (line) => logged.push(line));
  const [meta] = await warehouse.query<{value: string}>(`SELECT value FROM meta WHERE key = 'data_dir'`);
  dir = meta!.value;
}, 300_000);

afterAll(() => warehouse?.close());

const read = (name: string) => csvParse(readFileSync(join(dir, name), "utf8"));

describe("the churn run on synthetic data", () => {
  test("the window: repeats stop at 2018-09-01, so labels end by 2018-08-31 and the cutoffs are 180 and 360 days before", () => {
    // At this scale the last order may fall before 31 August; the analysis date then ends the labels.
    const L = run.window.analysisDate < "2018-08-31" ? run.window.analysisDate : "2018-08-31";
    expect(run.window).toMatchObject({
      horizonDays: 180,
      lastReliableDate: L,
      evaluationCutoff: addDays(L, -180),
      trainingCutoff: addDays(L, -360)
    });
  });

  test("evaluation labels equal an independent count from the CSVs", () => {
    const person = new Map(read("olist_customers_dataset.csv").map((c) => [c.customer_id!, c.customer_unique_id!]));
    const T = run.window.evaluationCutoff;
    const end = addDays(T, 180);
    const before = new Set<string>();
    const after = new Set<string>();
    for (const o of read("olist_orders_dataset.csv")) {
      if (o.order_status === "canceled" || o.order_status === "unavailable") continue;
      const id = person.get(o.customer_id!);
      if (!id) continue;
      const day = o.order_purchase_timestamp!.slice(0, 10);
      if (day <= T) before.add(id);
      else if (day <= end) after.add(id);
    }
    const churned = [...before].filter((id) => !after.has(id)).length;
    expect(run.counts.evaluation).toBe(before.size);
    expect(run.counts.evaluation_churned).toBe(churned);
    expect(churned).toBeLessThan(before.size); // some came back
  });

  test("every model and baseline is measured, and the oracle's AUC matches one computed from truth_orders.csv", () => {
    expect(run.results.map((r) => r.name)).toEqual([
      "GBDT",
      "Random forest",
      "Logistic regression",
      "Recency alone",
      "Seed rule",
      "BG/NBD",
      "Oracle"
    ]);
    for (const r of run.results) {
      expect(r.metrics.roc_auc, r.name).toBeGreaterThan(0);
      expect(r.metrics.roc_auc, r.name).toBeLessThan(1);
      expect(r.metrics.log_loss, r.name).toBeGreaterThan(0);
      expect(r.curves.roc.at(-1)).toEqual({fpr: 1, tpr: 1});
    }
    // Independent oracle: the last order before the end of the cutoff day, from the CSV.
    const T = run.window.evaluationCutoff;
    const endOfCutoff = Date.parse(`${addDays(T, 1)}T00:00:00Z`);
    const last = new Map<string, {t: number; lambda: number; p: number}>();
    for (const r of read("truth_orders.csv")) {
      const t = Date.parse(`${r.purchase_timestamp!.replace(" ", "T")}Z`);
      if (t >= endOfCutoff) continue;
      const prev = last.get(r.customer_unique_id!);
      if (!prev || t > prev.t)
        last.set(r.customer_unique_id!, {t, lambda: Number(r.lambda_per_day), p: Number(r.dropout_prob_after)});
    }
    const person = new Map(read("olist_customers_dataset.csv").map((c) => [c.customer_id!, c.customer_unique_id!]));
    const returned = new Set<string>();
    const buyers = new Set<string>();
    for (const o of read("olist_orders_dataset.csv")) {
      if (o.order_status === "canceled" || o.order_status === "unavailable") continue;
      const id = person.get(o.customer_id!)!;
      const day = o.order_purchase_timestamp!.slice(0, 10);
      if (day <= T) buyers.add(id);
      else if (day <= addDays(T, 180)) returned.add(id);
    }
    const ids = [...buyers];
    const probs = ids.map((id) => {
      const {t, lambda, p} = last.get(id)!;
      const elapsed = (endOfCutoff - t) / 86_400_000;
      const s = (1 - p) * Math.exp(-lambda * elapsed);
      return 1 - (s / (p + s)) * (1 - Math.exp(-lambda * 180));
    });
    const labels = ids.map((id) => (returned.has(id) ? 0 : 1));
    expect(run.results.find((r) => r.name === "Oracle")!.metrics.roc_auc).toBeCloseTo(rocAuc(labels, probs), 5);
  });

  test("a second call reads the cache instead of training again", async () => {
    expect(logged.some((l) => l.includes("trained in"))).toBe(true);
    const again: string[] = [];
    const second = await churnRun(warehouse, (line) => again.push(line));
    expect(again).toEqual([]);
    expect(second.model).toEqual(run.model);
  });

  test("batch scores equal single-row scores of the JSON model on the analysis date's features", async () => {
    const model = validateModel(JSON.parse(JSON.stringify(run.model))) as typeof run.model;
    const rows = await customerFeatures(warehouse, run.window.analysisDate);
    const scores = await warehouse.query<{customer_unique_id: string; churn_probability: number}>(
      `SELECT customer_unique_id, churn_probability FROM read_parquet($file)`,
      {file: await churnScoresFile(warehouse)}
    );
    expect(scores).toHaveLength(rows.length);
    expect(run.counts.scored).toBe(rows.length);
    const byId = new Map(scores.map((s) => [s.customer_unique_id, s.churn_probability]));
    for (const row of rows.filter((_, i) => i % 37 === 0)) {
      expect(predictProbability(model, encodeRow(model.preprocessing.encoder, row))).toBe(
        byId.get(row.customer_unique_id as string)
      );
    }
  });

  test("the metrics file names every model, the grid and the model's size", async () => {
    const m = await churnMetrics(warehouse);
    expect(m.results.map((r) => r.name)).toContain("BG/NBD");
    expect(m.cv.map((c) => c.params)).toEqual([...GRID]);
    // as many folds as people who came back, up to CV_FOLDS, so that every held-out fold has both classes
    const folds = Math.min(CV_FOLDS, run.counts.training - run.counts.training_churned);
    for (const c of m.cv) expect(c.trees).toHaveLength(folds);
    // the best mean fold ROC-AUC wins; the final model has the folds' mean number of trees
    expect(m.chosen.roc_auc).toBe(Math.max(...m.cv.map((c) => c.roc_auc)));
    expect(m.chosen.n_rounds).toBe(Math.round(m.chosen.trees.reduce((a, b) => a + b, 0) / folds));
    expect(run.model.trees).toHaveLength(m.chosen.n_rounds);
    expect(m.model_summary.bytes).toBe(Buffer.byteLength(JSON.stringify(run.model)));
    expect(m.model_summary.gzip_bytes).toBeLessThan(m.model_summary.bytes);
    expect(m.features.some((f) => f.used_by_model)).toBe(true);
  });
});

describe("the at-risk list and the lookup pack", () => {
  type Score = {customer_unique_id: string; churn_probability: number; value_at_risk: number};
  let scores: Score[];
  let atRisk: ChurnAtRisk;
  let pack: LookupPack;
  let packDir: string;

  beforeAll(async () => {
    scores = await warehouse.query<Score>(
      `SELECT customer_unique_id, churn_probability, value_at_risk FROM read_parquet($file) ORDER BY customer_unique_id`,
      {file: await churnScoresFile(warehouse)}
    );
    atRisk = await churnAtRisk(warehouse, 60);
    packDir = mkdtempSync(join(tmpdir(), "churn-pack-"));
    await writeChurnLookupPack(warehouse, join(packDir, "churn.pack"));
    pack = await openLookupFile(join(packDir, "churn.pack"));
  }, 120_000);

  afterAll(() => rmSync(packDir, {recursive: true, force: true}));

  test("the list is the N highest batch scores: nobody left out scores higher than anyone listed", async () => {
    expect(atRisk.customers).toHaveLength(60);
    expect(atRisk.people).toBe(scores.length);
    const listed = new Set(atRisk.customers.map((c) => c.customer_unique_id));
    const lowestListed = Math.min(
      ...scores.filter((s) => listed.has(s.customer_unique_id)).map((s) => s.churn_probability)
    );
    const highestLeft = Math.max(
      ...scores.filter((s) => !listed.has(s.customer_unique_id)).map((s) => s.churn_probability)
    );
    expect(lowestListed).toBeGreaterThanOrEqual(highestLeft);
    // the same ids, in the same order, as DuckDB's own ranking of the score file
    const ranked = await warehouse.query<{customer_unique_id: string}>(
      `SELECT customer_unique_id FROM read_parquet($file)
       ORDER BY churn_probability DESC, value_at_risk DESC, customer_unique_id LIMIT 60`,
      {file: await churnScoresFile(warehouse)}
    );
    expect(atRisk.customers.map((c) => c.customer_unique_id)).toEqual(ranked.map((r) => r.customer_unique_id));
    const byId = new Map(scores.map((s) => [s.customer_unique_id, s]));
    for (const c of atRisk.customers) {
      expect(c.churn_probability).toBe(round(byId.get(c.customer_unique_id)!.churn_probability, 6));
      expect(c.value_at_risk).toBe(byId.get(c.customer_unique_id)!.value_at_risk);
    }
  });

  test("risk bands: the top 5%, the next 15% and 30% of scores, and the rest, counted over everyone", () => {
    const sorted = scores.map((s) => s.churn_probability).sort((a, b) => a - b);
    // quantile_disc(q): the value at position ceil(q·n) − 1 of the ascending scores, floored to 6 decimals
    const at = (q: number) => Math.floor(sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]! * 1e6) / 1e6;
    expect(atRisk.bands.map((b) => b.from)).toEqual([at(0.95), at(0.8), at(0.5), 0]);
    const counts = atRisk.bands.map(
      (b, i) =>
        scores.filter(
          (s) => s.churn_probability >= b.from && (i === 0 || s.churn_probability < atRisk.bands[i - 1]!.from)
        ).length
    );
    expect(atRisk.bands.map((b) => b.people)).toEqual(counts);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(scores.length);
    for (const c of atRisk.customers) {
      const band = atRisk.bands.find((b) => c.churn_probability >= b.from)!;
      expect(c.risk_band).toBe(band.band);
    }
  });

  test("a looked-up customer, scored and explained from the pack and the JSON model, gets the batch values", async () => {
    const model = validateModel(JSON.parse(JSON.stringify(run.model))) as typeof run.model;
    const encoder = model.preprocessing.encoder;
    const explainer = makeExplainer(model);
    const features = new Map(
      (await customerFeatures(warehouse, run.window.analysisDate)).map((r) => [r.customer_unique_id as string, r])
    );
    expect(pack.header.rows).toBe(scores.length);
    const batch = new Map(scores.map((s) => [s.customer_unique_id, s]));
    const listed = atRisk.customers.filter((_, i) => i % 7 === 0);
    const others = scores.filter((_, i) => i % 97 === 0).map((s) => s.customer_unique_id);
    for (const id of [...listed.map((c) => c.customer_unique_id), ...others]) {
      const row = (await pack.get(id))!;
      expect(row, id).not.toBeNull();
      // the pack holds the person's feature row as published (in JSON, where -0 is 0) …
      const published = JSON.parse(JSON.stringify(features.get(id)!)) as Record<string, unknown>;
      for (const f of encoder.features) expect(row[f.name], `${id} ${f.name}`).toEqual(published[f.name] ?? null);
      // … and their batch score, which single-row scoring of that row reproduces exactly
      const x = encodeRow(encoder, row);
      expect(row.churn_probability).toBe(batch.get(id)!.churn_probability);
      expect(predictProbability(model, x)).toBe(row.churn_probability);
      // the explanation adds up to the model's margin, and its top reasons are the list's
      const {baseValue, values} = explainRow(explainer, x);
      expect(baseValue + values.reduce((s, v) => s + v, 0)).toBeCloseTo(predictMargin(model, x), 9);
      expect(round(baseValue, 6)).toBe(atRisk.base_value);
      const inList = atRisk.customers.find((c) => c.customer_unique_id === id);
      if (inList) expect(topContributions(encoder, x, values)).toEqual(inList.top_contributions);
    }
    expect(await pack.get("no-such-customer")).toBeNull();
  });
});
