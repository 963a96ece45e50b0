// The page-weight part of `npm run bench`: each built page opened in Debian's Chromium from a local static server
// (with byte ranges, as static hosts answer them) until the network is idle; the bytes it fetched, raw and as gzip
// would send them (the server itself does not compress, so each response body is gzipped here at level 6), and
// the time to network idle. The goal (issue 13): < 1 MB over the wire at scale 1, < 1.5 MB at scale 100.
import {readdirSync} from "node:fs";
import {gzipSync} from "node:zlib";
import {launchChromium} from "../report/chromium.js";
import {serveStatic} from "../report/static-server.js";

export interface PageWeight {
  page: string;
  requests: number;
  raw_bytes: number;
  gzip_bytes: number;
  seconds_to_idle: number;
}

/** Built pages as routes ("index", "states/sp", …); `sample` keeps two of each family of generated pages. */
export function builtRoutes(output: string, sample: boolean): string[] {
  const routes = readdirSync(output, {recursive: true, encoding: "utf8"})
    .filter((f) => f.endsWith(".html") && f !== "404.html" && !f.startsWith("_"))
    .map((f) => f.replace(/\.html$/, ""))
    .sort();
  if (!sample) return routes;
  const seen = new Map<string, number>();
  return routes.filter((route) => {
    const family = route.includes("/") ? route.split("/")[0]! : route;
    if (family === route || family === "embed") return true;
    seen.set(family, (seen.get(family) ?? 0) + 1);
    return seen.get(family)! <= 2;
  });
}

export async function pageWeights(output: string, routes: string[]): Promise<PageWeight[]> {
  const site = await serveStatic(output);
  const browser = await launchChromium();
  const weights: PageWeight[] = [];
  try {
    for (const page of routes) {
      const tab = await browser.newPage();
      let raw = 0;
      let gzip = 0;
      let requests = 0;
      tab.on("response", async (response) => {
        const body = await response.body().catch(() => null);
        if (!body) return;
        requests++;
        raw += body.length;
        gzip += gzipSync(body, {level: 6}).length;
      });
      const started = performance.now();
      await tab.goto(`${site.url}/${page === "index" ? "" : page}`, {waitUntil: "networkidle", timeout: 120_000});
      const seconds = (performance.now() - started) / 1000;
      await tab.waitForTimeout(200); // the last bodies' handlers
      weights.push({page, requests, raw_bytes: raw, gzip_bytes: gzip, seconds_to_idle: Number(seconds.toFixed(2))});
      await tab.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return weights.sort((a, b) => b.gzip_bytes - a.gzip_bytes);
}
