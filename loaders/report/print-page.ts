// Prints one page of the built site to PDF in Chromium, every cell rendered first, in a window as wide as the
// printed column and then in print media, so that charts are drawn at the width they are printed at.
import type {Browser, Page} from "playwright-core";

/** A4 with room for the running header and footer. */
export const PAPER = {format: "A4", margin: {top: "16mm", bottom: "14mm", left: "13mm", right: "13mm"}} as const;
/** The printed column in CSS pixels (96 per inch): 210 mm less the side margins. */
export const COLUMN_WIDTH = Math.floor(((210 - 2 * 13) / 25.4) * 96);
/** Longest wait for one page's cells (DuckDB-wasm pages take a while on a busy machine). */
const RENDER_TIMEOUT = 180_000;

export interface Running {
  /** Left of the running header, e.g. "Olist Customer Analytics · report of 2026-11-24". */
  header: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Opens a page as the printer will lay it out. Console errors and cell errors make the print fail. */
export async function openForPrint(
  browser: Browser,
  url: string
): Promise<{page: Page; title: string; close: () => Promise<void>}> {
  const context = await browser.newContext({viewport: {width: COLUMN_WIDTH, height: 1100}, colorScheme: "light"});
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(url, {waitUntil: "networkidle", timeout: RENDER_TIMEOUT});
  await waitForCells(page);
  await showAllTableRows(page);
  // Paper cannot be clicked: open every collapsed <details>.
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  // On paper: resize() redraws every chart at the printed column's width.
  await page.emulateMedia({media: "print"});
  await waitForCells(page);
  const errors = await page.locator(".observablehq--error").allTextContents();
  if (errors.length || problems.length) {
    throw new Error(`${url} did not render cleanly:\n${[...errors, ...problems].map((e) => `  ${e}`).join("\n")}`);
  }
  const title = (await page.title()).replace(/ \| [^|]*$/, "");
  return {page, title, close: () => context.close()};
}

/** Framework puts a placeholder before every cell's output until the cell has displayed something. */
async function waitForCells(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector("observablehq-loading") === null, null, {
    timeout: RENDER_TIMEOUT
  });
  await page.evaluate(() => document.fonts.ready);
  // resize() draws charts when it first observes their width: let two frames go by.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForLoadState("networkidle");
}

/** More rows than this are left to the site: the table says so on paper. */
const MAX_TABLE_ROWS = 300;

/**
 * Inputs.table adds rows as it scrolls (on screen: on paper it does not scroll): scroll every table to its end
 * until no row is added, so that paper shows all of them, or the first MAX_TABLE_ROWS and a note.
 */
async function showAllTableRows(page: Page): Promise<void> {
  for (const table of await page.locator('form[class*="-table"]').all()) {
    const rows = table.locator("tbody tr");
    for (let shown = -1; shown !== (await rows.count()) && shown < MAX_TABLE_ROWS;) {
      shown = await rows.count();
      // The table's scroll listener adds rows synchronously when the event is dispatched.
      await table.evaluate((form) => {
        form.scrollTop = form.scrollHeight;
        form.dispatchEvent(new Event("scroll"));
      });
    }
    if ((await rows.count()) > MAX_TABLE_ROWS) {
      await table.evaluate((form, max) => {
        form.querySelectorAll("tbody tr").forEach((tr, i) => i >= max && tr.remove());
        const note = form.insertAdjacentElement("afterend", document.createElement("p"))!;
        note.className = "caption";
        note.textContent = `The first ${max} rows; the site shows them all.`;
      }, MAX_TABLE_ROWS);
    }
  }
}

export async function printPdf(page: Page, out: string, section: string, running: Running): Promise<void> {
  const style =
    "font: 8px sans-serif; color: #555; width: 100%; margin: 0 13mm; display: flex; justify-content: space-between;";
  await page.pdf({
    path: out,
    ...PAPER,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: `<div style="${style}"><span>${escapeHtml(running.header)}</span><span>${escapeHtml(section)}</span></div>`,
    footerTemplate: `<div style="${style}"><span>${escapeHtml(section)}</span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span> of this section</span></div>`
  });
}
