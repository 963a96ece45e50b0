// Content fingerprints: the warehouse is keyed by its input files and by the code that ingests them, so a
// changed CSV or a changed ingest step builds a new warehouse instead of serving a stale one.
import {createHash} from "node:crypto";
import {createReadStream, readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";

export async function hashFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Files under `dir` (recursively) whose names pass `keep`, sorted, as paths relative to `root`. */
export function listFiles(dir: string, keep: (name: string) => boolean, root = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path, keep, root));
    else if (keep(entry.name)) out.push(relative(root, path));
  }
  return out.sort();
}

/** Hash of the contents of source files (code), with their relative paths. */
export function hashSources(root: string, paths: string[]): string {
  const hash = createHash("sha256");
  for (const path of paths) {
    hash
      .update(path)
      .update("\0")
      .update(readFileSync(join(root, path)))
      .update("\0");
  }
  return hash.digest("hex");
}

export function fileSize(path: string): number {
  return statSync(path).size;
}
