// CSV downloads: the rows behind a table or a chart, as the reader's file. The file is made when the button is
// clicked (not on every re-render of a filtered table), from the data itself rather than from the formatted cells:
// numbers stay numbers, empty values stay empty, and nested values are written as JSON.
import {csvFormat} from "d3-dsv";

type Row = Record<string, unknown>;

/** The rows as CSV text: a header of `columns` (default: every key, in order of appearance), then one line per row. */
export function csvText(rows: readonly object[], columns?: readonly string[]): string {
  const cell = (v: unknown) => (typeof v === "object" && v !== null && !(v instanceof Date) ? JSON.stringify(v) : v);
  const table = (rows as readonly Row[]).map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cell(v)]))
  );
  return columns ? csvFormat(table, [...columns]) : csvFormat(table);
}

export interface CsvDownloadOptions {
  /** The file's name, e.g. "orders-per-customer.csv". */
  filename: string;
  columns?: readonly string[];
  label?: string;
}

/** A button that downloads the rows as a CSV file. */
export function csvDownload(
  rows: readonly object[],
  {filename, columns, label = "Download CSV"}: CsvDownloadOptions
): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "csv-download";
  button.dataset.csvDownload = filename;
  button.textContent = `${label} (${rows.length.toLocaleString("en-US")} row${rows.length === 1 ? "" : "s"})`;
  button.style.cssText = "font: 12px var(--sans-serif); margin: 0.25rem 0;";
  button.addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([csvText(rows, columns)], {type: "text/csv;charset=utf-8"}));
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000); // after the browser has started the download
  });
  return button;
}
