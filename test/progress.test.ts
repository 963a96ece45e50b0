// Progress lines of long loaders: loader, step, rows with thousands separators, seconds since the start.
import {expect, test} from "vitest";
import {progress} from "../loaders/progress.js";

test("one line per step with rows and elapsed seconds", () => {
  const lines: string[] = [];
  const clock = [1000, 3500, 64_250];
  const step = progress(
    "segments",
    (line) => lines.push(line),
    () => clock.shift()!
  );
  step("RFM segments", 96096);
  step("k-means");
  expect(lines).toEqual(["segments: RFM segments · 96,096 rows · 2.5 s", "segments: k-means · 63.3 s"]);
});
