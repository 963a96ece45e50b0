// Writes the templated pages' slugs for observablehq.config.ts (see paths.ts): the same slices, in the same
// order, as the loaders src/data/states.json.ts and src/data/categories.json.ts print.
import {mkdirSync, writeFileSync} from "node:fs";
import {dirname} from "node:path";
import type {Warehouse} from "../warehouse/warehouse.js";
import {categoryKpis} from "./categories.js";
import {slicePathsFile, type SliceSlugs} from "./paths.js";
import {stateKpis} from "./states.js";

export async function writeSlicePaths(warehouse: Warehouse, analysisDate: string): Promise<SliceSlugs> {
  const slugs: SliceSlugs = {
    states: (await stateKpis(warehouse, analysisDate)).map((s) => s.slug),
    categories: (await categoryKpis(warehouse, analysisDate)).map((c) => c.slug)
  };
  const file = slicePathsFile();
  mkdirSync(dirname(file), {recursive: true});
  writeFileSync(file, JSON.stringify(slugs));
  return slugs;
}
