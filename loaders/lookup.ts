// Writes a lookup pack (lib/lookup/pack.ts): a row per person, in small gzip'd shards by a hash of the key, so
// that a page reads one person's row with two small HTTP Range requests. The rows go through a scratch table
// (DuckDB on disk), so a pack of any size is written holding one shard at a time in the heap.
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdtempSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync
} from "node:fs";
import {once} from "node:events";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pipeline} from "node:stream/promises";
import {gunzipSync, gzipSync} from "node:zlib";
import {encodePreamble, openPack, shardBitsFor, type LookupPack, type PackHeader} from "../lib/lookup/pack.js";
import {hashString} from "../lib/random.js";
import {ScratchTable} from "./scratch.js";

export interface LookupPackOptions {
  /** The column people are looked up by. */
  key: string;
  /** The columns of each row, in order (the key among them). */
  columns: readonly string[];
  description: string;
  /**
   * Uncompressed JSON bytes a shard may hold; gzip shrinks such rows 3–6 times, so the default keeps shards
   * well under 100 KB on the wire.
   */
  targetShardBytes?: number;
  /** Rows per DuckDB chunk while appending (tests use tiny chunks). */
  chunkRows?: number;
}

export interface LookupPackSummary {
  rows: number;
  shard_bits: number;
  shards: number;
  bytes: number;
  /** The largest shard, gzip'd. */
  largest_shard_bytes: number;
}

type Stored = {hash: number; key: string; json: string};

export async function writeLookupPack(
  file: string,
  chunks: Iterable<readonly Record<string, unknown>[]> | AsyncIterable<readonly Record<string, unknown>[]>,
  options: LookupPackOptions
): Promise<LookupPackSummary> {
  const {key, columns} = options;
  if (!columns.includes(key)) throw new Error(`lookup pack ${file}: the key ${key} is not among the columns`);
  const table = await ScratchTable.create<Stored>(
    {hash: "UINTEGER", key: "VARCHAR", json: "VARCHAR"},
    options.chunkRows
  );
  const data = `${file}.data-${process.pid}`;
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    for await (const chunk of chunks) {
      table.append(
        chunk.map((row) => {
          const id = row[key];
          if (typeof id !== "string" || id === "") throw new Error(`lookup pack ${file}: a row without a ${key}`);
          return {hash: hashString(id), key: id, json: JSON.stringify(columns.map((c) => row[c] ?? null))};
        })
      );
    }
    table.finish();
    const [[rows, bytes, duplicates]] = (
      await table.db.runAndReadAll(
        "SELECT count(*)::DOUBLE, coalesce(sum(strlen(json) + 1), 0)::DOUBLE, count(*) - count(DISTINCT key) FROM rows"
      )
    ).getRowsJS() as [[number, number, bigint]];
    if (Number(duplicates) > 0) throw new Error(`lookup pack ${file}: ${duplicates} duplicate ${key} values`);
    const bits = shardBitsFor(bytes, options.targetShardBytes ?? 256_000);
    const shards = 2 ** bits;

    // Shards in order, each gzip'd as soon as it is complete; offsets count from the start of the shard data.
    const offsets = [0];
    let written = 0;
    let largest = 0;
    const fd = openSync(data, "w");
    const header = `{"columns":${JSON.stringify(columns)},"rows":[`;
    const flushShard = (stored: {key: string; json: string}[]) => {
      // sorted as JavaScript compares strings, which is how the reader's binary search compares them
      stored.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const gz = gzipSync(`${header}${stored.map((s) => s.json).join(",")}]}`, {level: 9});
      writeSync(fd, gz);
      written += gz.length;
      largest = Math.max(largest, gz.length);
      offsets.push(written);
    };
    try {
      const shardExpr = bits === 0 ? "0" : `(hash >> ${32 - bits})`;
      const result = await table.db.stream(`SELECT ${shardExpr}::INTEGER AS shard, key, json FROM rows ORDER BY shard`);
      let current = 0;
      let stored: {key: string; json: string}[] = [];
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        for (const [shard, id, json] of chunk.getRows() as [number, string, string][]) {
          while (current < shard) {
            flushShard(stored);
            stored = [];
            current++;
          }
          stored.push({key: id, json});
        }
      }
      while (current < shards) {
        flushShard(stored);
        stored = [];
        current++;
      }
    } finally {
      closeSync(fd);
    }

    const pack: PackHeader = {
      format: "olist-lookup-pack",
      version: 1,
      key,
      columns: [...columns],
      shard_bits: bits,
      rows,
      description: options.description
    };
    const preamble = encodePreamble(pack, offsets);
    const out = createWriteStream(tmp);
    out.write(preamble);
    const input = createReadStream(data);
    input.pipe(out);
    await once(out, "finish");
    renameSync(tmp, file);
    return {rows, shard_bits: bits, shards, bytes: preamble.length + written, largest_shard_bytes: largest};
  } finally {
    table.dispose();
    rmSync(data, {force: true});
    rmSync(tmp, {force: true});
  }
}

/** Opens a pack file from Node (tests, the bench, loaders that check what they wrote). */
export function openLookupFile(file: string): Promise<LookupPack> {
  return openPack({
    read: async (start, end) => {
      const fd = openSync(file, "r");
      try {
        const buffer = Buffer.alloc(end - start);
        const n = readSync(fd, buffer, 0, buffer.length, start);
        return new Uint8Array(buffer.subarray(0, n));
      } finally {
        closeSync(fd);
      }
    },
    gunzip: async (bytes) => new Uint8Array(gunzipSync(bytes))
  });
}

/**
 * For a loader `src/data/x.pack.ts`: `write` writes the pack to a temporary file, which is then streamed to stdout
 * (a pack is too large to hold as one Buffer at scale) and removed.
 */
export async function printLookupPack(write: (file: string) => Promise<unknown>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "olist-pack-"));
  try {
    const file = join(dir, "out.pack");
    await write(file);
    await pipeline(createReadStream(file), process.stdout, {end: false});
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
