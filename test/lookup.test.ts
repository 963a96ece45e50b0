// The lookup pack: which shard a key goes to (against FNV-1a's published test vectors), how many shards a size
// needs, and a round trip through many tiny shards in which every person is found with the row written for them.
import {readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {beforeAll, describe, expect, test} from "vitest";
import {decodeHeader, headerLength, PREAMBLE_BYTES, shardBitsFor, shardOf} from "../lib/lookup/pack.js";
import {openLookupFile, writeLookupPack} from "../loaders/lookup.js";
import {useTempCache} from "./helpers.js";

let cache: string;
beforeAll(() => {
  cache = useTempCache();
});

describe("shards", () => {
  test("a key's shard is the top bits of its FNV-1a hash", () => {
    // FNV-1a 32-bit test vectors: "a" → 0xe40c292c, "foobar" → 0xbf9cf968
    expect(shardOf("a", 4)).toBe(0xe);
    expect(shardOf("foobar", 4)).toBe(0xb);
    expect(shardOf("foobar", 8)).toBe(0xbf);
    expect(shardOf("foobar", 0)).toBe(0);
  });

  test("the fewest shards that keep each under the target", () => {
    expect(shardBitsFor(0, 1000)).toBe(0);
    expect(shardBitsFor(1000, 1000)).toBe(0);
    expect(shardBitsFor(1001, 1000)).toBe(1); // 2 shards of ≈500
    expect(shardBitsFor(8000, 1000)).toBe(3); // 8 shards of 1,000
    expect(shardBitsFor(8001, 1000)).toBe(4);
  });
});

const columns = ["customer_unique_id", "return_probability", "segment", "reasons"];
const people = Array.from({length: 500}, (_, i) => ({
  customer_unique_id: `person-${i}`,
  return_probability: i / 1000,
  segment: i % 2 ? "Champions" : null, // null stays null
  reasons: [`recency ${i}`, "orders"],
  ignored: "not a column"
}));

describe("a pack of 500 people in shards of ≈2 KB", () => {
  let file: string;
  let summary: Awaited<ReturnType<typeof writeLookupPack>>;
  beforeAll(async () => {
    file = join(cache, "people.pack");
    const chunks = Array.from({length: 50}, (_, c) => people.slice(c * 10, c * 10 + 10));
    summary = await writeLookupPack(file, chunks, {
      key: "customer_unique_id",
      columns,
      description: "test people",
      targetShardBytes: 2000,
      chunkRows: 7
    });
  });

  test("the header says what is inside; shard count follows the rows' size", () => {
    const bytes = new Uint8Array(readFileSync(file));
    const header = decodeHeader(bytes);
    expect(header).toMatchObject({key: "customer_unique_id", columns, rows: 500, description: "test people"});
    const rowBytes = people.reduce(
      (s, p) => s + JSON.stringify(columns.map((c) => p[c as keyof typeof p] ?? null)).length + 1,
      0
    );
    expect(header.shard_bits).toBe(shardBitsFor(rowBytes, 2000));
    expect(summary).toMatchObject({rows: 500, shard_bits: header.shard_bits, shards: 2 ** header.shard_bits});
    expect(summary.bytes).toBe(statSync(file).size);
    // preamble, header JSON and the offsets table come before the shards
    expect(summary.bytes).toBeGreaterThan(PREAMBLE_BYTES + headerLength(bytes) + 8 * (summary.shards + 1));
  });

  test("every person is found with their row; strangers are not", async () => {
    const pack = await openLookupFile(file);
    for (const p of people) {
      const {ignored, ...row} = p;
      expect(await pack.get(p.customer_unique_id)).toEqual(row);
    }
    expect(await pack.get("person-500")).toBeNull();
    expect(await pack.get("")).toBeNull();
  });

  test("each shard is a gzip'd JSON table of exactly its people, sorted by key", async () => {
    const bytes = readFileSync(file);
    const header = decodeHeader(new Uint8Array(bytes));
    const table = PREAMBLE_BYTES + headerLength(new Uint8Array(bytes));
    const shards = 2 ** header.shard_bits;
    const offset = (i: number) => bytes.readDoubleLE(table + 8 * i);
    const dataStart = table + 8 * (shards + 1);
    let seen = 0;
    for (let s = 0; s < shards; s++) {
      const payload = JSON.parse(
        gunzipSync(bytes.subarray(dataStart + offset(s), dataStart + offset(s + 1))).toString()
      );
      const keys = payload.rows.map((r: unknown[]) => r[0] as string);
      expect(keys).toEqual([...keys].sort());
      for (const key of keys) expect(shardOf(key, header.shard_bits)).toBe(s);
      seen += keys.length;
    }
    expect(seen).toBe(500);
    expect(summary.largest_shard_bytes).toBeLessThan(2000);
  });
});

test("duplicate keys and rows without a key are errors naming the file", async () => {
  const file = join(cache, "bad.pack");
  const options = {key: "customer_unique_id", columns, description: ""};
  await expect(writeLookupPack(file, [[people[0]!, people[0]!]], options)).rejects.toThrow(/bad\.pack: 1 duplicate/);
  await expect(writeLookupPack(file, [[{return_probability: 1}]], options)).rejects.toThrow(
    /bad\.pack: a row without a customer_unique_id/
  );
});

test("an empty pack has one empty shard and finds nobody", async () => {
  const file = join(cache, "empty.pack");
  const summary = await writeLookupPack(file, [], {key: "customer_unique_id", columns, description: ""});
  expect(summary).toMatchObject({rows: 0, shards: 1});
  expect(await (await openLookupFile(file)).get("person-1")).toBeNull();
});
