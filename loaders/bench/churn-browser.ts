// Times scoring plus explaining one customer in real Chromium (Debian's, driven by playwright-core): the lib/ml
// scorer and TreeSHAP bundled by esbuild into a blank page, the published model, real feature rows.
import {build} from "esbuild";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import type {FeatureRow} from "../../lib/churn/encode.js";
import {launchChromium} from "../report/chromium.js";
import type {BrowserTiming} from "./churn-browser-entry.js";

const HERE = dirname(fileURLToPath(import.meta.url));

export async function browserScoreAndExplain(
  model: object,
  rows: FeatureRow[],
  repeats: number
): Promise<BrowserTiming> {
  const bundle = await build({
    entryPoints: [join(HERE, "churn-browser-entry.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022"
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addScriptTag({content: bundle.outputFiles[0]!.text});
    return await page.evaluate(
      ([m, r, k]) =>
        (
          globalThis as unknown as {timeScoreAndExplain: (m: unknown, r: unknown, k: number) => BrowserTiming}
        ).timeScoreAndExplain(m, r, k),
      [model, rows, repeats] as const
    );
  } finally {
    await browser.close();
  }
}
