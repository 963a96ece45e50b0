// The lookup pack: one file that holds a row per person, split into small gzip'd shards by a hash of the key,
// so that a page finds one person by reading a few hundred bytes of header and one shard (HTTP Range requests)
// instead of downloading a table that grows with the number of customers.
//
// Layout (little-endian):
//   "OLPK"                      4 bytes, the format's name
//   header length H             uint32
//   header                      H bytes of JSON: PackHeader
//   shard offsets               (2^shard_bits + 1) float64, byte offsets of each shard from the end of this table
//   shards                      shard i: gzip of the JSON {"columns": [...], "rows": [[...], ...]}, rows sorted by key
//
// A person's shard is the top shard_bits bits of the FNV-1a hash of the key (lib/random.ts's hashString), so
// the writer and every reader agree without a table of keys. Pure code: reading bytes and gunzipping are the
// caller's (Node's zlib when writing, the browser's DecompressionStream when reading).
import {hashString} from "../random.js";

export const PACK_MAGIC = "OLPK";
export const PACK_VERSION = 1;
/** Bytes before the header JSON: the magic and the header length. */
export const PREAMBLE_BYTES = 8;

export interface PackHeader {
  format: "olist-lookup-pack";
  version: number;
  /** The column the rows are looked up by, e.g. "customer_unique_id". */
  key: string;
  columns: string[];
  /** 2^shard_bits shards. */
  shard_bits: number;
  rows: number;
  /** What the pack holds, for a reader who finds the file on its own. */
  description: string;
}

export interface ShardPayload {
  columns: string[];
  rows: unknown[][];
}

/** The shard of a key: the top `shardBits` bits of its 32-bit FNV-1a hash (0 when there is one shard). */
export function shardOf(key: string, shardBits: number): number {
  return shardBits === 0 ? 0 : hashString(key) >>> (32 - shardBits);
}

/** The smallest number of shard bits that keeps `totalBytes` of rows at or under `targetShardBytes` a shard. */
export function shardBitsFor(totalBytes: number, targetShardBytes: number, maxBits = 24): number {
  let bits = 0;
  while (bits < maxBits && totalBytes / 2 ** bits > targetShardBytes) bits++;
  return bits;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The bytes before the shards: magic, header length, header and the offsets table. */
export function encodePreamble(header: PackHeader, offsets: readonly number[]): Uint8Array {
  if (offsets.length !== 2 ** header.shard_bits + 1) {
    throw new Error(`lookup pack: ${offsets.length} offsets for ${2 ** header.shard_bits} shards`);
  }
  const json = encoder.encode(JSON.stringify(header));
  const out = new Uint8Array(PREAMBLE_BYTES + json.length + 8 * offsets.length);
  const view = new DataView(out.buffer);
  out.set(encoder.encode(PACK_MAGIC), 0);
  view.setUint32(4, json.length, true);
  out.set(json, PREAMBLE_BYTES);
  const table = PREAMBLE_BYTES + json.length;
  offsets.forEach((offset, i) => view.setFloat64(table + 8 * i, offset, true));
  return out;
}

/** The header length from the first 8 bytes; throws when the bytes are not a lookup pack. */
export function headerLength(first: Uint8Array): number {
  if (first.length < PREAMBLE_BYTES || decoder.decode(first.subarray(0, 4)) !== PACK_MAGIC) {
    throw new Error("not a lookup pack (the file does not start with OLPK)");
  }
  return new DataView(first.buffer, first.byteOffset, first.byteLength).getUint32(4, true);
}

export function decodeHeader(bytes: Uint8Array): PackHeader {
  const length = headerLength(bytes);
  if (bytes.length < PREAMBLE_BYTES + length) throw new Error("lookup pack: header cut short");
  const header = JSON.parse(decoder.decode(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + length))) as PackHeader;
  if (header.format !== "olist-lookup-pack" || header.version !== PACK_VERSION) {
    throw new Error(`lookup pack: format ${header.format} version ${header.version} is not supported`);
  }
  return header;
}

/** Where things are in the file, from the header length and the header. */
export function layout(headerBytes: number, header: PackHeader) {
  const table = PREAMBLE_BYTES + headerBytes;
  const shards = 2 ** header.shard_bits;
  return {
    /** Byte position of offsets[i]. */
    offsetPosition: (i: number) => table + 8 * i,
    /** Byte position of shard data. */
    dataStart: table + 8 * (shards + 1),
    shards
  };
}

export function decodeOffset(bytes: Uint8Array, at = 0): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getFloat64(at, true);
}

export function encodeShard(payload: ShardPayload): Uint8Array {
  return encoder.encode(JSON.stringify(payload));
}

export function decodeShard(bytes: Uint8Array): ShardPayload {
  return JSON.parse(decoder.decode(bytes)) as ShardPayload;
}

/** The row of `key` in a decoded shard, as an object, or null. Rows are sorted by key: binary search. */
export function findRow(payload: ShardPayload, keyColumn: string, key: string): Record<string, unknown> | null {
  const k = payload.columns.indexOf(keyColumn);
  if (k < 0) throw new Error(`lookup pack: no key column ${keyColumn}`);
  let lo = 0;
  let hi = payload.rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = String(payload.rows[mid]![k]);
    if (value === key) return Object.fromEntries(payload.columns.map((c, j) => [c, payload.rows[mid]![j]]));
    if (value < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** How a reader gets bytes [start, end) of the pack and gunzips a shard: fetch + Range in a page, fs in Node. */
export interface PackSource {
  read(start: number, end: number): Promise<Uint8Array>;
  gunzip(bytes: Uint8Array): Promise<Uint8Array>;
}

export interface LookupPack {
  header: PackHeader;
  /** The row of `key`, or null when nobody has that key. */
  get(key: string): Promise<Record<string, unknown> | null>;
}

/** Opens a pack: one read for the header (two when it is longer than the first guess). */
export async function openPack(source: PackSource, firstRead = 4096): Promise<LookupPack> {
  let first = await source.read(0, firstRead);
  const length = headerLength(first);
  if (first.length < PREAMBLE_BYTES + length) first = await source.read(0, PREAMBLE_BYTES + length);
  const header = decodeHeader(first);
  const where = layout(length, header);
  const cache = new Map<number, Promise<ShardPayload>>();
  const shard = (i: number) => {
    let payload = cache.get(i);
    if (!payload) {
      payload = (async () => {
        const pair = await source.read(where.offsetPosition(i), where.offsetPosition(i) + 16);
        const [from, to] = [decodeOffset(pair, 0), decodeOffset(pair, 8)];
        if (to === from) return {columns: header.columns, rows: []};
        return decodeShard(await source.gunzip(await source.read(where.dataStart + from, where.dataStart + to)));
      })();
      cache.set(i, payload);
    }
    return payload;
  };
  return {
    header,
    get: async (key) => findRow(await shard(shardOf(key, header.shard_bits)), header.key, key)
  };
}
