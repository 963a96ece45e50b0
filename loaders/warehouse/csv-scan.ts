// The byte-level view of a CSV file (plain or .gz) that ingest needs besides DuckDB's reader: its header, and an
// independent count of its records as RFC 4180 defines them (a quote opens a quoted field only at a field's
// start; inside one, "" is a quote, and commas and line breaks are data). DuckDB parses the values; this count
// is the total its kept rows and rejected lines must add up to. It is the one check that is not DuckDB checking
// itself: DuckDB reports nothing for a quote left open at the end of the file (every record after it vanishes),
// and its reject table numbers records, not lines, after a misframed quote. The count is one tight loop over the
// bytes that runs while DuckDB reads the same file on its own threads, so it adds little to ingest's wall time.
import {createReadStream} from "node:fs";
import {createGunzip} from "node:zlib";

export const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
export const isNewline = (byte: number | undefined) => byte === LF || byte === CR;

export interface RecordCount {
  /** Data records after the header; blank lines are not records. */
  records: number;
  /** The byte offset (decompressed) of a last record whose quoted field never closes, else null. */
  unterminatedAt: number | null;
}

/** The file's bytes (decompressed when it ends in .gz), in chunks; the file is closed when the loop ends early. */
export async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const input = createReadStream(path, {highWaterMark: 1 << 20});
  const stream = path.endsWith(".gz") ? input.pipe(createGunzip()) : input;
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } finally {
    input.destroy();
    stream.destroy();
  }
}

// States of the record counter.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3; // a quote inside a quoted field: closes it, or starts an escaped ""

export async function countCsvRecords(path: string): Promise<RecordCount> {
  let state = FIELD_START;
  let hasContent = false; // the current record has a byte that is not a line break
  let recordStart = 0;
  let records = 0; // including the header record
  let offset = 0; // file offset of chunk[0]
  let first = true;
  for await (const chunk of fileChunks(path)) {
    let i = 0;
    if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3; // BOM
    first = false;
    const n = chunk.length;
    const find = (byte: number, from: number) => {
      const at = chunk.indexOf(byte, from);
      return at < 0 ? n : at;
    };
    let nextLF = -1; // the next LF, quote and CR at or after i (n when none), found in native code
    let nextQuote = -1;
    let nextCR = -1;
    while (i < n) {
      if (state === FIELD_START || state === UNQUOTED) {
        // Fast path: up to the next LF there is no quote and no CR but one just before the LF, so the rest of
        // the line is data and the LF ends the record.
        if (nextLF < i) nextLF = find(LF, i);
        if (nextQuote < i) nextQuote = find(QUOTE, i);
        if (nextCR < i) nextCR = find(CR, i);
        if (nextLF < n && nextQuote > nextLF && nextCR >= nextLF - 1) {
          if (nextLF > i && !(nextLF - i === 1 && chunk[i] === CR)) {
            if (!hasContent) recordStart = offset + i;
            hasContent = true;
          }
          if (hasContent) ++records;
          hasContent = false;
          state = FIELD_START;
          i = nextLF + 1;
          continue;
        }
        // Or: data and commas up to the next quote, which opens a field only right after a comma.
        if (nextQuote < n && nextQuote > i && nextQuote < nextLF && nextCR > nextQuote) {
          if (!hasContent) recordStart = offset + i;
          hasContent = true;
          state = chunk[nextQuote - 1] === COMMA ? FIELD_START : UNQUOTED;
          i = nextQuote;
        }
      }
      if (state === QUOTED) {
        const q = chunk.indexOf(QUOTE, i); // skip the field's data in native code
        if (q < 0) break;
        i = q + 1;
        state = QUOTE_IN_QUOTED;
        continue;
      }
      const byte = chunk[i];
      if (state === QUOTE_IN_QUOTED) {
        if (byte === QUOTE) {
          state = QUOTED;
          ++i;
          continue;
        }
        state = UNQUOTED; // the field is closed; anything before the next comma is lenient data
      }
      if (byte === COMMA) {
        state = FIELD_START;
        if (!hasContent) recordStart = offset + i;
        hasContent = true;
      } else if (byte === LF || byte === CR) {
        if (hasContent) ++records;
        hasContent = false;
        state = FIELD_START;
      } else {
        if (!hasContent) recordStart = offset + i;
        hasContent = true;
        if (byte === QUOTE && state === FIELD_START) state = QUOTED;
        else state = UNQUOTED;
      }
      ++i;
    }
    offset += n;
  }
  if (hasContent) ++records;
  return {records: Math.max(0, records - 1), unterminatedAt: state === QUOTED && hasContent ? recordStart : null};
}

/**
 * The byte ranges of the fields of the record that starts at `start` (RFC 4180, as above), and where the record
 * ends (the index of its line break outside quotes, or the end of `bytes`).
 */
export function fieldRanges(bytes: Uint8Array, start: number): {fields: [number, number][]; end: number} {
  const fields: [number, number][] = [];
  let from = start;
  let i = start;
  let quoted = false;
  let atFieldStart = true;
  for (; i < bytes.length; ++i) {
    const byte = bytes[i];
    if (quoted) {
      if (byte === QUOTE) {
        if (bytes[i + 1] === QUOTE) ++i;
        else quoted = false;
      }
      continue;
    }
    if (byte === QUOTE && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (byte === COMMA) {
      fields.push([from, i]);
      from = i + 1;
      atFieldStart = true;
    } else if (isNewline(byte)) {
      break;
    } else {
      atFieldStart = false;
    }
  }
  fields.push([from, i]);
  return {fields, end: i};
}

/** A field's text without its quotes ("" → "), trimmed. */
export function unquoteField(text: string): string {
  const t = text.trim();
  return t.startsWith('"') && t.endsWith('"') && t.length >= 2 ? t.slice(1, -1).replace(/""/g, '"') : t;
}

/** The header's field names (trimmed, BOM removed); [] for an empty file. Reads only the first record. */
export async function readCsvHeader(path: string): Promise<string[]> {
  let bytes = Buffer.alloc(0);
  for await (const chunk of fileChunks(path)) {
    bytes = Buffer.concat([bytes, chunk]);
    if (fieldRanges(bytes, 0).end < bytes.length || bytes.length > 1 << 24) break;
  }
  // TextDecoder drops a byte-order mark; invalid bytes become U+FFFD (column names are ASCII in practice).
  const text = Buffer.from(new TextDecoder("utf-8").decode(bytes.subarray(0, fieldRanges(bytes, 0).end)));
  if (text.toString().trim() === "") return [];
  return fieldRanges(text, 0).fields.map(([from, to]) => unquoteField(text.subarray(from, to).toString("utf8")).trim());
}
