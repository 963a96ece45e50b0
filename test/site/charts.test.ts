// Files for wikis: every chart under dist/charts/ is a valid SVG and PNG of non-trivial size with its CSV beside
// it.
import {readFileSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {JSDOM} from "jsdom";
import {describe, expect, inject, test} from "vitest";
import {CHART_CATALOG} from "../../src/charts/catalog.js";

const siteDir = inject("siteDir");
const charts = join(siteDir, "charts");

test("every chart of the catalog has its SVG, PNG and CSV, and nothing else is there", () => {
  const expected = CHART_CATALOG.flatMap((c) => ["csv", "png", "svg"].map((ext) => `${c.name}.${ext}`)).sort();
  expect(readdirSync(charts).sort()).toEqual(expected);
});

describe.each(CHART_CATALOG.map((c) => c.name))("chart %s", (name) => {
  test("SVG: an svg root with a size and the chart's title, over 1 KB", () => {
    const text = readFileSync(join(charts, `${name}.svg`), "utf8");
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
    const svg = new JSDOM(readFileSync(join(charts, `${name}.svg`), "utf8"), {contentType: "image/svg+xml"}).window.document.documentElement;
    expect(png.readUInt32BE(16)).toBe(Math.ceil(2 * Number(svg.getAttribute("width"))));
  });

  test("CSV: a header and at least one row", () => {
    const rows = csvParse(readFileSync(join(charts, `${name}.csv`), "utf8"));
    expect(rows.columns.length).toBeGreaterThanOrEqual(2);
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });
});

