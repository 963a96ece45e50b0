// The one Parquet writer and the chunked query reader, with chunks far smaller than the data so that every
// boundary is crossed: what is read back equals what was written, sorted as asked, nulls and lists included.
import {existsSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {beforeAll, describe, expect, test} from "vitest";
import {parquetBytes, writeParquet, ParquetWriter} from "../loaders/parquet.js";
import {tinyOlist, writeDataset} from "./fixtures/tiny-olist.js";
import {useTempCache, withDir} from "./helpers.js";

let cache: string;
beforeAll(() => {
  cache = useTempCache();
});

async function readBack(file: string, sql = "SELECT * FROM rows"): Promise<Record<string, unknown>[]> {
  const db = await (await DuckDBInstance.create()).connect();
  await db.run(`CREATE VIEW rows AS SELECT * FROM read_parquet('${file}')`);
  return (await db.runAndReadAll(sql)).getRowObjectsJS();
}

const COLUMNS = {id: "VARCHAR", score: "DOUBLE", orders: "INTEGER", tags: "VARCHAR[]", state: "VARCHAR"};
const people = Array.from({length: 11}, (_, i) => ({
  id: `p${String(i).padStart(2, "0")}`,
  score: (i * 7) % 11, // a permutation of 0…10
  orders: i,
  tags: i % 3 === 0 ? [] : ["a", `t${i}`],
  state: i % 4 === 0 ? null : "SP"
}));

describe("ParquetWriter", () => {
  test("chunks of 3 rows through DuckDB chunks of 2 rows, sorted on close", async () => {
    const file = join(cache, "people.parquet");
    const chunks = [people.slice(0, 3), people.slice(3, 6), people.slice(6, 9), people.slice(9)];
    const n = await writeParquet(file, COLUMNS, chunks, {chunkRows: 2, orderBy: "score DESC"});
    expect(n).toBe(11);
    const back = await readBack(file);
    expect(back.map((r) => r.score)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    const byId = new Map(back.map((r) => [r.id, r]));
    for (const p of people) expect(byId.get(p.id)).toEqual(p);
    // the scratch database and its spill folder are gone
    expect(readdirSync(join(cache, "tmp")).filter((f) => f.startsWith("scratch-") || f.startsWith("spill-"))).toEqual(
      []
    );
  });

  test("insertion order without orderBy, from a generator", async () => {
    const file = join(cache, "generated.parquet");
    function* chunks() {
      for (let i = 0; i < people.length; i += 4) yield people.slice(i, i + 4);
    }
    await writeParquet(file, COLUMNS, chunks(), {chunkRows: 3});
    expect((await readBack(file)).map((r) => r.id)).toEqual(people.map((p) => p.id));
  });

  test("a failing producer leaves no file behind", async () => {
    const file = join(cache, "failed.parquet");
    async function* chunks() {
      yield people.slice(0, 5);
      throw new Error("scoring failed");
    }
    await expect(writeParquet(file, COLUMNS, chunks())).rejects.toThrow("scoring failed");
    expect(existsSync(file)).toBe(false);
  });

  test("a value of the wrong type is an error, not a silent null", async () => {
    const writer = await ParquetWriter.create(join(cache, "typed.parquet"), {n: "INTEGER"});
    expect(() => writer.append([{n: "twelve"}])).not.toThrow(); // buffered until a chunk is full
    await expect(writer.close()).rejects.toThrow();
  });

  test("the same rows give the same bytes", async () => {
    const a = await parquetBytes(COLUMNS, [people], {orderBy: "id"});
    const b = await parquetBytes(COLUMNS, [people.slice(0, 5), people.slice(5)], {orderBy: "id", chunkRows: 2});
    expect(Buffer.compare(a, b)).toBe(0);
  });
});

test("Warehouse.stream gives query()'s rows in chunks of the asked size", async () => {
  const dir = writeDataset(tinyOlist());
  await withDir(dir, async (w) => {
    const sql = "SELECT order_id, person_id, purchase_date FROM order_facts ORDER BY order_id";
    const whole = await w.query(sql);
    const chunks: unknown[][] = [];
    for await (const chunk of w.stream(sql, undefined, 3)) chunks.push(chunk);
    expect(whole.length).toBe(8);
    expect(chunks.map((c) => c.length)).toEqual([3, 3, 2]);
    expect(chunks.flat()).toEqual(whole);
  });
});
