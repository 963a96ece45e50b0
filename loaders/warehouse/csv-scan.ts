// One streaming pass over a CSV file (plain or .gz) that reads its header and counts its records the way
// RFC 4180 defines them (a quoted field may hold commas and line breaks). DuckDB's reader is the one that
// parses the values; this count is the independent total that its kept and rejected rows must add up to,
// so that no row can vanish without being counted (e.g. a final line with an unterminated quote).
import {createReadStream} from "node:fs";
import {createGunzip} from "node:zlib";

export interface CsvScan {
  header: string[];
  /** Data records after the header; blank lines are not records. */
  records: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export async function scanCsv(path: string): Promise<CsvScan> {
  const input = createReadStream(path);
  const stream = path.endsWith(".gz") ? input.pipe(createGunzip()) : input;
  let inQuotes = false;
  let recordHasContent = false;
  let records = 0; // including the header record
  const headerBytes: number[] = [];
  let inHeader = true;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; ++i) {
      const byte = chunk[i];
      if (inHeader) headerBytes.push(byte);
      if (byte === QUOTE) {
        inQuotes = !inQuotes; // an escaped "" toggles twice
        recordHasContent = true;
      } else if (!inQuotes && (byte === LF || byte === CR)) {
        if (recordHasContent) {
          ++records;
          inHeader = false;
        }
        recordHasContent = false;
      } else {
        recordHasContent = true;
      }
    }
  }
  if (recordHasContent) ++records;
  const headerText = Buffer.from(headerBytes)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  return {header: records ? parseHeader(headerText) : [], records: Math.max(0, records - 1)};
}

function parseHeader(line: string): string[] {
  const names: string[] = [];
  let field = "";
  let inQuotes = false;
  for (let i = 0; i < line.length; ++i) {
    const ch = line[i];
    if (ch === '"') {
      if (inQuotes && line[i + 1] === '"') field += line[++i];
      else inQuotes = !inQuotes;
    } else if (ch === "," && !inQuotes) {
      names.push(field);
      field = "";
    } else if ((ch === "\n" || ch === "\r") && !inQuotes) {
      break;
    } else {
      field += ch;
    }
  }
  names.push(field);
  return names.map((name) => name.trim());
}
