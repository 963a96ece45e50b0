// The embedded default data: the synthetic Olist files, generated on first use into the cache. The folder
// name carries the scale, the seed and a hash of the generator code, so a changed generator regenerates.
import {mkdirSync, renameSync, rmSync} from "node:fs";
import {dirname, join} from "node:path";
import {PROJECT_ROOT, type DataSource} from "./config.js";
import {buildOnce} from "./lock.js";
import {hashSources, listFiles} from "./fingerprint.js";

function generatorHash(): string {
  const synth = listFiles(join(PROJECT_ROOT, "loaders", "synth"), (name) => name.endsWith(".ts"), PROJECT_ROOT);
  return hashSources(PROJECT_ROOT, [...synth, "lib/random.ts"]).slice(0, 12);
}

export async function ensureSynthetic(source: DataSource, log: (line: string) => void): Promise<string> {
  const dir = `${source.dir}-${generatorHash()}`;
  await buildOnce(dir, async () => {
    const started = Date.now();
    log(`synthetic: generating scale ${source.scale}, seed ${source.seed} into ${dir}`);
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, {recursive: true, force: true});
    mkdirSync(dirname(dir), {recursive: true});
    try {
      // Imported here so that loaders on real data never load the generator.
      const {generateOlist} = await import("./synth/generate.js");
      await generateOlist({scale: source.scale ?? 1, seed: source.seed ?? 42, outDir: tmp});
      renameSync(tmp, dir);
    } finally {
      rmSync(tmp, {recursive: true, force: true});
    }
    log(`synthetic: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
  return dir;
}
