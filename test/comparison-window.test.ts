// Which months the KPI cards compare (lib/comparison-window.ts): the last complete months against the months before
// and the same months a year earlier; sparse and partial months are skipped and never compared.
import {describe, expect, test} from "vitest";
import {comparisonWindow, lastDay, monthIndex, monthsLabel} from "../lib/comparison-window.js";
import type {MonthDensity} from "../lib/contracts/changes.js";

/** Every month from `from` to `to`, complete and dense unless listed. */
function calendar(from: string, to: string, {sparse = [] as string[], incomplete = [] as string[]} = {}) {
  const months: MonthDensity[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) {
    const month = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
    months.push({month, complete: !incomplete.includes(month), sparse: sparse.includes(month)});
  }
  return months;
}

describe("month labels", () => {
  test("runs of months, the year written once when all share it", () => {
    expect(monthsLabel(["2018-06", "2018-07", "2018-08"])).toBe("Jun–Aug 2018");
    expect(monthsLabel(["2017-12", "2018-01", "2018-02"])).toBe("Dec 2017–Feb 2018");
    expect(monthsLabel(["2018-03", "2018-05", "2018-06"])).toBe("Mar, May–Jun 2018");
    expect(monthsLabel(["2017-11", "2018-01", "2018-02"])).toBe("Nov 2017, Jan–Feb 2018");
    expect(monthsLabel(["2018-09"])).toBe("Sep 2018");
  });

  test("the last day of a month, leap years included", () => {
    expect(lastDay("2018-02")).toBe("2018-02-28");
    expect(lastDay("2016-02")).toBe("2016-02-29");
    expect(lastDay("2018-12")).toBe("2018-12-31");
  });

  test("a malformed month is an error", () => {
    expect(() => monthIndex("2018-13")).toThrow('expected a month as YYYY-MM, got "2018-13"');
  });
});

describe("comparisonWindow", () => {
  test("real Olist's shape: the sparse, partial tail is skipped; a year earlier is reached", () => {
    // Sep 2016 … Oct 2018; Sep 2016, Nov and Dec 2016, Sep 2018 are sparse, Oct 2018 is partial (analysis date 10-17).
    const c = comparisonWindow(
      calendar("2016-09", "2018-10", {
        sparse: ["2016-09", "2016-11", "2016-12", "2018-09", "2018-10"],
        incomplete: ["2018-10"]
      })
    );
    expect(c.recent).toEqual({months: ["2018-06", "2018-07", "2018-08"], label: "Jun–Aug 2018", as_of: "2018-08-31"});
    expect(c.previous).toEqual({months: ["2018-03", "2018-04", "2018-05"], label: "Mar–May 2018", as_of: "2018-05-31"});
    expect(c.year_ago).toEqual({months: ["2017-06", "2017-07", "2017-08"], label: "Jun–Aug 2017", as_of: "2017-08-31"});
    expect(c.missing).toEqual({});
    // 24 months ending with the last recent month: Sep 2016 … Aug 2018.
    expect(c.sparkline_months).toHaveLength(24);
    expect([c.sparkline_months[0], c.sparkline_months.at(-1)]).toEqual(["2016-09", "2018-08"]);
    expect(c.left_out).toEqual([
      {month: "2016-09", reason: "sparse"},
      {month: "2016-11", reason: "sparse"},
      {month: "2016-12", reason: "sparse"},
      {month: "2018-09", reason: "sparse"},
      {month: "2018-10", reason: "incomplete and sparse"}
    ]);
  });

  test("a sparse month inside a side is skipped: three complete months within five", () => {
    const c = comparisonWindow(calendar("2017-01", "2018-06", {sparse: ["2018-04"]}));
    expect(c.recent?.months).toEqual(["2018-03", "2018-05", "2018-06"]);
    expect(c.recent?.label).toBe("Mar, May–Jun 2018");
    expect(c.previous?.months).toEqual(["2017-12", "2018-01", "2018-02"]);
    // The same calendar months a year earlier.
    expect(c.year_ago?.months).toEqual(["2017-03", "2017-05", "2017-06"]);
    expect(c.left_out).toEqual([{month: "2018-04", reason: "sparse"}]);
  });

  test("no side is scattered: fewer than three complete months within five leaves the side out", () => {
    // Sparse Oct–Dec 2017 are out of both sides' reach; sparse Dec 2017–Feb 2018 leave Mar 2018 and Nov 2017 as
    // the only complete months of the five up to Mar 2018.
    const c = comparisonWindow(calendar("2017-01", "2018-06", {sparse: ["2017-10", "2017-11", "2017-12"]}));
    expect(c.recent?.label).toBe("Apr–Jun 2018");
    expect(c.previous?.months).toEqual(["2018-01", "2018-02", "2018-03"]);
    const d = comparisonWindow(calendar("2017-01", "2018-06", {sparse: ["2017-12", "2018-01", "2018-02"]}));
    expect(d.previous).toBeNull();
    expect(d.missing.previous).toBe("fewer than 3 of the 5 months up to Mar 2018 are complete");
  });

  test("no year-earlier comparison when the data do not reach it, or a month then is sparse", () => {
    const short = comparisonWindow(calendar("2017-10", "2018-06"));
    expect(short.recent?.label).toBe("Apr–Jun 2018");
    expect(short.previous?.label).toBe("Jan–Mar 2018");
    expect(short.year_ago).toBeNull();
    expect(short.missing.year_ago).toBe("the data start in Oct 2017");
    const gap = comparisonWindow(calendar("2017-01", "2018-06", {sparse: ["2017-05"]}));
    expect(gap.year_ago).toBeNull();
    expect(gap.missing.year_ago).toBe("May 2017 is sparse");
  });

  test("the month of the analysis date is compared only once it is over", () => {
    const c = comparisonWindow(calendar("2017-01", "2018-07", {incomplete: ["2018-07"]}));
    expect(c.recent?.label).toBe("Apr–Jun 2018");
    expect(c.left_out).toEqual([{month: "2018-07", reason: "incomplete"}]);
  });

  test("too few complete months: nothing is compared, and the reason is given", () => {
    const c = comparisonWindow(calendar("2018-05", "2018-07", {incomplete: ["2018-07"]}));
    expect(c.recent).toBeNull();
    expect(c.previous).toBeNull();
    expect(c.missing.recent).toBe("fewer than 3 of the 5 months up to Jun 2018 are complete");
    expect(comparisonWindow([]).missing.recent).toBe("the data hold no month");
  });

  test("a month missing from the calendar counts as sparse, and the input's order does not matter", () => {
    const months = calendar("2017-01", "2018-06")
      .filter((m) => m.month !== "2018-04")
      .reverse();
    const c = comparisonWindow(months);
    expect(c.recent?.months).toEqual(["2018-03", "2018-05", "2018-06"]);
    expect(c.left_out).toEqual([{month: "2018-04", reason: "sparse"}]);
  });
});
