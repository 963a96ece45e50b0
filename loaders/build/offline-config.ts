/**
 * observablehq.config.ts settings for building and viewing the site with no network. Spread it into the
 * real config: `export default {root: "src", ...offlineConfig, ...}`; run loaders/build/offline-npm.ts first.
 */
export const offlineConfig = {
  // DuckDBClient / `sql` front matter otherwise download the json and parquet extensions from
  // extensions.duckdb.org at build time (and the browser would fetch them from there too). Only `null`
  // removes them: `false` (Framework's own default) still installs them, it only skips LOAD.
  // Consequence: SQL over .parquet files doesn't work in the browser (DuckDB-wasm would fetch the
  // extension); register Arrow (.arrow) files, or FileAttachment(...).parquet() tables, instead.
  duckdb: {extensions: {json: null, parquet: null}},
  // The default global stylesheet list includes a Google Fonts stylesheet (Source Serif 4), fetched by
  // every page in the browser; an empty list keeps the theme (observablehq:default.css is built in) and
  // falls back to the local serif font.
  globalStylesheets: [] as string[],
  // Not a network fetch, but without an icon Chromium requests /favicon.ico, which 404s on a static server
  // and shows as a console error in the offline page checks. If the site sets its own `head`, keep this link.
  head: '<link rel="icon" href="data:,">'
};
