import {defineConfig} from "vitest/config";

// Two projects: "unit" (lib, loaders, ingest) and "site" (the built site in Chromium). The site project builds
// the site once in its global setup, so running only unit tests never pays for a build.
export default defineConfig({
  test: {
    // DuckDB's native addon and child processes are happier in forked workers than in worker threads.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 900_000,
    projects: [
      {extends: true, test: {name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/site/**"]}},
      {
        extends: true,
        test: {name: "site", include: ["test/site/**/*.test.ts"], globalSetup: ["test/site/global-setup.ts"]}
      }
    ]
  }
});
