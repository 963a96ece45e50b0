import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {describe, expect, test} from "vitest";
import {scanCsv} from "../loaders/warehouse/csv-scan.js";

const dir = mkdtempSync(join(tmpdir(), "csv-scan-"));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("scanCsv counts RFC 4180 records", () => {
  test("quoted header, quoted fields with commas, quotes and line breaks", async () => {
    const path = file("a.csv", '"id","text"\n"1","a, b"\n2,"line one\nline two"\n3,"say ""hi"""\n');
    expect(await scanCsv(path)).toEqual({header: ["id", "text"], records: 3});
  });

  test("BOM, CRLF, no final newline, blank lines", async () => {
    const path = file("b.csv", "\uFEFFa,b\r\n1,2\r\n\r\n3,4");
    expect(await scanCsv(path)).toEqual({header: ["a", "b"], records: 2});
  });

  test("an unterminated quote swallows the rest as one record", async () => {
    const path = file("c.csv", 'a,b\n1,2\n"3,4\n5,6\n');
    expect(await scanCsv(path)).toEqual({header: ["a", "b"], records: 2});
  });

  test("gzip and empty files", async () => {
    expect(await scanCsv(file("d.csv.gz", gzipSync("x,y\n1,2\n")))).toEqual({header: ["x", "y"], records: 1});
    expect(await scanCsv(file("e.csv", ""))).toEqual({header: [], records: 0});
    expect(await scanCsv(file("f.csv", '"only","header"\n'))).toEqual({header: ["only", "header"], records: 0});
  });
});
