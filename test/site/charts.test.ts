// Files for wikis: every chart under dist/charts/ is a valid SVG and PNG of non-trivial size with its CSV beside
// it, and each CSV holds the data of its chart, checked against the site's other public files (or, for the A/B
// planner, against the sample-size formula computed here).
import {readFileSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {csvParse, type DSVRowArray} from "d3-dsv";
import {JSDOM} from "jsdom";
import {describe, expect, inject, test} from "vitest";
import {KPI_CARDS, type Kpis} from "../../lib/contracts/kpis.js";
import {cardChangeText} from "../../lib/kpi-change.js";
import {CHART_CATALOG} from "../../lib/contracts/charts.js";
import {builtFile, builtJson} from "./build.js";

const siteDir = inject("siteDir");
const charts = join(siteDir, "charts");
const csv = (name: string): DSVRowArray => csvParse(readFileSync(join(charts, `${name}.csv`), "utf8"));
const svgText = (name: string) => readFileSync(join(charts, `${name}.svg`), "utf8");

test("every chart of the catalog has its SVG, PNG and CSV, and nothing else is there", () => {
  const expected = CHART_CATALOG.flatMap((c) => ["csv", "png", "svg"].map((ext) => `${c.name}.${ext}`)).sort();
  expect(readdirSync(charts).sort()).toEqual(expected);
});

describe.each(CHART_CATALOG.map((c) => c.name))("chart %s", (name) => {
  test("SVG: an svg root with a size and the chart's title, over 1 KB", () => {
    const text = svgText(name);
    expect(text.length).toBeGreaterThan(1000);
    const document = new JSDOM(text, {contentType: "image/svg+xml"}).window.document;
    const root = document.documentElement;
    expect(root.nodeName).toBe("svg");
    expect(Number(root.getAttribute("width"))).toBeGreaterThan(300);
    expect(Number(root.getAttribute("height"))).toBeGreaterThan(100);
    expect(root.querySelector("text")!.textContent).toBe(CHART_CATALOG.find((c) => c.name === name)!.title);
    expect(text).not.toContain("var(--theme"); // standalone: no page stylesheet to resolve the theme
  });

  test("PNG: the PNG signature and a header of the SVG's size at twice the scale, over 10 KB", () => {
    const png = readFileSync(join(charts, `${name}.png`));
    expect(statSync(join(charts, `${name}.png`)).size).toBeGreaterThan(10_000);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    const svg = new JSDOM(readFileSync(join(charts, `${name}.svg`), "utf8"), {contentType: "image/svg+xml"}).window
      .document.documentElement;
    expect(png.readUInt32BE(16)).toBe(Math.ceil(2 * Number(svg.getAttribute("width"))));
  });

  test("CSV: a header and at least one row", () => {
    const rows = csv(name);
    expect(rows.columns.length).toBeGreaterThanOrEqual(2);
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });
});

describe("what the CSVs hold", () => {
  test("kpi-cards: every single-valued field of kpis.json and its value; each card's figures and changes", () => {
    const kpis = builtJson<Kpis>(siteDir, "kpis");
    const rows = csv("kpi-cards");
    expect(Object.fromEntries(rows.map((r) => [r.field, r.value]))).toEqual(
      Object.fromEntries(
        Object.entries(kpis)
          .filter(([, v]) => v === null || typeof v !== "object")
          .map(([k, v]) => [k, v === null ? "" : String(v)])
      )
    );
    for (const card of KPI_CARDS) {
      const row = rows.find((r) => r.field === card.field)!;
      const change = kpis.changes[card.field];
      expect(row, card.field).toMatchObject({
        recent_months: kpis.comparison.recent?.label ?? "",
        recent: String(change.recent ?? ""),
        previous: String(change.previous ?? ""),
        vs_previous: String(change.vs_previous ?? ""),
        year_ago: String(change.year_ago ?? ""),
        vs_year_ago: String(change.vs_year_ago ?? ""),
        better: card.better
      });
    }
  });

  test("kpi-cards.svg: each card's changes, in the words and tones of the overview's cards", () => {
    const kpis = builtJson<Kpis>(siteDir, "kpis");
    expect(kpis.comparison.recent).not.toBeNull();
    const svg = new JSDOM(svgText("kpi-cards"), {contentType: "image/svg+xml"}).window.document;
    for (const card of KPI_CARDS) {
      const g = svg.querySelector(`[data-kpi="${card.field}"]`)!;
      const expected = cardChangeText(card, kpis.changes[card.field], kpis.comparison);
      expect(g.textContent, card.field).toContain(expected.period);
      for (const side of expected.sides) {
        const line = g.querySelector(`[data-side="${side.side}"]`)!;
        expect(line.textContent, `${card.field} ${side.side}`).toBe(`${side.change ?? ""}${side.against}`);
        expect(line.getAttribute("data-tone")).toBe(side.tone ?? "");
      }
      expect(g.querySelectorAll("svg path").length, `${card.field} sparkline`).toBe(1);
    }
    // Independently of our formatter: revenue's change against the months before, in percent.
    const vs = kpis.changes.revenue_payments.vs_previous!;
    const revenueLine = svg.querySelector('[data-kpi="revenue_payments"] [data-side="previous"]')!.textContent!;
    expect(revenueLine).toContain(`${(Math.abs(vs) * 100).toFixed(Math.abs(vs) >= 0.1 ? 0 : 1)}%`);
    expect(revenueLine.startsWith(Math.abs(vs) < 0.0005 ? "=" : vs > 0 ? "▲" : "▼")).toBe(true);
  });

  test("revenue-trend and top-states: the months and states of overview.json", () => {
    const overview = builtJson<{monthly: Record<string, unknown>[]; states: Record<string, unknown>[]}>(
      siteDir,
      "overview"
    );
    const asText = (rows: Record<string, unknown>[]) =>
      rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v == null ? "" : String(v)])));
    expect([...csv("revenue-trend")]).toEqual(asText(overview.monthly));
    expect([...csv("top-states")]).toEqual(asText(overview.states));
  });

  test("cohort-heatmap: every cohort and month of cohorts.json, with its retention and flags", () => {
    const {cohorts} = builtJson<{
      cohorts: {
        cohort: string;
        people: number;
        small: boolean;
        months: {month_offset: number; retention: number; observable: boolean}[];
      }[];
    }>(siteDir, "cohorts");
    const expected = cohorts.flatMap((c) =>
      c.months.map((m) => [
        c.cohort,
        String(c.people),
        String(c.small),
        String(m.month_offset),
        String(m.retention),
        String(m.observable)
      ])
    );
    expect(
      csv("cohort-heatmap").map((r) => [r.cohort, r.people, r.small, r.month_offset, r.retention, r.observable])
    ).toEqual(expected);
  });

  test("segment-sizes: the segments of segments.json, people and revenue shares", () => {
    const {segments} = builtJson<{segments: {segment: string; people: number; share: number; revenue_share: number}[]}>(
      siteDir,
      "segments"
    );
    expect(
      csv("segment-sizes").map((r) => [r.segment, Number(r.people), Number(r.share), Number(r.revenue_share)])
    ).toEqual(segments.map((s) => [s.segment, s.people, s.share, s.revenue_share]));
  });

  test("churn-risk: adjacent bins that count every scored customer of churn-scores.parquet, bin by bin", async () => {
    const bins = csv("churn-risk").map((r) => ({
      from: Number(r.risk_from),
      to: Number(r.risk_to),
      people: Number(r.people),
      churned: Number(r.seed_rule_churned)
    }));
    for (let i = 1; i < bins.length; i++) expect(bins[i]!.from).toBe(bins[i - 1]!.to);
    const instance = await DuckDBInstance.create(":memory:");
    const db = await instance.connect();
    try {
      const file = builtFile(siteDir, "churn-scores", "parquet").replace(/'/g, "''");
      const scores = (
        await db.runAndReadAll(`SELECT churn_probability AS p, seed_rule_status AS status FROM read_parquet('${file}')`)
      ).getRowObjectsJS() as {p: number; status: string}[];
      expect(bins.reduce((s, b) => s + b.people, 0)).toBe(scores.length);
      expect(scores.length).toBe(builtJson<{scored_people: number}>(siteDir, "churn-metrics").scored_people);
      const last = bins.length - 1;
      bins.forEach((b, i) => {
        const inside = scores.filter((s) => s.p >= b.from && (s.p < b.to || (i === last && s.p <= b.to)));
        expect([inside.length, inside.filter((s) => s.status === "churned").length], `bin ${b.from}–${b.to}`).toEqual([
          b.people,
          b.churned
        ]);
      });
    } finally {
      db.closeSync();
      instance.closeSync();
    }
  });

  test("ab-planner: customers per group at a 10% lift is the unpooled formula on the page's baseline", () => {
    const ab = builtJson<{repeat: {rate: number | null}}>(siteDir, "ab-defaults");
    const row = csv("ab-planner").find((r) => Number(r.relative_lift) === 0.1)!;
    const p1 = Number(ab.repeat.rate!.toFixed(4));
    const p2 = p1 * 1.1;
    // z for a two-sided 5% test and for 80% power.
    const n = ((1.959963984540054 + 0.8416212335729143) ** 2 * (p1 * (1 - p1) + p2 * (1 - p2))) / (p2 - p1) ** 2;
    expect(Number(row.baseline)).toBe(p1);
    expect(Number(row.customers_per_group)).toBe(Math.ceil(n));
    expect(Number(row.total_customers)).toBe(2 * Math.ceil(n));
  });
});

describe("what the SVGs show", () => {
  test("swatch legends (HTML in the page) are drawn as SVG text, and the colour ramp as an embedded PNG", () => {
    expect(svgText("segment-sizes")).toMatch(/<text[^>]*>Share of people<\/text>/);
    expect(svgText("churn-risk")).toMatch(/<text[^>]*>churned by the seed rule<\/text>/);
    expect(svgText("cohort-heatmap")).toContain('href="data:image/png;base64,');
  });

  test("the revenue trend has one bar per month of its CSV", () => {
    const document = new JSDOM(svgText("revenue-trend"), {contentType: "image/svg+xml"}).window.document;
    expect(document.querySelectorAll('g[aria-label="rect"] rect').length).toBe(csv("revenue-trend").length);
  });
});
