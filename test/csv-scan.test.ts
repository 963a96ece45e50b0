import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {describe, expect, test} from "vitest";
import {countCsvRecords, readCsvHeader} from "../loaders/warehouse/csv-scan.js";

const dir = mkdtempSync(join(tmpdir(), "csv-scan-"));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const scan = async (path: string) => ({header: await readCsvHeader(path), ...(await countCsvRecords(path))});

describe("countCsvRecords counts RFC 4180 records", () => {
  test("quoted header, quoted fields with commas, quotes and line breaks", async () => {
    const path = file("a.csv", '"id","text"\n"1","a, b"\n2,"line one\nline two"\n3,"say ""hi"""\n');
    expect(await scan(path)).toEqual({header: ["id", "text"], records: 3, unterminatedAt: null});
  });

  test("BOM, CRLF, no final newline, blank lines", async () => {
    const path = file("b.csv", "\uFEFFa,b\r\n1,2\r\n\r\n3,4");
    expect(await scan(path)).toEqual({header: ["a", "b"], records: 2, unterminatedAt: null});
  });

  test("a quote inside an unquoted field is data, not the start of a quoted field", async () => {
    // Before the RFC rule, each bare quote flipped the state: 3 records became 1.
    const path = file("bare.csv", 'id,text\n1,Produto "bom" mas atrasou\n2,5" tablet\n3,ok\n');
    expect(await scan(path)).toEqual({header: ["id", "text"], records: 3, unterminatedAt: null});
  });

  test("an unterminated quote at the end swallows the rest as one record, and says where it starts", async () => {
    const text = 'a,b\n1,2\n"3,4\n5,6\n';
    const path = file("c.csv", text);
    expect(await scan(path)).toEqual({header: ["a", "b"], records: 2, unterminatedAt: text.indexOf('"3')});
  });

  test("a quote closed before the end: the swallowed lines are one record", async () => {
    // "3,x\n4,y\n5,"z ends at the quote before z; z\n closes the record; 6,w is a record of its own.
    expect(await scan(file("mid.csv", 'a,b\n"3,x\n4,y\n5,"z\n6,w\n'))).toMatchObject({
      records: 2,
      unterminatedAt: null
    });
  });

  test("gzip and empty files", async () => {
    expect(await scan(file("d.csv.gz", gzipSync("x,y\n1,2\n")))).toEqual({
      header: ["x", "y"],
      records: 1,
      unterminatedAt: null
    });
    expect(await scan(file("e.csv", ""))).toEqual({header: [], records: 0, unterminatedAt: null});
    expect(await scan(file("f.csv", '"only","header"\n'))).toEqual({
      header: ["only", "header"],
      records: 0,
      unterminatedAt: null
    });
  });

  test("records that cross chunk boundaries (1 MB chunks) are counted once", async () => {
    const long = "x".repeat(3 << 20);
    const path = file("g.csv", `a,b\n1,"${long}\n${long}"\n2,${long}\n3,""""\n`);
    expect(await countCsvRecords(path)).toEqual({records: 3, unterminatedAt: null});
  });
});

/** The plain byte-at-a-time RFC 4180 counter the fast one must agree with (same rules, no native skipping). */
function referenceCount(bytes: Buffer): {records: number; unterminatedAt: number | null} {
  let state = "start";
  let hasContent = false;
  let recordStart = 0;
  let records = 0;
  for (let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; i < bytes.length; ++i) {
    const c = String.fromCharCode(bytes[i]!);
    if (state === "quoted") {
      if (c === '"') state = "quote-in-quoted";
      continue;
    }
    if (state === "quote-in-quoted") {
      if (c === '"') {
        state = "quoted";
        continue;
      }
      state = "unquoted";
    }
    if (c === "\n" || c === "\r") {
      if (hasContent) ++records;
      hasContent = false;
      state = "start";
      continue;
    }
    if (!hasContent) recordStart = i;
    hasContent = true;
    state = c === "," ? "start" : c === '"' && state === "start" ? "quoted" : "unquoted";
  }
  if (hasContent) ++records;
  return {records: Math.max(0, records - 1), unterminatedAt: state === "quoted" && hasContent ? recordStart : null};
}

describe("the fast counter agrees with a byte-at-a-time reference", () => {
  test("on 300 random files of quotes, commas, CR, LF and text", async () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['"', '"', ",", "\n", "\r", "\r\n", "a", "bc", " ", "\n\n"];
    for (let t = 0; t < 300; ++t) {
      const parts = ["h1,h2\n"];
      const length = Math.floor(random() * 60);
      for (let k = 0; k < length; ++k) parts.push(alphabet[Math.floor(random() * alphabet.length)]!);
      const bytes = Buffer.from(parts.join(""));
      expect(await countCsvRecords(file(`random-${t}.csv`, bytes)), JSON.stringify(bytes.toString())).toEqual(
        referenceCount(bytes)
      );
    }
  });
});
