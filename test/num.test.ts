// The shared numeric helpers: rounding, the empty-denominator rule and calendar day numbers.
import {describe, expect, test} from "vitest";
import {addDays, dateOfDay, dayNumber, ratio, round, roundSignificant} from "../lib/num.js";

describe("round and roundSignificant", () => {
  test("decimals as toFixed rounds them; non-finite values pass through", () => {
    expect(round(2.345678, 2)).toBe(2.35);
    expect(round(-0.125, 1)).toBe(-0.1);
    expect(round(1234.5, 0)).toBe(1235);
    expect(round(NaN, 2)).toBeNaN();
    expect(round(Infinity, 2)).toBe(Infinity);
  });

  test("significant digits keep the order of magnitude of small values", () => {
    expect(roundSignificant(0.000123456, 3)).toBe(0.000123);
    expect(roundSignificant(98765, 2)).toBe(99000);
    expect(roundSignificant(0, 3)).toBe(0);
  });
});

test("ratio: a share of an empty whole is unknown (null), not 0", () => {
  expect(ratio(3, 4)).toBe(0.75);
  expect(ratio(0, 4)).toBe(0);
  expect(ratio(3, 0)).toBeNull();
  expect(ratio(0, 0)).toBeNull();
  expect(ratio(1, NaN)).toBeNull();
  expect(ratio(NaN, 2)).toBeNull();
});

describe("day numbers", () => {
  test("whole days since 1970-01-01, whatever the time of day", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-01-02")).toBe(1);
    // 2016 and 2018: 365·48 days plus the 12 leap days from 1972 to 2016 → 17,532 for 2018-01-01
    expect(dayNumber("2018-01-01")).toBe(365 * 48 + 12);
    expect(dayNumber("2018-01-01 23:59:59")).toBe(dayNumber("2018-01-01"));
    expect(dayNumber("2016-03-01") - dayNumber("2016-02-28")).toBe(2); // 2016 is a leap year
  });

  test("dateOfDay inverts dayNumber and addDays crosses months and years", () => {
    expect(dateOfDay(dayNumber("2018-08-31"))).toBe("2018-08-31");
    expect(addDays("2018-08-31", 1)).toBe("2018-09-01");
    expect(addDays("2018-03-04", 180)).toBe("2018-08-31");
    expect(addDays("2017-01-01", -1)).toBe("2016-12-31");
  });

  test("a date that is not YYYY-MM-DD is an error, not NaN", () => {
    expect(() => dayNumber("31/08/2018")).toThrow(/YYYY-MM-DD/);
  });
});
