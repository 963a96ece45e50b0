// The pieces behind the shared chart files, without a build: the CSV writer, the churn-risk bins, the A/B planner
// curve, the PNG encoder of the jsdom canvas, and the standalone SVG of a Plot chart with an HTML legend.
import {crc32, inflateSync} from "node:zlib";
import * as Plot from "@observablehq/plot";
import {csvParse} from "d3-dsv";
import {describe, expect, test} from "vitest";
import {encodePng} from "../loaders/charts/canvas-pixels.js";
import {riskBins} from "../loaders/charts/churn-risk.js";
import {round} from "../lib/num.js";
import {renderStandaloneSvg} from "../loaders/charts/render.js";
import {plannerCurve} from "../src/components/ab-planner-chart.js";
import {csvText} from "../src/components/csv-download.js";

describe("csvText", () => {
  test("quotes what needs quoting, leaves empty values empty and writes nested values as JSON", () => {
    const rows = [
      {name: 'a "quoted", name', n: 1.5, missing: null, flag: true, nested: {r: [1, 5]}},
      {name: "two\nlines", n: 0, missing: undefined, flag: false, nested: [1, 2]}
    ];
    const text = csvText(rows);
    expect(text.split("\n")[0]).toBe("name,n,missing,flag,nested");
    expect([...csvParse(text)]).toEqual([
      {name: 'a "quoted", name', n: "1.5", missing: "", flag: "true", nested: '{"r":[1,5]}'},
      {name: "two\nlines", n: "0", missing: "", flag: "false", nested: "[1,2]"}
    ]);
  });

  test("columns choose and order the header", () => {
    expect(csvText([{a: 1, b: 2, c: 3}], ["c", "a"])).toBe("c,a\n3,1");
  });
});

describe("riskBins", () => {
  const person = (p: number, churned = false) => ({
    churn_probability: p,
    seed_rule_status: churned ? ("churned" as const) : ("active" as const),
    value_at_risk: 10 * p
  });

  test("adjacent bins that count every person once, with the seed rule's split and the value at risk", () => {
    const scores = [0.981, 0.9815, 0.99, 0.992, 0.993, 0.9999, 1].map((p, i) => person(p, i % 2 === 0));
    const bins = riskBins(scores, 10);
    expect(bins.reduce((s, b) => s + b.people, 0)).toBe(scores.length);
    for (let i = 1; i < bins.length; i++) expect(bins[i]!.risk_from).toBe(bins[i - 1]!.risk_to);
    bins.forEach((b, i) => {
      const inside = scores.filter(
        (s) =>
          s.churn_probability >= b.risk_from &&
          (s.churn_probability < b.risk_to || (i === bins.length - 1 && s.churn_probability <= b.risk_to))
      );
      expect([b.people, b.seed_rule_churned, b.seed_rule_active]).toEqual([
        inside.length,
        inside.filter((s) => s.seed_rule_status === "churned").length,
        inside.filter((s) => s.seed_rule_status === "active").length
      ]);
      // rounded to cents, as published
      expect(b.value_at_risk).toBe(
        round(
          inside.reduce((s, p) => s + p.value_at_risk, 0),
          2
        )
      );
    });
  });

  test("everyone at the same probability: one bin of positive width holds them all", () => {
    const bins = riskBins([0.9955, 0.9955, 0.9955].map((p) => person(p)));
    const full = bins.filter((b) => b.people > 0);
    expect(full).toHaveLength(1);
    expect(full[0]!.people).toBe(3);
    expect(full[0]!.risk_to - full[0]!.risk_from).toBeGreaterThan(0);
    expect(full[0]!.risk_from).toBeLessThanOrEqual(0.9955);
    expect(full[0]!.risk_to).toBeGreaterThanOrEqual(0.9955);
  });
});

describe("plannerCurve", () => {
  test("a point per lift from 2% to 50%, fewer customers for bigger lifts, enrolment days at the traffic", () => {
    const curve = plannerCurve({baseline: 0.05, customersPerDay: 100});
    expect(curve.points.map((p) => p.relative_lift)).toEqual(Array.from({length: 49}, (_, i) => (i + 2) / 100));
    for (let i = 1; i < curve.points.length; i++)
      expect(curve.points[i]!.customers_per_group).toBeLessThan(curve.points[i - 1]!.customers_per_group);
    const p = curve.points.find((q) => q.relative_lift === 0.2)!;
    // Unpooled formula at α 5% two-sided and 80% power: (z₀.₉₇₅ + z₀.₈)² (p₁q₁ + p₂q₂) / (p₂ − p₁)².
    const n = Math.ceil(((1.959963984540054 + 0.8416212335729143) ** 2 * (0.05 * 0.95 + 0.06 * 0.94)) / 0.01 ** 2);
    expect(p.customers_per_group).toBe(n);
    expect(p.days_of_enrolment).toBe(Math.ceil((2 * n) / 100));
  });

  test("no lift that would push the treatment rate to 100%; no enrolment days without traffic", () => {
    const curve = plannerCurve({baseline: 0.8, customersPerDay: 0});
    expect(Math.max(...curve.points.map((p) => p.relative_lift))).toBe(0.24);
    expect(curve.points.every((p) => p.days_of_enrolment === null)).toBe(true);
  });
});

describe("encodePng", () => {
  test("a PNG whose chunks carry valid CRCs and whose pixels inflate back to the input", () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 128, 255, 64, 1, 2, 3, 4, 9, 8, 7, 6]); // 2×2
    const png = encodePng(2, 2, rgba);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks: Record<string, Buffer> = {};
    for (let at = 8; at < png.length;) {
      const length = png.readUInt32BE(at);
      const type = png.subarray(at + 4, at + 8).toString("ascii");
      const data = png.subarray(at + 8, at + 8 + length);
      expect(png.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
      chunks[type] = data;
      at += 12 + length;
    }
    expect(Object.keys(chunks)).toEqual(["IHDR", "IDAT", "IEND"]);
    expect([chunks.IHDR!.readUInt32BE(0), chunks.IHDR!.readUInt32BE(4), chunks.IHDR![8], chunks.IHDR![9]]).toEqual([
      2, 2, 8, 6
    ]);
    // Each row: filter type 0, then its pixels.
    expect([...inflateSync(chunks.IDAT!)]).toEqual([0, ...rgba.subarray(0, 8), 0, ...rgba.subarray(8)]);
  });
});

describe("renderStandaloneSvg", () => {
  const theme = {"--theme-foreground": "#111111", "--theme-foreground-focus": "#3b5fc0"};
  const chart = ({width, document}: {width: number; document: Document}) =>
    Plot.plot({
      document,
      width,
      color: {legend: true, domain: ["first kind", "second kind"], range: ["var(--theme-foreground-focus)", "#d9534f"]},
      y: {type: "sqrt"},
      marks: [
        Plot.barY(
          [
            {k: "first kind", v: 1},
            {k: "second kind", v: 2}
          ],
          {x: "k", y: "v", fill: "k"}
        )
      ]
    });

  test("the legend's labels and squares become SVG, and theme variables their values", () => {
    const svg = renderStandaloneSvg(chart, {title: "A title", subtitle: "A subtitle", width: 400, theme});
    expect(svg).toMatch(/<text[^>]*>A title<\/text>/);
    expect(svg).toMatch(/<text[^>]*>first kind<\/text>/);
    expect(svg).toMatch(/<text[^>]*>second kind<\/text>/);
    expect(svg).toMatch(/<rect[^>]*fill="#d9534f"/);
    expect(svg).not.toContain("var(--theme");
    expect(svg).toContain("#3b5fc0");
  });

  test("a continuous colour legend is drawn as an embedded PNG of its ramp", () => {
    const ramp = ({width, document}: {width: number; document: Document}) =>
      Plot.plot({
        document,
        width,
        color: {type: "linear", scheme: "blues", legend: true},
        marks: [Plot.cell([1, 2, 3], {x: (d) => d, fill: (d) => d})]
      });
    const svg = renderStandaloneSvg(ramp, {title: "Ramp", width: 400, theme});
    const png = Buffer.from(/href="data:image\/png;base64,([^"]+)"/.exec(svg)![1]!, "base64");
    expect(png.readUInt32BE(16)).toBe(256); // Plot's ramp: 256 × 1 pixels
    expect(png.readUInt32BE(20)).toBe(1);
  });
});
