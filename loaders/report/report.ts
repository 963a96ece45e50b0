// The PDF report: a cover (title, date, headline KPIs, contents), then the key pages of the built site, each
// printed by Chromium with the print stylesheet, joined into one file with poppler's pdfunite.
import {mkdirSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {launchChromium} from "./chromium.js";
import {printCover} from "./cover.js";
import {pageCount, unite} from "./poppler.js";
import {openForPrint, printPdf} from "./print-page.js";
import {builtKpis} from "./site.js";
import {serveStatic} from "./static-server.js";

/** The pages an executive reads, in the report's order. */
export const REPORT_PAGES = ["/", "/insights", "/cohorts", "/segments", "/clv", "/churn-model", "/reviews"];

export interface ReportOptions {
  /** The built site (SITE_OUTPUT). */
  site: string;
  out: string;
  /** The report's date, YYYY-MM-DD. */
  date: string;
  log?: (line: string) => void;
}

export interface ReportSection {
  path: string;
  title: string;
  firstPage: number;
  pages: number;
}

export async function writeReport({
  site,
  out,
  date,
  log = () => {}
}: ReportOptions): Promise<{pages: number; sections: ReportSection[]}> {
  const kpis = builtKpis(site);
  const work = mkdtempSync(join(tmpdir(), "olist-report-"));
  const server = await serveStatic(site);
  const browser = await launchChromium();
  try {
    const sections: ReportSection[] = [];
    const files: string[] = [];
    let siteTitle = "";
    let next = 2; // page 1 is the cover
    for (const path of REPORT_PAGES) {
      const started = Date.now();
      const {page, title, close} = await openForPrint(browser, `${server.url}${path}`);
      siteTitle ||= (await page.title()).split(" | ").at(-1)!;
      const file = join(work, `${files.length + 1}.pdf`);
      try {
        await printPdf(page, file, title, {header: `${siteTitle} · report of ${date}`});
      } finally {
        await close();
      }
      const pages = pageCount(file);
      sections.push({path, title, firstPage: next, pages});
      files.push(file);
      next += pages;
      log(`report: ${title} (${path}): ${pages} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const cover = join(work, "0.pdf");
    await printCover(browser, cover, {siteTitle, date, kpis, sections});
    // The contents' page numbers count the cover as one page.
    if (pageCount(cover) !== 1) throw new Error("the report's cover does not fit on one page");
    mkdirSync(dirname(out), {recursive: true});
    unite([cover, ...files], out);
    return {pages: next - 1, sections};
  } finally {
    await browser.close();
    await server.close();
    rmSync(work, {recursive: true, force: true});
  }
}
