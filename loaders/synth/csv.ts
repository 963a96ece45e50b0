// Olist-style CSV encoding and a buffered, backpressure-aware file writer.
// Quoting rule of the real Kaggle files: a string field is quoted when it starts with a digit (hex ids such as
// "06b8…", zip prefixes "01151") or contains a comma, quote, CR or LF (with "" escaping); other strings, numbers
// and timestamps are written bare; empty/missing values are empty. Exception: the reviews file always quotes its
// two id columns.
import {createWriteStream, type WriteStream} from "node:fs";

const NEEDS_QUOTE = /^[0-9]|[",\r\n]/;

/** Encode a string field by the Olist rule. null/undefined/"" → empty field. */
export function str(s: string | null | undefined): string {
  if (s == null || s === "") return "";
  return NEEDS_QUOTE.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Always-quoted string (the real reviews file quotes review_id and order_id whatever they start with). */
export function quoted(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Money with 2 decimals (prices, freight, payment values), computed from integer cents to avoid float noise. */
export function money(cents: number): string {
  const c = Math.round(cents);
  const neg = c < 0;
  const a = Math.abs(c);
  const s = `${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
  return neg ? `-${s}` : s;
}

/** Integer or empty. */
export function int(n: number | null | undefined): string {
  return n == null ? "" : String(Math.round(n));
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD HH:MM:SS` from epoch seconds (UTC arithmetic; the values are Brazilian local wall-clock times). */
export function ts(sec: number | null | undefined): string {
  if (sec == null) return "";
  const d = new Date(Math.floor(sec) * 1000);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** Midnight of the day containing `sec` (estimated delivery dates and review creation dates are dates). */
export function dayStart(sec: number): number {
  return Math.floor(sec / 86400) * 86400;
}

export interface WriterOptions {
  eol?: "\n" | "\r\n";
  bom?: boolean;
  /** Write the end-of-line after the last row too (true for all files except the translation file). */
  trailingEol?: boolean;
}

/** Buffered writer: rows are joined into ~1 MB chunks; `maybeFlush` awaits the stream when it pushes back. */
export class CsvWriter {
  private readonly stream: WriteStream;
  private buf: string[] = [];
  private bufLen = 0;
  private first = true;
  private readonly eol: string;
  private readonly trailing: boolean;
  rows = 0;

  constructor(
    readonly path: string,
    header: string,
    opts: WriterOptions = {}
  ) {
    this.stream = createWriteStream(path, {encoding: "utf8"});
    this.eol = opts.eol ?? "\n";
    this.trailing = opts.trailingEol ?? true;
    this.push((opts.bom ? "\uFEFF" : "") + header);
  }

  private push(line: string): void {
    // Without a trailing EOL, separators go before each line instead of after it.
    const s = this.trailing ? line + this.eol : (this.first ? "" : this.eol) + line;
    this.first = false;
    this.buf.push(s);
    this.bufLen += s.length;
  }

  /** Append one row of already-encoded fields. */
  row(fields: string[]): void {
    this.push(fields.join(","));
    this.rows++;
  }

  async maybeFlush(force = false): Promise<void> {
    if (!force && this.bufLen < 1 << 20) return;
    if (this.buf.length === 0) return;
    const chunk = this.buf.join("");
    this.buf = [];
    this.bufLen = 0;
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve) => this.stream.once("drain", resolve));
    }
  }

  async close(): Promise<void> {
    await this.maybeFlush(true);
    await new Promise<void>((resolve, reject) => {
      this.stream.once("error", reject);
      this.stream.end(() => resolve());
    });
  }
}

/** Header line with every name quoted (all files but the translation file). */
export function quotedHeader(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(",");
}
