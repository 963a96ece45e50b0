// The templated pages' paths, for observablehq.config.ts (dynamicPaths). Framework needs them before any
// loader runs, so loaders/build/prepare.ts writes the slugs (write-paths.ts) after building the warehouse, and
// the config reads them here without loading any database code.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {cacheDir} from "../config.js";

export interface SliceSlugs {
  states: string[];
  categories: string[];
}

export const slicePathsFile = (): string => join(cacheDir(), "slice-paths.json");

export function slicePagePaths(): string[] {
  const file = slicePathsFile();
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: loaders/build/prepare.ts writes it before every build (npm run build, npm run dev)`
    );
  }
  const slugs = JSON.parse(readFileSync(file, "utf8")) as SliceSlugs;
  return [...slugs.states.map((s) => `/states/${s}`), ...slugs.categories.map((c) => `/categories/${c}`)];
}
