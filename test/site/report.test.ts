// npm run report on the built test site: one PDF whose cover is dated, lists the key pages with the pages they
// start on, and shows the KPI values of kpis.json as the overview's cards format them; each key page's title
// heads the page the contents give for it. PDF text read back with poppler's pdftotext.
import {execFileSync, spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeAll, describe, expect, inject, test} from "vitest";
import {REPORT_PAGES} from "../../loaders/report/report.js";
import {KPI_CARDS, type Kpis} from "../../lib/contracts/kpis.js";
import {cardChangeText} from "../../lib/kpi-change.js";
import {builtJson, ROOT} from "./build.js";
import {haveChromium} from "./chromium.js";

const siteDir = inject("siteDir");
const havePoppler = existsSync("/usr/bin/pdfunite");
if (!havePoppler && process.env.CI) throw new Error("pdfunite not found: .ci/run installs Debian's poppler-utils");

const pdfText = (pdf: string, page: number) =>
  execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], {encoding: "utf8"});

/** A page's title as the built HTML gives it ("Executive overview | Olist Customer Analytics" → its first part). */
function builtTitle(path: string): string {
  const html = readFileSync(join(siteDir, path === "/" ? "index.html" : `${path.slice(1)}.html`), "utf8");
  return /<title>(.*?) \| /.exec(html)![1];
}

describe.skipIf(!haveChromium || !havePoppler)("npm run report", () => {
  const out = join(mkdtempSync(join(tmpdir(), "olist-report-test-")), "report.pdf");
  let pages: number;
  let cover: string;

  beforeAll(() => {
    const run = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), ["loaders/report/pdf.ts", "--out", out], {
      cwd: ROOT,
      env: {...process.env, SITE_OUTPUT: siteDir},
      encoding: "utf8",
      timeout: 600_000
    });
    if (run.status !== 0) throw new Error(`the report failed (${run.status}):\n${run.stderr.slice(-4000)}`);
    pages = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync("pdfinfo", [out], {encoding: "utf8"}))![1]);
    cover = pdfText(out, 1);
  }, 600_000);

  test("the file is a PDF with a cover and at least one page per key page", () => {
    expect(readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
    expect(pages).toBeGreaterThanOrEqual(1 + REPORT_PAGES.length);
  });

  test("the cover is titled and dated", () => {
    expect(cover).toContain("Olist Customer Analytics");
    expect(cover).toContain(`Report of ${new Date().toISOString().slice(0, 10)}`);
    expect(cover).toContain("Synthetic data");
  });

  test("the cover shows the KPI values of kpis.json, formatted as on the overview", () => {
    const kpis = builtJson<Kpis>(siteDir, "kpis");
    for (const card of KPI_CARDS) expect(cover, card.field).toContain(card.format(kpis[card.field]!));
    // Independently of our formatters, so that a formatting bug cannot hide behind them.
    expect(cover).toContain(kpis.orders.toLocaleString("en-US"));
    expect(cover).toContain(`${(kpis.repeat_customer_rate! * 100).toFixed(1)}%`);
    expect(cover).toContain(`analysis date ${kpis.analysis_date}`);
  });

  test("the cover shows each card's changes and the what-changed sentences, as on the overview", () => {
    const kpis = builtJson<Kpis>(siteDir, "kpis");
    expect(kpis.comparison.recent).not.toBeNull();
    for (const card of KPI_CARDS) {
      const expected = cardChangeText(card, kpis.changes[card.field], kpis.comparison);
      expect(cover, card.field).toContain(expected.period);
      for (const side of expected.sides) {
        if (side.change !== null) expect(cover, `${card.field} ${side.side}`).toContain(side.change);
        expect(cover, `${card.field} ${side.side}`).toContain(side.against);
      }
    }
    expect(cover).toContain("What changed");
    // The paragraph wraps: its first words stay on one line.
    expect(cover).toContain(kpis.what_changed[0].split(" ").slice(0, 4).join(" "));
  });

  test("each key page starts on the page the contents give, under its title", () => {
    const starts = REPORT_PAGES.map((path) => {
      const title = builtTitle(path);
      const line = cover.split("\n").find((l) => l.trim().startsWith(title));
      expect(line, `${title} in the contents`).toBeDefined();
      return {title, page: Number(/(\d+)\s*$/.exec(line!)![1])};
    });
    expect(starts[0].page).toBe(2);
    for (const [i, {title, page}] of starts.entries()) {
      // A section runs to the next one's first page, the last one to the end of the file.
      const length = (starts[i + 1]?.page ?? pages + 1) - page;
      expect(length, title).toBeGreaterThanOrEqual(1);
      const first = pdfText(out, page);
      expect(first, title).toContain(title); // the running header names the section
      expect(first, title).toContain(`page 1 of ${length} of this section`);
      expect(pdfText(out, page + length - 1), title).toContain(`page ${length} of ${length} of this section`);
    }
  });
});
