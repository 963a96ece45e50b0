// The byte-level repair DuckDB's reader cannot do itself, run only for a file in which DuckDB (or the record
// count, for a quote left open at the end) reported such a record: a repaired copy of the file in which
//  - the first line of a record whose quote never closes properly is replaced by a marker line (DuckDB's strict
//    reader otherwise swallows the following lines into that one bad record, and they would be lost), and
//  - each value of a record that is not valid UTF-8 is re-decoded as Windows-1252 (a superset of Latin-1), so
//    that a `São Paulo` exported by an older system is kept instead of rejecting the whole row.
// Both leave record framing intact (quotes, commas and line ends are ASCII), so DuckDB re-reads the copy with
// the same record numbers, except that the lines a bad quote swallowed become records of their own again.
import {open} from "node:fs/promises";
import {fieldRanges, fileChunks, isNewline, unquoteField} from "./csv-scan.js";

/** The marker that replaces the first line of a record with an unterminated quote: one field more than the header. */
export const MARKER_PREFIX = "olist-ingest-unterminated-quote-";
// Non-empty fields: DuckDB tolerates one empty field too many (a trailing comma) without an error.
export const markerLine = (id: number, columns: number) => `${MARKER_PREFIX}${id}${",-".repeat(columns)}`;

const recordEnd = (bytes: Buffer, start: number) => fieldRanges(bytes, start).end;

// Windows-1252 for 0x80–0x9F (the rest of the byte range is Latin-1 = the first 256 code points). Node's
// TextDecoder("windows-1252") decodes these bytes as Latin-1 control characters, hence the table.
const CP1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
];
export const windows1252 = (bytes: Uint8Array): string =>
  String.fromCodePoint(...Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80]! : b)));

const strictUtf8 = new TextDecoder("utf-8", {fatal: true});
function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** What DuckDB reported about one record, by its `line_byte_position`. */
export type Repair =
  | {kind: "unterminated-quote"; position: number; id: number}
  | {kind: "invalid-encoding"; position: number; row: number};

export interface RedecodedValue {
  row: number;
  column: string;
  value: string;
}

export interface RepairResult {
  /** Marker id → the original first line of that record (lossily decoded), for the reject's example. */
  replacedLines: Map<number, string>;
  /** Values re-decoded as Windows-1252, per column: how many, and the first examples. */
  redecoded: Map<string, {values: number; examples: RedecodedValue[]}>;
}

const EXAMPLES = 5;

/**
 * Writes `target`: `source` (decompressed) with the repairs applied, streaming (the file is never held in
 * memory; only the record being repaired is). `repairs` must come in file order.
 */
export async function writeRepairedCopy(
  source: string,
  target: string,
  repairs: Iterable<Repair> | AsyncIterable<Repair>,
  header: string[]
): Promise<RepairResult> {
  const result: RepairResult = {replacedLines: new Map(), redecoded: new Map()};
  const out = await open(target, "w");
  const input = fileChunks(source)[Symbol.asyncIterator]();
  let buffer: Buffer = Buffer.alloc(0);
  let bufferStart = 0; // file offset of buffer[0]
  let eof = false;

  const pull = async (): Promise<boolean> => {
    if (eof) return false;
    const next = await input.next();
    if (next.done) {
      eof = true;
      return false;
    }
    buffer = buffer.length ? Buffer.concat([buffer, next.value]) : next.value;
    return true;
  };
  /** Writes the buffered bytes before file offset `until` and drops them. */
  const flush = async (until: number) => {
    const n = Math.max(0, Math.min(until - bufferStart, buffer.length));
    if (n > 0) await out.write(buffer.subarray(0, n));
    buffer = buffer.subarray(n);
    bufferStart += n;
  };
  /** Writes everything before `offset - 2` and buffers the bytes around `offset` (or up to the end). */
  const advanceTo = async (offset: number) => {
    for (;;) {
      await flush(offset - 2);
      if (bufferStart + buffer.length > offset + 2 || !(await pull())) return;
    }
  };
  /** The end of the line (or record, when `record`) that starts at buffer index `at`, reading on as needed. */
  const endFrom = async (at: number, record: boolean): Promise<number> => {
    for (;;) {
      const end = record ? recordEnd(buffer, at) : lineEnd(buffer, at);
      if (end < buffer.length || !(await pull())) return end;
    }
  };

  try {
    for await (const repair of repairs) {
      // DuckDB's position is at, or on the line break just before, the record's first byte.
      await advanceTo(repair.position);
      let at = Math.max(0, repair.position - 1 - bufferStart);
      while (at < buffer.length && isNewline(buffer[at])) ++at;
      if (at > 0 && !isNewline(buffer[at - 1])) {
        throw new Error(`${source}: no record starts at byte ${repair.position} (as DuckDB reported)`);
      }
      const start = bufferStart + at;
      await flush(start);
      if (repair.kind === "unterminated-quote") {
        const end = await endFrom(0, false);
        result.replacedLines.set(repair.id, buffer.subarray(0, end).toString("utf8"));
        await out.write(markerLine(repair.id, header.length));
        buffer = buffer.subarray(end);
        bufferStart += end;
      } else {
        const end = await endFrom(0, true);
        const record = buffer.subarray(0, end);
        const parts: Buffer[] = [];
        let last = 0;
        fieldRanges(record, 0).fields.forEach(([from, to], index) => {
          const field = record.subarray(from, to);
          if (isUtf8(field)) return;
          const text = windows1252(field);
          parts.push(record.subarray(last, from), Buffer.from(text, "utf8"));
          last = to;
          noteRedecoded(result, {
            row: repair.row,
            column: header[index] ?? `column ${index + 1}`,
            value: unquoteField(text)
          });
        });
        parts.push(record.subarray(last));
        await out.write(Buffer.concat(parts));
        buffer = buffer.subarray(end);
        bufferStart += end;
      }
    }
    await flush(Infinity);
    while (await pull()) await flush(Infinity);
  } finally {
    await out.close();
  }
  return result;
}

function lineEnd(bytes: Buffer, start: number): number {
  let i = start;
  while (i < bytes.length && !isNewline(bytes[i])) ++i;
  return i;
}

function noteRedecoded(result: RepairResult, value: RedecodedValue): void {
  const entry = result.redecoded.get(value.column) ?? {values: 0, examples: []};
  entry.values += 1;
  if (entry.examples.length < EXAMPLES) entry.examples.push(value);
  result.redecoded.set(value.column, entry);
}
