// Finds one person's row in a lookup pack (lib/lookup/pack.ts) from a page: a Range request for the header, one
// for the shard's offsets and one for the shard (usually well under 100 KB), whatever the number of customers.
// A host that ignores Range requests sends the whole file instead; that still works, once, at its full size.
import {openPack, type LookupPack} from "../lib/lookup/pack.js";

export type {LookupPack};

/** `url` is the pack's address, e.g. `FileAttachment("data/churn-lookup.pack").href`. */
export function openLookup(url: string): Promise<LookupPack> {
  let whole: Promise<Uint8Array> | null = null;
  return openPack({
    async read(start, end) {
      if (whole) return (await whole).subarray(start, end);
      const response = await fetch(url, {headers: {range: `bytes=${start}-${end - 1}`}});
      if (response.status === 206) return new Uint8Array(await response.arrayBuffer());
      if (!response.ok) throw new Error(`lookup ${url}: HTTP ${response.status}`);
      whole = response.arrayBuffer().then((buffer) => new Uint8Array(buffer));
      return (await whole).subarray(start, end);
    },
    async gunzip(bytes) {
      const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    }
  });
}
