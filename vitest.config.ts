import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // DuckDB's native addon and child processes are happier in forked workers than in worker threads.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 300_000
  }
});
